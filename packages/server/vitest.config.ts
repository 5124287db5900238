import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'server', include: ['src/**/*.test.ts'], exclude: ['src/domain/host-zone.test.ts'] } },
      {
        // The domain again with the process in a far zone (UTC+14, no DST): nothing in the slot
        // engine may depend on the host's zone.
        extends: true,
        test: { name: 'host-zone', include: ['src/domain/**/*.test.ts'], env: { TZ: 'Pacific/Kiritimati' } },
      },
    ],
  },
});

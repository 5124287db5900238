import { describe, expect, it } from 'vitest';

// Runs only in the `host-zone` project (see vitest.config.ts).
describe('the host zone', () => {
  it('is Pacific/Kiritimati (UTC+14), so the far-zone run of the domain tests is real', () => {
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(-14 * 60);
  });
});

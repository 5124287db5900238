import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts', demo: 'src/demo.ts', 'testing/reference-slots': 'src/testing/reference-slots.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', node: 'src/node.ts', 'testing/reference-slots': 'src/testing/reference-slots.ts' } },
  clean: true,
  target: 'node20',
  sourcemap: true,
});

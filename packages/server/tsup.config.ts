import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    // The production entry (`pnpm start`): serves the API configured from the environment.
    main: 'src/main.ts',
    demo: 'src/demo.ts',
    // The delivery worker thread the production entry starts (`deliveries-thread.ts`).
    'delivery-worker': 'src/delivery-worker.ts',
    'testing/reference-slots': 'src/testing/reference-slots.ts',
    // For other packages' tests (the widget's browser tests pay through it); never imported by the API.
    'testing/fake-stripe': 'src/testing/fake-stripe/index.ts',
    // The demo's seed as INSERTs for D1 (`scripts/d1-seed.mjs`, `examples/edge-worker`'s `pnpm edge`).
    'testing/d1-seed': 'src/testing/d1-seed.ts',
  },
  format: ['esm'],
  dts: {
    entry: {
      index: 'src/index.ts',
      node: 'src/node.ts',
      'testing/reference-slots': 'src/testing/reference-slots.ts',
      'testing/fake-stripe': 'src/testing/fake-stripe/index.ts',
      'testing/d1-seed': 'src/testing/d1-seed.ts',
    },
  },
  clean: true,
  target: 'node20',
  sourcemap: true,
});

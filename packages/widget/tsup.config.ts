import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // For bundlers: the elements as ESM, dependencies left to the consumer's bundler.
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: true,
    // The script-tag and console builds below write into the same folder at the same time.
    clean: ['!slotwise.js', '!slotwise.js.map', '!console'],
    target: 'es2022',
    platform: 'browser',
    sourcemap: true,
    external: ['lit', /^lit\//, '@lit/context', '@slotwise/sdk'],
  },
  {
    // For `<script src=".../slotwise.js" defer>`: one minified file with everything inside.
    entry: { slotwise: 'src/slotwise.ts' },
    format: ['iife'],
    outExtension: () => ({ js: '.js' }),
    target: 'es2022',
    platform: 'browser',
    minify: true,
    sourcemap: true,
    noExternal: [/.*/],
  },
  {
    // `<slotwise-console>`: its own ESM bundle, never part of slotwise.js. Each screen is a
    // dynamic import, so code splitting puts it in a chunk beside console.js that loads on its
    // first visit. `scripts/size.mjs` measures the first load and fails over its budget.
    entry: { console: 'src/console/console.ts' },
    outDir: 'dist/console',
    format: ['esm'],
    splitting: true,
    clean: true,
    target: 'es2022',
    platform: 'browser',
    minify: true,
    sourcemap: true,
    noExternal: [/.*/],
  },
]);

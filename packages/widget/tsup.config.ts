import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // For bundlers: the elements as ESM, dependencies left to the consumer's bundler.
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: true,
    // The script-tag build below writes into the same folder at the same time.
    clean: ['!slotwise.js', '!slotwise.js.map'],
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
]);

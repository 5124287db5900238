import { defineConfig } from 'tsup';
import { writeLoader } from './scripts/loader.mjs';

export default defineConfig([
  {
    // For bundlers: the elements as ESM, dependencies left to the consumer's bundler.
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: true,
    // The script-tag and console builds below write into the same folder at the same time.
    clean: ['!slotwise.js', '!slotwise', '!console'],
    target: 'es2022',
    platform: 'browser',
    sourcemap: true,
    external: ['lit', /^lit\//, '@lit/context', '@slotwise/sdk'],
  },
  {
    // For `<script src=".../slotwise.js" defer>`: ES modules with code splitting in
    // `dist/slotwise/` — the entry and its shared chunks, plus lazy chunks (payment step, manage
    // view, other languages) — every name content-hashed, so each file is cached for a year.
    // `dist/slotwise.js` is the small classic script the snippet names: it preloads the entry's
    // static graph in parallel and imports the entry relative to its own URL (`onSuccess`).
    entry: { slotwise: 'src/slotwise.ts' },
    outDir: 'dist/slotwise',
    format: ['esm'],
    splitting: true,
    clean: true,
    target: 'es2022',
    platform: 'browser',
    minify: true,
    sourcemap: true,
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.entryNames = '[name]-[hash]';
    },
    onSuccess: writeLoader,
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

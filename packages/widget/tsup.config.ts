import { defineConfig, type Options } from 'tsup';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLoader } from './scripts/loader.mjs';
import { DEFAULT_FONT } from './src/styles/font.js';

/** An esbuild plugin (esbuild is tsup's, not a dependency of ours). */
type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const scriptTagEntry = fileURLToPath(new URL('./src/slotwise.ts', import.meta.url));

/**
 * One first-load chunk instead of a dozen. esbuild's code splitting puts each module in a chunk
 * keyed by the set of entry points (the entry and every `import()` target) that reach it, so the
 * modules the entry shares with different subsets of lazy parts landed in a dozen small chunks,
 * each paying gzip's per-file overhead (37.3 KB gzip; 33.7 KB as one stream). This plugin makes
 * every `import()` target also import the entry module itself, side effects only: every module of
 * the first load is then reached by ALL entry points and lands in ONE shared chunk (the entry file
 * is a stub importing it). Semantics are unchanged: a lazy part only ever loads after the entry ran,
 * and an ES module evaluates once, so the added import is a no-op at run time. The wrapper
 * re-exports the part's named exports (`import()` callers here use named exports only; a default
 * export would need `export { default }` too).
 */
const lazyPartsImportTheEntry: Plugin = {
  name: 'lazy-parts-import-the-entry',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData === 'lazy-part') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'lazy-part' });
      if (resolved.errors.length > 0 || resolved.external) return resolved;
      return { path: resolved.path, namespace: 'lazy-part' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-part' }, (args) => ({
      contents: `import ${JSON.stringify(scriptTagEntry)};\nexport * from ${JSON.stringify(args.path)};\n`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * Lit's `css\`…\`` templates are strings esbuild's minifier keeps as written (indentation, one
 * declaration a line, comments): 0.2 KB gzip of the first load. For the script-tag build this
 * plugin strips their comments and the whitespace CSS does not need (runs collapsed to one space,
 * none around `{`, `}`, `;`) — whitespace only, so every rule means what it meant. No stylesheet
 * here quotes text with runs of spaces (a `content: "a  b"` would lose them).
 */
const compactLitCss: Plugin = {
  name: 'compact-lit-css',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('css`')) return undefined;
      const contents = source.replace(/css`([^`]*)`/g, (_, text: string) => `css\`${text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};])\s*/g, '$1')
        .trim()}\``);
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * What the three bundles a page loads by URL share (the script tag's, the console's, the
 * directory's): minified ES modules with code splitting, every dependency inside, in a folder of
 * their own that each build empties first.
 */
const selfContained = {
  format: ['esm'],
  splitting: true,
  clean: true,
  target: 'es2022',
  platform: 'browser',
  minify: true,
  sourcemap: true,
  noExternal: [/.*/],
} satisfies Options;

export default defineConfig([
  {
    // For bundlers: the elements as ESM, dependencies left to the consumer's bundler.
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: true,
    // The script-tag and console builds below write into the same folder at the same time.
    clean: ['!slotwise.js', '!slotwise', '!console', '!directory'],
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
    ...selfContained,
    esbuildPlugins: [lazyPartsImportTheEntry, compactLitCss],
    esbuildOptions(options) {
      options.entryNames = '[name]-[hash]';
      // The SDK from its sources (its `@slotwise/source` export condition, as `tsconfig` reads it)
      // rather than its bundled dist: esbuild then tree-shakes the SDK module by module, 0.6 KB gzip
      // less in the first load (measured). Same code: the dist is built from these sources.
      options.conditions = ['@slotwise/source'];
    },
    onSuccess: () => writeLoader({ font: DEFAULT_FONT }),
  },
  {
    // `<slotwise-console>`: its own ESM bundle, never part of slotwise.js. Each screen is a
    // dynamic import, so code splitting puts it in a chunk beside console.js that loads on its
    // first visit. `scripts/size.mjs` measures the first load and fails over its budget.
    entry: { console: 'src/console/console.ts' },
    outDir: 'dist/console',
    ...selfContained,
  },
  {
    // `<slotwise-directory>`: its own ESM bundle for the page that lists specialists, never part
    // of slotwise.js (the booking widget's first load does not grow); other languages are chunks
    // beside it, loaded on first use.
    entry: { directory: 'src/directory/directory.ts' },
    outDir: 'dist/directory',
    ...selfContained,
    esbuildPlugins: [compactLitCss],
  },
]);

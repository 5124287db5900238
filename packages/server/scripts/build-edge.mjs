// Builds the Workers entry (`src/edge.ts`) the way workerd loads it WITHOUT `nodejs_compat`:
// one ES module, resolved with the `workerd`/`worker`/`browser` conditions, no Node builtin left.
// Any `node:` import (or bare `fs`, `buffer` …) fails the build and names the import chain that
// brought it in, from `src/edge.ts` down to the importing file.
//
//   node scripts/build-edge.mjs            → dist-edge/worker.js (+ .map), sizes on stdout
//   node scripts/build-edge.mjs --json     → the same, the report as one JSON line
//   node scripts/build-edge.mjs --outdir D → into D
//   node scripts/build-edge.mjs --entry F  → another entry (the test's check of the check)
import { builtinModules } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** The import chain from the entry to `file`, through the first importer of each step. */
function chainTo(file, inputs) {
  const importers = new Map();
  for (const [from, info] of Object.entries(inputs)) for (const { path } of info.imports) if (!importers.has(path)) importers.set(path, from);
  const chain = [file];
  for (let at = importers.get(file); at && !chain.includes(at); at = importers.get(at)) chain.unshift(at);
  return chain.map((f) => f.replace(/^.*node_modules\/(?!\.pnpm)/, '').replace(/^\.\.\/\.\.\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, ''));
}

/**
 * @param {{ outdir?: string, entry?: string, minify?: boolean }} options
 * @returns {Promise<{ file: string, bytes: number, gzipBytes: number, nodeImports: { module: string, chain: string[] }[], exports: string[] }>}
 */
export async function buildEdge({ outdir = join(root, 'dist-edge'), entry = 'src/edge.ts', minify = true } = {}) {
  const builtins = [];
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { worker: entry },
    outdir,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    minify,
    sourcemap: 'external',
    metafile: true,
    logLevel: 'error',
    plugins: [
      {
        name: 'no-node-builtins',
        setup(build) {
          // Let the bundle finish so the report can name every builtin, not only the first.
          build.onResolve({ filter: /.*/ }, (args) => (BUILTINS.has(args.path) ? { path: args.path, external: true } : undefined));
        },
      },
    ],
  });
  const { inputs } = result.metafile;
  for (const [file, info] of Object.entries(inputs)) {
    for (const imported of info.imports) if (imported.external && BUILTINS.has(imported.path)) builtins.push({ module: imported.path, chain: chainTo(file, inputs) });
  }
  mkdirSync(outdir, { recursive: true });
  for (const output of result.outputFiles) writeFileSync(output.path, output.contents);
  const worker = result.outputFiles.find((f) => f.path.endsWith('worker.js'));
  // workerd takes every named export of the main module for an entrypoint and will not start when
  // one is not a handler: anything but `default` is reported (and fails the CLI).
  const exports = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('worker.js'))[1].exports;
  return { file: worker.path, bytes: worker.contents.byteLength, gzipBytes: gzipSync(worker.contents, { level: 9 }).byteLength, nodeImports: builtins, exports };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? { [name.slice(2)]: args[args.indexOf(name) + 1] } : {});
  const report = await buildEdge({ ...option('--outdir'), ...option('--entry') });
  if (args.includes('--json')) console.log(JSON.stringify(report));
  else {
    console.log(`${relative(process.cwd(), report.file)}: ${(report.bytes / 1024).toFixed(1)} KiB, ${(report.gzipBytes / 1024).toFixed(1)} KiB gzip`);
    for (const { module, chain } of report.nodeImports) console.error(`Node builtin ${module}: ${chain.join(' → ')}`);
  }
  const named = report.exports.filter((name) => name !== 'default');
  if (named.length > 0) {
    console.error(`The Worker's module exports ${named.join(', ')} besides default: workerd refuses to start a Worker whose named exports are not handlers.`);
    process.exitCode = 1;
  }
  if (report.nodeImports.length > 0) {
    console.error(`The Workers build imports ${report.nodeImports.length} Node builtin(s): workerd without nodejs_compat cannot load it.`);
    process.exitCode = 1;
  }
}

// What the Worker needs before wrangler can run or deploy it: each package's JavaScript (skipped
// when up to date), the server's Worker bundle, and the static assets folder `public/` — the
// widget's build under `public/widget/` (where the server's `assetsBinding` reads it through
// `env.ASSETS`) and the demo page of `examples/embed-html` at `/`.
//
//   node scripts/build.mjs      (pnpm --filter @slotwise/example-edge-worker build; before `wrangler deploy`)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEdge, ENTRYPOINTS } from '../../../packages/server/scripts/build-edge.mjs';

export const example = fileURLToPath(new URL('..', import.meta.url));
export const repo = join(example, '..', '..');
export const publicDir = join(example, 'public');

/**
 * The demo page's headers, as the Node demo sends them (`demoPageHeaders` in the server's
 * `http/pages/secure-page.ts`, without Stripe): scripts and API calls from this origin only, no
 * inline script, framed only by this origin. Workers' static assets read them from `_headers`;
 * `/widget/*` does not go through it: the Worker serves those files with its own headers.
 */
export const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-src 'none'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
};

/** Builds the sdk, server and widget JavaScript (`scripts/build-js.mjs`: skips what is up to date). */
export function buildPackages() {
  const run = spawnSync(process.execPath, [join(repo, 'scripts', 'build-js.mjs')], { cwd: repo, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`Building the packages failed (${run.signal ?? `exit ${run.status}`}).`);
}

/**
 * Builds `packages/server/dist-edge/worker.js`, the module `wrangler.jsonc` names as `main`.
 * @throws when workerd could not load it: a Node builtin reached the bundle (no `nodejs_compat`
 *   here) or the module exports more than its entrypoints (handlers, Durable Object classes).
 */
export async function buildWorker() {
  const report = await buildEdge();
  const named = report.exports.filter((name) => !ENTRYPOINTS.includes(name));
  if (report.nodeImports.length > 0 || named.length > 0) {
    throw new Error(`workerd could not load the Worker (${[...report.nodeImports.map((i) => i.module), ...named.map((n) => `export ${n}`)].join(', ')}): \`pnpm --filter @slotwise/server build:edge\` says why.`);
  }
  return report;
}

/** Fills `public/` afresh from the widget's build and the demo page (no type declarations). */
export function assembleAssets() {
  rmSync(publicDir, { recursive: true, force: true });
  mkdirSync(publicDir, { recursive: true });
  cpSync(join(repo, 'packages', 'widget', 'dist'), join(publicDir, 'widget'), { recursive: true, filter: (source) => !source.endsWith('.d.ts') });
  for (const file of ['index.html', 'manage-link.js']) cpSync(join(repo, 'examples', 'embed-html', file), join(publicDir, file));
  const headers = Object.entries(PAGE_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  writeFileSync(join(publicDir, '_headers'), ['/*', ...headers, ''].join('\n'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildPackages();
  const worker = await buildWorker();
  assembleAssets();
  console.log(`Worker: ${(worker.gzipBytes / 1024).toFixed(1)} KiB gzip, no Node builtin; assets in ${publicDir}.`);
}

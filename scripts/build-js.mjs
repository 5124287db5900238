// Builds what runs — each package's JavaScript (`pnpm --filter <pkg> build:js`: tsup without type
// declarations) — in dependency order, and skips a package whose build is newer than every file it
// is made from. `pnpm demo` starts with this; `pnpm build` still builds everything, declarations
// included. `--force` rebuilds every package.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const force = process.argv.includes('--force');

/**
 * `outputs`: the files this build must leave (the entries other packages or the demo load).
 * `from`: what they are made of — besides each package's src/, scripts/ (one writes the widget's
 * loader), package.json, tsup and tsconfig files — including other packages' outputs that get
 * bundled or loaded.
 */
const packages = [
  { name: '@slotwise/sdk', dir: 'packages/sdk', outputs: ['dist/index.js', 'dist/contract/index.js'], from: [] },
  { name: '@slotwise/server', dir: 'packages/server', outputs: ['dist/index.js', 'dist/node.js', 'dist/main.js', 'dist/delivery-worker.js', 'dist/demo.js', 'dist/testing/d1-seed.js'], from: ['packages/sdk/dist'] },
  // The script-tag file bundles the sdk's built JavaScript.
  { name: '@slotwise/widget', dir: 'packages/widget', outputs: ['dist/index.js', 'dist/slotwise.js'], from: ['packages/sdk/dist'] },
];
const shared = ['tsconfig.base.json', 'pnpm-lock.yaml'];

/** The newest modification time under `paths` (files and folders: a deleted file changes its folder). */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    latest = Math.max(latest, stat.mtimeMs);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) if (!entry.endsWith('.d.ts') && !entry.endsWith('.map')) visit(join(path, entry));
  };
  for (const path of paths) visit(join(root, path));
  return latest;
}

const inputsOf = (pkg) => [
  ...['src', 'scripts', 'package.json', 'tsup.config.ts', 'tsconfig.json'].map((file) => `${pkg.dir}/${file}`),
  ...shared,
  ...pkg.from,
];

/** The oldest of the outputs, or 0 when one is missing. */
function oldestOutput(pkg) {
  let oldest = Infinity;
  for (const file of pkg.outputs) {
    const path = join(root, pkg.dir, file);
    if (!existsSync(path)) return 0;
    oldest = Math.min(oldest, statSync(path).mtimeMs);
  }
  return oldest;
}

for (const pkg of packages) {
  const inputs = inputsOf(pkg);
  if (!force && newest(inputs) < oldestOutput(pkg)) {
    console.log(`${pkg.name}: up to date`);
    continue;
  }
  // A file saved while tsup reads the sources may or may not be in the build: build again until
  // no input changed during a build, so an up-to-date verdict can be trusted next time.
  for (let attempt = 1; ; attempt++) {
    const before = newest(inputs);
    const run = spawnSync('pnpm', ['--filter', pkg.name, '--silent', 'run', 'build:js', '--silent'], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`${pkg.name}: build failed (${run.signal ? `signal ${run.signal}` : `exit ${run.status}`}).`);
      process.exit(1);
    }
    if (newest(inputs) === before || attempt === 3) break;
  }
  console.log(`${pkg.name}: built`);
}

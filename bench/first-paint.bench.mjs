// First paint of the booking widget in headless Chromium, against a trivial Lit element loaded the
// same way from the same server in the same run: navigation → services visible, and navigation →
// first open days visible (service preselected). Each load runs in a fresh browser context (cold
// cache, new connections); the figures are medians over --runs loads, pages interleaved.
//
//   pnpm bench:paint                       (builds, then runs)
//   node bench/first-paint.bench.mjs [--runs=10] [--latency=0] [--kbps=0] [--baseline=<dir>]   (after `pnpm build`)
//   (env BENCH_RUNS / BENCH_LATENCY_MS; --latency adds that many ms to every request with
//    Chromium's network emulation, to see the round trips a real network would cost, and --kbps
//    caps the download bandwidth, e.g. --latency=150 --kbps=1600 for a slow mobile link;
//    CHROME_PATH names the browser, default /usr/bin/chromium)
//
// Prints figures, never fails on them: exit 1 only if a page never showed what it waits for.
import { execSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { importBuilt, numberOption, table } from './support.mjs';

const RUNS = numberOption('runs', 'BENCH_RUNS', 10);
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? process.argv.find((a) => a.startsWith('--latency='))?.slice(10) ?? 0);
// `--kbps=1600`: the download bandwidth Chromium emulates, in kilobits per second (a slow mobile link), 0 for none.
const KBPS = Number(process.argv.find((a) => a.startsWith('--kbps='))?.slice(7) ?? 0);
const TARGET = 1.5;
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// puppeteer-core and esbuild as the widget's own tools have them (its test runner, its bundler).
const widgetRoot = fileURLToPath(new URL('../packages/widget/', import.meta.url));
const fromWidget = createRequire(join(widgetRoot, 'package.json'));
const puppeteer = createRequire(fromWidget.resolve('@web/test-runner-chrome'))('puppeteer-core');
const esbuild = createRequire(fromWidget.resolve('tsup/package.json'))('esbuild');
const { startServer } = await importBuilt('../packages/server/dist/node.js');
const { silentLog } = await importBuilt('../packages/server/dist/index.js');

// The widget's build, plus the floor: a trivial Lit element bundled the way slotwise.js was before
// the split (one minified classic script), served beside it by the same static middleware.
const dir = mkdtempSync(join(os.tmpdir(), 'slotwise-paint-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
const assets = join(dir, 'widget');
cpSync(join(widgetRoot, 'dist'), assets, { recursive: true });
// `--baseline=<dir>`: another build of the widget (e.g. main's `packages/widget/dist`, copied
// away before rebuilding) served beside this one under /widget/baseline/ and measured in the
// same run, so a change is judged against what it replaces under the same load.
const BASELINE = process.argv.find((a) => a.startsWith('--baseline='))?.slice(11);
if (BASELINE) cpSync(BASELINE, join(assets, 'baseline'), { recursive: true });
writeFileSync(join(dir, 'trivial.ts'), `import { LitElement, html } from 'lit';
customElements.define('trivial-element', class extends LitElement { render() { return html\`<button>Hello</button>\`; } });`);
// A second floor doing the widget's irreducible work and nothing else: the same profile request
// (with the first month's slots, in the browser's zone, read as the widget reads it: through
// `Temporal` where the browser has it), the price and the first open day through `Intl` (whose
// first use loads the locale's data, tens of ms in a fresh renderer), one button each.
writeFileSync(join(dir, 'data.ts'), `import { LitElement, html } from 'lit';
customElements.define('data-element', class extends LitElement {
  static properties = { profile: { state: true } };
  connectedCallback() {
    super.connectedCallback();
    const zone = globalThis.Temporal?.Now.timeZoneId() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    fetch('/v1/specialists/demo?include=slots&service=intro-call&timezone=' + encodeURIComponent(zone)).then((r) => r.json()).then((p) => { this.profile = p; });
  }
  render() {
    const p = this.profile;
    if (!p) return html\`<p>Loading</p>\`;
    const price = (s) => new Intl.NumberFormat(undefined, { style: 'currency', currency: s.currency ?? 'EUR' }).format((s.price ?? 0) / 100);
    const day = p.slots?.days[0]?.date;
    return html\`\${p.services.map((s) => html\`<button class="service">\${s.name} \${price(s)}</button>\`)}
      \${day ? html\`<button class="day">\${new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(day))}</button>\` : ''}\`;
  }
});`);
for (const name of ['trivial', 'data']) await esbuild.build({
  entryPoints: [join(dir, `${name}.ts`)],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  outfile: join(assets, `${name}.js`),
  nodePaths: [join(widgetRoot, 'node_modules')],
});

const PAGES = {};
const server = await startServer({
  databaseUrl: `file:${join(dir, 'bench.db')}`,
  port: 0,
  seed: 'demo',
  payments: 'offline',
  tickEveryMs: 0,
  rateLimits: false,
  log: silentLog,
  kdfIterations: 1000,
  widgetDir: assets,
  // The bench's pages, on the same origin as the API and the script (filled in below).
  mount: (app) => app.get('/bench/:page', (c) => (PAGES[c.req.param('page')] ? c.html(PAGES[c.req.param('page')]) : c.notFound())),
});
const versioned = await (await fetch(`${server.url}/widget/slotwise.js`, { method: 'HEAD' })).headers.get('content-location');
const entry = 'core.js';
// The README's snippet: the module the loader imports, preloaded beside the script tag.
const hint = `<link rel="modulepreload" href="${versioned.replace(/slotwise\.js$/, 'slotwise/core.js')}">`;
const page = (head, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${head}</head><body>${body}</body></html>`;
const booking = (attrs = '') => `<slotwise-booking specialist="demo"${attrs}></slotwise-booking>`;
Object.assign(PAGES, {
  trivial: page('<script src="/widget/trivial.js" defer></script>', '<trivial-element></trivial-element>'),
  data: page('<script src="/widget/data.js" defer></script>', '<data-element></data-element>'),
  widget: page(`${hint}<script src="${versioned}" defer></script>`, booking()),
  preselected: page(`${hint}<script src="${versioned}" defer></script>`, booking(' service="intro-call"')),
  'script-only': page(`<script src="${versioned}" defer></script>`, booking(' service="intro-call"')),
  module: page(`<script type="module" src="/widget/slotwise/${entry}"></script>`, booking(' service="intro-call"')),
  'baseline-widget': page('<script src="/widget/baseline/slotwise.js" defer></script>', booking()),
  'baseline-preselected': page('<script src="/widget/baseline/slotwise.js" defer></script>', booking(' service="intro-call"')),
});

/** Milliseconds from navigation start to the first animation frame where `visible()` holds, in the page. */
const WAITS = {
  trivial: () => !!document.querySelector('trivial-element')?.shadowRoot?.querySelector('button'),
  data: () => !!document.querySelector('data-element')?.shadowRoot?.querySelector('button.day'),
  services: () =>
    !!document.querySelector('slotwise-booking')?.shadowRoot?.querySelector('slotwise-service-picker')?.shadowRoot?.querySelector('button'),
  days: () =>
    !!document.querySelector('slotwise-booking')?.shadowRoot?.querySelector('slotwise-calendar')?.shadowRoot?.querySelector('button[part~="day-open"]'),
};

const browser = await puppeteer.launch({
  executablePath: CHROME,
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

async function measure(pageName, wait) {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    if (LATENCY > 0 || KBPS > 0) {
      const cdp = await tab.createCDPSession();
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY, downloadThroughput: KBPS > 0 ? (KBPS * 1000) / 8 : -1, uploadThroughput: -1 });
    }
    await tab.goto(`${server.url}/bench/${pageName}`, { waitUntil: 'domcontentloaded' });
    const handle = await tab.waitForFunction(`(${WAITS[wait]})() && performance.now()`, { polling: 'raf', timeout: 20_000 });
    return await handle.jsonValue();
  } finally {
    await context.close();
  }
}

// `--trace=<page>` (e.g. `--trace=preselected`): instead of the table, one traced load of that page
// (after a warm-up), printed as a timeline from navigation start: the renderer main thread's tasks
// of 1 ms or more (what ran in them) and every request's send / response / finish; then what ran
// inside the longest layout and style recalculation (with BENCH_TRACE_CATEGORIES=blink,fonts the
// font lookups show there), and CPU profiles of the loader's task, the modules' and the first render.
const TRACE = process.argv.find((a) => a.startsWith('--trace='))?.slice(8);
if (TRACE) {
  const wait = { trivial: 'trivial', data: 'data', widget: 'services', preselected: 'days', module: 'days', 'script-only': 'days', 'baseline-widget': 'services', 'baseline-preselected': 'days' }[TRACE];
  await measure(TRACE, wait);
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  const cdp = await tab.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const extra = (process.env.BENCH_TRACE_CATEGORIES ?? '').split(',').filter(Boolean);
  await tab.tracing.start({ categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline', 'loading', ...extra] });
  await tab.goto(`${server.url}/bench/${TRACE}`, { waitUntil: 'domcontentloaded' });
  const done = await (await tab.waitForFunction(`(${WAITS[wait]})() && performance.now()`, { polling: 'raf', timeout: 20_000 })).jsonValue();
  const { traceEvents } = JSON.parse(Buffer.from(await tab.tracing.stop()).toString());
  const { profile } = await cdp.send('Profiler.stop');
  await context.close();
  await browser.close();
  await server.close();
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && traceEvents.some((x) => x.pid === e.pid && x.name === 'navigationStart'));
  const nav = traceEvents.filter((e) => e.name === 'navigationStart' && e.pid === main.pid).at(-1).ts;
  const at = (e) => ((e.ts - nav) / 1000).toFixed(1).padStart(6);
  const lines = [];
  const onMain = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= nav).sort((a, b) => a.ts - b.ts);
  for (const task of onMain.filter((e) => e.name === 'RunTask' && e.dur >= 1000)) {
    const inner = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e.dur >= 500 && e.name !== 'RunTask');
    const what = inner.map((e) => `${e.name}${e.args?.data?.url ? ' ' + e.args.data.url.replace(server.url, '') : e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''} ${(e.dur / 1000).toFixed(1)}`).slice(0, 8).join(' | ');
    lines.push([task.ts, `${at(task)} ms  main ${(task.dur / 1000).toFixed(1).padStart(5)} ms  ${what}`]);
  }
  const urls = new Map();
  for (const e of traceEvents.filter((e) => ['ResourceSendRequest', 'ResourceReceiveResponse', 'ResourceFinish'].includes(e.name) && e.ts >= nav)) {
    const id = e.args.data.requestId;
    if (e.args.data.url) urls.set(id, e.args.data.url.replace(server.url, ''));
    lines.push([e.ts, `${at(e)} ms  net  ${e.name.replace('Resource', '').padEnd(15)} ${urls.get(id) ?? id}`]);
  }
  for (const [, line] of lines.sort((a, b) => a[0] - b[0])) console.log(line);
  console.log(`${done.toFixed(1).padStart(6)} ms  target visible (performance.now())`);
  // The longest layout and style recalculation: what ran inside them (0.2 ms or more), and how many layout objects.
  for (const name of ['Layout', 'UpdateLayoutTree']) {
    const longest = onMain.filter((e) => e.name === name).sort((a, b) => b.dur - a.dur)[0];
    if (!longest) continue;
    const objects = longest.args?.beginData ? ` (${longest.args.beginData.dirtyObjects} of ${longest.args.beginData.totalObjects} objects dirty)` : longest.args?.elementCount ? ` (${longest.args.elementCount} elements)` : '';
    console.log(`\nlongest ${name} at ${at(longest)} ms: ${(longest.dur / 1000).toFixed(1)} ms${objects}`);
    const inside = new Map();
    for (const e of onMain.filter((e) => e !== longest && e.ts >= longest.ts && e.ts + e.dur <= longest.ts + longest.dur)) inside.set(e.name, [(inside.get(e.name)?.[0] ?? 0) + e.dur / 1000, (inside.get(e.name)?.[1] ?? 0) + 1]);
    for (const [what, [ms, n]] of [...inside].filter(([, [ms]]) => ms >= 0.2).sort((a, b) => b[1][0] - a[1][0]).slice(0, 15)) console.log(`${ms.toFixed(1).padStart(6)} ms  ${what} ×${n}`);
  }
  // Self time per function in the CPU profile (samples every 0.1 ms), the 25 largest.
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(server.url, '')}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  // Inclusive time per function within the longest main-thread task after the modules ran (the first render).
  const parents = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur >= 1000);
  const firstModule = onMain.find((e) => e.name === 'v8.evaluateModule');
  const render = tasks.filter((t) => firstModule && t.ts > firstModule.ts + firstModule.dur).sort((a, b) => b.dur - a.dur)[0];
  const evaluation = tasks.find((t) => firstModule && t.ts <= firstModule.ts && t.ts + t.dur >= firstModule.ts);
  const loaderRun = onMain.find((e) => e.name === 'EvaluateScript' && /\/slotwise\.js$/.test(e.args?.data?.url ?? ''));
  const loader = loaderRun && tasks.find((t) => t.ts <= loaderRun.ts && t.ts + t.dur >= loaderRun.ts);
  for (const [what, task] of [["the loader's task", loader], ['the task evaluating the modules', evaluation], ['the longest task after the modules ran', render]]) {
    if (!task) continue;
    const total = new Map();
    let t = profile.startTime;
    profile.samples.forEach((id, i) => {
      t += profile.timeDeltas[i] ?? 0;
      if (t < task.ts || t > task.ts + task.dur) return;
      const seen = new Set();
      for (let node = id; node !== undefined; node = parents.get(node)) {
        const { functionName, url, lineNumber, columnNumber } = byId.get(node).callFrame;
        const key = `${functionName || '(anonymous)'} ${url.replace(server.url, '')}:${lineNumber + 1}:${columnNumber + 1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
      }
    });
    console.log(`\nCPU profile of ${what} (${at(task)} ms, ${(task.dur / 1000).toFixed(1)} ms), inclusive time:`);
    for (const [key, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(6)} ms  ${key}`);
  }
  console.log('\nCPU profile, self time:');
  for (const [key, ms] of [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(6)} ms  ${key}`);
  process.exit(0);
}

const browserVersion = await browser.version();
const CASES = [
  ['trivial Lit element (floor)', 'trivial', 'trivial'],
  ['Lit element: same profile request + Intl (data floor)', 'data', 'data'],
  ['widget → services visible', 'widget', 'services'],
  ['widget, service="intro-call" → services visible', 'preselected', 'services'],
  ['widget, service="intro-call" → first open days', 'preselected', 'days'],
  ['the script tag alone (no modulepreload), preselected → first open days', 'script-only', 'days'],
  ['type="module" entry, preselected → first open days', 'module', 'days'],
  ...(BASELINE
    ? [
        ['baseline widget → services visible', 'baseline-widget', 'services'],
        ['baseline, service="intro-call" → first open days', 'baseline-preselected', 'days'],
      ]
    : []),
];
const times = CASES.map(() => []);
let failed = false;
try {
  for (const [name, pageName, wait] of CASES) await measure(pageName, wait).catch((e) => { console.error(`warm-up ${name}: ${e.message}`); }); // server caches and the OS's file cache, not the browser's
  for (let run = 0; run < RUNS; run += 1) {
    for (const [i, [name, pageName, wait]] of CASES.entries()) {
      try {
        times[i].push(await measure(pageName, wait));
      } catch (error) {
        failed = true;
        console.error(`${name}: ${error.message}`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const floor = median(times[0]);
const dataFloor = median(times[1]);
const commit = execSync('git rev-parse --short HEAD', { cwd: widgetRoot }).toString().trim();
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

console.log('First paint benchmark: headless Chromium against the built server, same origin');
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${browserVersion}`);
console.log('inputs:');
console.log(`  commit            ${commit} (the build in packages/*/dist)`);
console.log(`  server            packages/server/dist on a fresh libSQL file, demo seed (2 services), rate limits off; widget files from packages/widget/dist`);
console.log(`  widget script     ${versioned} (classic loader ${gz(join(assets, 'slotwise.js'))} B gzip), module entry slotwise/${entry}`);
console.log(`  floor             /widget/trivial.js: one minified classic script, Lit + an element rendering a button (${gz(join(assets, 'trivial.js'))} B gzip)`);
console.log(`  data floor        /widget/data.js: the same, plus the widget's profile request (include=slots, browser zone) and Intl formatting of a price and the first open day (${gz(join(assets, 'data.js'))} B gzip)`);
console.log(`  loads             ${RUNS} per case after one warm-up each, cases interleaved, a fresh browser context per load (cold HTTP cache), network latency ${LATENCY} ms`);
if (BASELINE) console.log(`  baseline          ${BASELINE} served as /widget/baseline/slotwise.js (the same server, the same run)`);
console.log('  measured          ms from navigation start to the first animation frame showing the target (performance.now() in the page)');
console.log('');
console.log(table(['case', 'median', 'min', 'max', '× floor', '× data floor'], CASES.map(([name], i) => [
  name,
  `${median(times[i]).toFixed(1)} ms`,
  `${Math.min(...times[i]).toFixed(1)} ms`,
  `${Math.max(...times[i]).toFixed(1)} ms`,
  i === 0 ? '1.00' : (median(times[i]) / floor).toFixed(2),
  (median(times[i]) / dataFloor).toFixed(2),
])));
console.log('');
const services = median(times[2]) / floor;
const days = median(times[4]) / floor;
console.log(`services visible: ${services.toFixed(2)}× the floor; first open days (preselected): ${days.toFixed(2)}× — target ≤ ${TARGET}× (${services <= TARGET && days <= TARGET ? 'met' : 'not met'}; informational)`);
console.log(`against the data floor (same request + Intl): services ${(median(times[2]) / dataFloor).toFixed(2)}×, first open days ${(median(times[4]) / dataFloor).toFixed(2)}×`);
process.exit(failed ? 1 : 0);

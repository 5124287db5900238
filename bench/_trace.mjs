// First paint of the booking widget in headless Chromium, against a trivial Lit element loaded the
// same way from the same server in the same run: navigation → services visible, and navigation →
// first open days visible (service preselected). Each load runs in a fresh browser context (cold
// cache, new connections); the figures are medians over --runs loads, pages interleaved.
//
//   pnpm bench:paint                       (builds, then runs)
//   node bench/first-paint.bench.mjs [--runs=10] [--latency=0]   (after `pnpm build`)
//   (env BENCH_RUNS / BENCH_LATENCY_MS; --latency adds that many ms to every request with
//    Chromium's network emulation, to see the round trips a real network would cost;
//    CHROME_PATH names the browser, default /usr/bin/chromium)
//
// Prints figures, never fails on them: exit 1 only if a page never showed what it waits for.
import { execSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { importBuilt, numberOption, table } from './support.mjs';

const RUNS = numberOption('runs', 'BENCH_RUNS', 10);
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? process.argv.find((a) => a.startsWith('--latency='))?.slice(10) ?? 0);
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
writeFileSync(join(dir, 'trivial.ts'), `import { LitElement, html } from 'lit';
customElements.define('trivial-element', class extends LitElement { render() { return html\`<button>Hello</button>\`; } });`);
await esbuild.build({
  entryPoints: [join(dir, 'trivial.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  outfile: join(assets, 'trivial.js'),
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
const entry = readdirSync(join(assets, 'slotwise')).find((name) => /^slotwise-\w+\.js$/.test(name));
const page = (head, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${head}</head><body>${body}</body></html>`;
const booking = (attrs = '') => `<slotwise-booking specialist="demo"${attrs}></slotwise-booking>`;
Object.assign(PAGES, {
  trivial: page('<script src="/widget/trivial.js" defer></script>', '<trivial-element></trivial-element>'),
  widget: page(`<script src="${versioned}" defer></script>`, booking()),
  preselected: page(`<script src="${versioned}" defer></script>`, booking(' service="intro-call"')),
  module: page(`<script type="module" src="/widget/slotwise/${entry}"></script>`, booking(' service="intro-call"')),
});

/** Milliseconds from navigation start to the first animation frame where `visible()` holds, in the page. */
const WAITS = {
  trivial: () => !!document.querySelector('trivial-element')?.shadowRoot?.querySelector('button'),
  services: () =>
    !!document.querySelector('slotwise-booking')?.shadowRoot?.querySelector('slotwise-service-picker')?.shadowRoot?.querySelector('button'),
  days: () =>
    !!document.querySelector('slotwise-booking')?.shadowRoot?.querySelector('slotwise-calendar')?.shadowRoot?.querySelector('button[part~="day-open"]'),
};

const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox','--disable-dev-shm-usage','--disable-gpu','--no-first-run','--disable-background-networking'] });
const which = process.env.WHICH ?? 'preselected'; const wait = which === 'trivial' ? 'trivial' : 'days';
for (let run = 0; run < 3; run++) {
  const context = await browser.createBrowserContext(); const tab = await context.newPage();
  await tab.tracing.start({ categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8'] });
  await tab.goto(`${server.url}/bench/${which}`, { waitUntil: 'domcontentloaded' });
  const t = await (await tab.waitForFunction(`(${WAITS[wait]})() && performance.now()`, { polling: 'raf', timeout: 20000 })).jsonValue();
  const buf = await tab.tracing.stop(); const { traceEvents } = JSON.parse(Buffer.from(buf).toString("utf8"));
  await context.close();
  if (run < 2) continue;
  const nav = traceEvents.find((e) => e.name === 'navigationStart' || e.name === 'markAsMainFrame')?.ts;
  const main = traceEvents.filter((e) => e.name === 'TracingStartedInBrowser' || e.name==='thread_name' && e.args?.name === 'CrRendererMain');
  // renderer main thread: the thread with most FunctionCall events
  const counts = new Map(); for (const e of traceEvents) if (e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'UpdateLayoutTree') counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const [tkey] = [...counts].sort((a, b) => b[1] - a[1])[0]; const evs = traceEvents.filter((e) => `${e.pid}:${e.tid}` === tkey && e.ph === 'X' && e.dur);
  const ns = traceEvents.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === tkey)?.ts ?? Math.min(...evs.map((e) => e.ts));
  console.log(`== ${which}: ${t.toFixed(1)} ms`);
  // top-level events only (not nested in another)
  evs.sort((a, b) => a.ts - b.ts); let end = -1; const top = [];
  for (const e of evs) { if (e.ts >= end) { top.push(e); end = e.ts + e.dur; } }
  for (const e of top) if (e.dur > 800) console.log(`${((e.ts - ns) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(5)} ${e.name} ${e.args?.data?.url?.replace(/.*\//, '') ?? e.args?.data?.functionName ?? ''}`);
  // self time by event name within [ns, ns + t]
  const self = new Map(); const stack = [];
  for (const e of evs) { while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop(); if (stack.length) self.set(stack.at(-1).name, (self.get(stack.at(-1).name) ?? 0) - e.dur); self.set(e.name, (self.get(e.name) ?? 0) + e.dur); stack.push(e); }
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(' | '));
}
await browser.close(); await server.close(); process.exit(0);

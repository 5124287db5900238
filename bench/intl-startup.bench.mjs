// What `Intl` costs the first time in a fresh renderer, against the ways around it the widget
// uses (bench/README.md, "First paint of the widget"): each probe runs as the first script of a
// page in a fresh browser context, timed with performance.now(), median over --runs loads.
//
//   node bench/intl-startup.bench.mjs [--runs=9]      (CHROME_PATH names the browser)
//
// Prints figures, never fails on them.
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberOption, table } from './support.mjs';

const RUNS = numberOption('runs', 'BENCH_RUNS', 9);
const widgetRoot = fileURLToPath(new URL('../packages/widget/', import.meta.url));
const puppeteer = createRequire(createRequire(join(widgetRoot, 'package.json')).resolve('@web/test-runner-chrome'))('puppeteer-core');

// The formatters the widget's first frame makes (format.ts): a price, the month's title, weekday
// names, a day's label, a duration, the zone's offset.
const FIRST_FRAME = `new Intl.NumberFormat(undefined,{style:"currency",currency:"EUR"}).format(12);
new Intl.DateTimeFormat(undefined,{timeZone:"UTC",month:"long",year:"numeric"}).format(0);
new Intl.DateTimeFormat(undefined,{timeZone:"UTC",weekday:"short"}).format(0);
new Intl.DateTimeFormat(undefined,{timeZone:"UTC",weekday:"long"}).format(0);
new Intl.DateTimeFormat(undefined,{timeZone:"UTC",weekday:"long",month:"long",day:"numeric"}).format(0);
new Intl.NumberFormat(undefined,{style:"unit",unit:"minute",unitDisplay:"short"}).format(30);
new Intl.DateTimeFormat(undefined,{timeZone:"Europe/Berlin",timeZoneName:"shortOffset"}).formatToParts(0);`;
// [name, code timed first, then the first frame's formatters timed after it]
const PROBES = [
  ['nothing first', ''],
  ['Intl.DateTimeFormat().resolvedOptions().timeZone (the zone, before)', 'Intl.DateTimeFormat().resolvedOptions().timeZone'],
  ['Temporal.Now.timeZoneId() (the zone, now)', 'Temporal.Now.timeZoneId()'],
  ['new Date().getTimezoneOffset() (no zone name)', 'new Date().getTimezoneOffset()'],
  ['the loader\'s warm-up (a currency, a full date)', 'new Intl.NumberFormat(undefined,{style:"currency",currency:"EUR"}).format(1);new Intl.DateTimeFormat(undefined,{dateStyle:"full"}).format(0)'],
];

const server = http
  .createServer((req, res) => {
    const probe = PROBES[Number(req.url.slice(1))];
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><script>var a=performance.now();${probe?.[1] ?? ''};var b=performance.now();${FIRST_FRAME};var c=performance.now();window.R=[b-a,c-b];</script>`);
  })
  .listen(0);
await new Promise((resolve) => server.once('listening', resolve));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
});
const results = PROBES.map(() => []);
try {
  for (let run = 0; run < RUNS; run += 1) {
    for (const i of PROBES.keys()) {
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      await tab.goto(`http://127.0.0.1:${server.address().port}/${i}`);
      results[i].push(await tab.evaluate(() => window.R));
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`Intl start-up in a fresh renderer: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}, ${RUNS} loads per probe (median)`);
console.log(table(['first call in the page', 'its cost', 'then the first frame\'s formatters'], PROBES.map(([name], i) => [
  name,
  `${median(results[i].map((r) => r[0])).toFixed(1)} ms`,
  `${median(results[i].map((r) => r[1])).toFixed(1)} ms`,
])));

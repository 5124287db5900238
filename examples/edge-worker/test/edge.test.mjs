// `pnpm edge` end to end: the real command (build, migrations, seed, `wrangler dev --local`) on a
// free port with its own D1 state, then what a visitor and an operator would do against workerd.
//
//   node --test test/edge.test.mjs      (pnpm --filter @slotwise/example-edge-worker test)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { example } from '../scripts/build.mjs';
import { seedLocal } from '../scripts/seed.mjs';
import { waitForReady } from '../scripts/wrangler.mjs';

/** A port nothing listens on right now. */
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** The processes whose process group is `group` (read from /proc: field 5 of `stat`). */
function processesInGroup(group) {
  const found = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === group) found.push(`${pid} ${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}`);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** Launches the machine's Chromium (CHROME_PATH, else /usr/bin/chromium) headless, no sandbox (root in a container). */
const launchChromium = () =>
  puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
  });

/**
 * Collects what would mean a page cannot run — uncaught errors, `console.error` lines, and
 * Content-Security-Policy violations (reported as console errors) — into the returned list.
 * Call before the first `goto`.
 */
async function watchProblems(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && !(message.location().url ?? '').endsWith('/favicon.ico') && problems.push(`console: ${message.text()}`));
  await page.evaluateOnNewDocument(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`)));
  return problems;
}

/**
 * Waits (30 s at most) for the first element matching `selector`, searched through every shadow
 * root, whose text contains `text` and which is not disabled; on failure says what the page shows.
 */
async function deep(page, selector, text = '') {
  return page
    .waitForFunction(
      (selector, text) => {
        const walk = (root) => {
          for (const el of root.querySelectorAll(selector)) if ((el.textContent ?? '').replace(/\s+/g, ' ').includes(text) && !el.disabled) return el;
          for (const host of root.querySelectorAll('*')) {
            const found = host.shadowRoot && walk(host.shadowRoot);
            if (found) return found;
          }
          return undefined;
        };
        return walk(document) ?? false;
      },
      { timeout: 30_000, polling: 100 },
      selector,
      text,
    )
    .catch(async (error) => {
      throw new Error(`No ${selector}${text ? ` with “${text}”` : ''} on ${page.url()} (${error.message}); the page shows: ${(await shownText(page)).slice(0, 1500)}`);
    });
}

/** The page's text through every shadow root, whitespace collapsed (what a person reads). */
const shownText = (page) =>
  page.evaluate(() => {
    const text = (node) => (node.nodeType === Node.TEXT_NODE ? node.textContent : ['STYLE', 'SCRIPT'].includes(node.nodeName) ? '' : [...(node.shadowRoot?.childNodes ?? []), ...node.childNodes].map(text).join(' '));
    return text(document.body).replace(/\s+/g, ' ');
  });

/** Waits (30 s at most) until the page shows `text`. */
async function sees(page, text) {
  let shown = '';
  for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    shown = await shownText(page);
    if (shown.includes(text)) return;
  }
  throw new Error(`${page.url()} does not show “${text}”; it shows: ${shown.slice(0, 1500)}`);
}

/** Clicks the element `deep` finds, scrolled into view first. */
async function clickOn(page, selector, text = '') {
  const target = await deep(page, selector, text);
  await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await target.click();
}

/** The start times `GET /v1/specialists/demo/slots` offers for the demo's first service on `date` (UTC). */
async function demoStarts(base, date) {
  const profile = await (await fetch(`${base}/v1/specialists/demo`)).json();
  const slots = await (await fetch(`${base}/v1/specialists/demo/slots?service=${profile.services[0].id}&from=${date}&to=${date}&timezone=UTC`)).json();
  return slots.days.flatMap((d) => d.slots.map((s) => s.start));
}

const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('pnpm edge: Slotwise in workerd with the seeded demo', { timeout: 600_000 }, () => {
  const state = mkdtempSync(join(tmpdir(), 'slotwise-edge-'));
  let edge;
  let base;
  let output = '';
  let exited;
  /** The start the widget booked in Chromium (the console test cancels it). */
  let widgetBooking;

  before(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // Its own process group, so the test can tell whether anything it started outlives it.
    edge = spawn(process.execPath, ['scripts/edge.mjs', '--persist-to', state], { cwd: example, env: { ...process.env, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    edge.stdout.on('data', (chunk) => (output += chunk));
    edge.stderr.on('data', (chunk) => (output += chunk));
    exited = new Promise((resolve) => edge.on('exit', (code, signal) => resolve({ code, signal })));
    await waitForReady(`${base}/ready`, { exited, timeoutMs: 400_000 }).catch((error) => {
      throw new Error(`${error.message}\n${output}`);
    });
    // The lines a person reads come after readiness.
    for (let i = 0; i < 20 && !output.includes('to book with "demo"'); i++) await new Promise((r) => setTimeout(r, 100));
  });

  after(() => {
    if (edge.exitCode === null && edge.signalCode === null) process.kill(-edge.pid, 'SIGKILL');
    rmSync(state, { recursive: true, force: true });
  });

  it('says where to open it and prints the seeded logins once', () => {
    assert.match(output, new RegExp(`open ${base}/ to book with "demo"`));
    assert.match(output, /secret API key \(shown once, keep it\): sk_/);
    assert.match(output, /demo@slotwise\.local \/ \S+/);
  });

  it('serves the demo page from the same origin, with its security headers, and the files it loads', async () => {
    const page = await fetch(`${base}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.match(page.headers.get('content-security-policy'), /script-src 'self';.*frame-ancestors 'self'/);
    const html = await page.text();
    assert.match(html, /<slotwise-booking specialist="demo">/);
    for (const script of ['/widget/slotwise.js', '/manage-link.js']) {
      assert.ok(html.includes(`src="${script}"`), script);
      assert.equal((await fetch(`${base}${script}`)).status, 200, script);
    }
  });

  it('serves the widget script from the Worker, compressed and cached briefly, the same bytes as the build', async () => {
    const response = await fetch(`${base}/widget/slotwise.js`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.status, 200);
    // fetch decodes bodies it is given compressed: read the raw bytes through a plain request instead.
    assert.equal(response.headers.get('content-encoding'), 'gzip');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
    const raw = await new Promise((resolve, reject) =>
      import('node:http').then(({ get }) =>
        get(`${base}/widget/slotwise.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
        }).on('error', reject),
      ),
    );
    assert.deepEqual(gunzipSync(raw), readFileSync(join(example, '..', '..', 'packages', 'widget', 'dist', 'slotwise.js')));
  });

  it('books the demo: its slots listed, one booked, that time no longer offered', async () => {
    const profile = await (await fetch(`${base}/v1/specialists/demo`)).json();
    assert.deepEqual(profile.services.map((s) => s.name), ['Intro call', 'Coaching session']);
    const slotsUrl = `${base}/v1/specialists/demo/slots?service=${profile.services[0].id}&from=${day(2)}&to=${day(9)}`;
    const starts = async () => (await (await fetch(slotsUrl)).json()).days.flatMap((d) => d.slots.map((s) => s.start));
    const [start] = await starts();
    assert.ok(start, 'the demo offers times Monday to Friday');
    const booked = await fetch(`${base}/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ specialist: 'demo', service: profile.services[0].id, start, customer: { name: 'Edge Visitor', email: 'edge@example.com', timeZone: 'Europe/Berlin' } }),
    });
    assert.equal(booked.status, 201, await booked.clone().text());
    assert.equal((await booked.json()).booking.status, 'confirmed');
    assert.ok(!(await starts()).includes(start));
  });

  it('books through the widget in Chromium: a day, a time, the details, "You’re booked" — under the page\'s policy, with no error', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems = await watchProblems(page);
      await page.goto(`${base}/`, { waitUntil: 'load' });
      /** In the page: the first element matching the selector path, each step inside the previous one's shadow root. */
      const find = (path, text = '') =>
        page.waitForFunction(
          (path, text) => {
            let scopes = [document.documentElement];
            for (const [i, selector] of path.entries()) {
              const found = scopes.flatMap((scope) => [...(scope.shadowRoot ?? scope).querySelectorAll(selector)]);
              scopes = i === path.length - 1 ? found : found.filter((el) => el.shadowRoot);
            }
            return scopes.find((el) => (el.textContent ?? '').includes(text) && !el.disabled) ?? false;
          },
          { timeout: 30_000, polling: 100 },
          path,
          text,
        );
      const service = await find(['slotwise-booking', 'slotwise-service-picker', '[part~="service"]'], 'Intro call');
      await (await service.$('button')).click();
      // The first open day the calendar shows (it marks only days with a time left).
      await (await find(['slotwise-booking', 'slotwise-calendar', 'button[part~="day-open"]'])).click();
      // The day's last time: its first may start within seconds today, before the next test cancels it.
      const time = await find(['slotwise-booking', 'slotwise-time-list', 'ul.times li:last-child button[data-start]']);
      const start = await time.evaluate((el) => el.dataset.start);
      await time.click();
      await (await find(['slotwise-booking', 'slotwise-details-form', '#name'])).type('Edge Browser');
      await (await find(['slotwise-booking', 'slotwise-details-form', '#email'])).type('browser@example.com');
      await (await find(['slotwise-booking', 'slotwise-details-form', 'button[type="submit"]'])).click();
      await find(['slotwise-booking', 'slotwise-confirmation', '*'], 'You’re booked');
      assert.deepEqual(problems, []);
      // The Worker stored it: that start is no longer offered.
      assert.ok(!(await demoStarts(base, start.slice(0, 10))).includes(start), `${start} is still offered`);
      widgetBooking = start;
    } finally {
      await browser.close();
    }
  });

  it('lets the demo specialist sign in to the console, find that booking and cancel it — the time is offered again', async () => {
    assert.ok(widgetBooking, 'the widget booked a time (the test before)');
    const password = output.match(/demo@slotwise\.local \/ (\S+)/)?.[1];
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      await page.emulateTimezone('UTC');
      const problems = await watchProblems(page);
      // /console is the Worker's page (not a static file); its module comes from /widget/console/.
      await page.goto(`${base}/console#/login`, { waitUntil: 'load' });
      await (await deep(page, 'input[name=email]')).type('demo@slotwise.local');
      await (await deep(page, 'input[name=password]')).type(password);
      await clickOn(page, 'button', 'Log in');
      await sees(page, 'Log out');
      await page.goto(`${base}/console#/bookings`, { waitUntil: 'load' });
      // The agenda lists the specialist's today under "Today", later days under "Upcoming" (from
      // tomorrow): the widget booked the first open day's last time, today's while some of today's
      // hours are still ahead.
      const { timeZone } = await (await fetch(`${base}/v1/specialists/demo`)).json();
      const day = (at) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
      await clickOn(page, '.views button', day(new Date(widgetBooking)) === day(new Date()) ? 'Today' : 'Upcoming');
      await clickOn(page, 'a', 'Edge Browser');
      await sees(page, 'browser@example.com');
      await sees(page, 'Status: Confirmed');
      await clickOn(page, 'button', 'Cancel booking…');
      await clickOn(page, 'dialog button', 'Cancel booking');
      await sees(page, 'Status: Cancelled');
      assert.deepEqual(problems, []);
      // The cancellation is in D1: the widget's time is offered to visitors again.
      assert.ok((await demoStarts(base, widgetBooking.slice(0, 10))).includes(widgetBooking), `${widgetBooking} is not offered again`);
    } finally {
      await browser.close();
    }
  });

  it('refuses a body over the limit with 413 and answers the next request on the same connection', async () => {
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method, path, body, headers = {}) =>
      new Promise((resolve, reject) => {
        const req = request(`${base}${path}`, { method, agent, headers }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c)).on('end', () => resolve({ status: res.statusCode, text, reused: req.reusedSocket }));
        });
        req.setTimeout(20_000, () => req.destroy(new Error(`${method} ${path}: no answer in 20 s`)));
        req.on('error', reject);
        if (body) req.write(body);
        req.end();
      });
    try {
      assert.equal((await send('GET', '/health')).status, 200);
      const big = JSON.stringify({ pad: 'x'.repeat(200_000) });
      const refused = await send('POST', '/v1/bookings', big, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) });
      assert.equal(refused.status, 413);
      assert.equal(JSON.parse(refused.text).code, 'payload_too_large');
      // Left unread, the body broke the connection: this request hung, or wrangler dev stopped.
      const next = await send('GET', '/health');
      assert.deepEqual([next.status, next.reused], [200, true]);
      const chunked = await send('POST', '/v1/bookings', big, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
      assert.equal(chunked.status, 413);
      assert.equal((await send('GET', '/v1/specialists/demo')).status, 200);
    } finally {
      agent.destroy();
    }
  });

  it('runs the scheduler from the Cron Trigger', async () => {
    const before = output.length;
    const response = await fetch(`${base}/__scheduled?cron=*+*+*+*+*`);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'Ran scheduled event');
    const tickLine = () => output.slice(before).split('\n').find((line) => /^\{.*"msg":"tick( failed)?"/.test(line));
    for (let i = 0; i < 50 && !tickLine(); i++) await new Promise((r) => setTimeout(r, 100));
    const tick = JSON.parse(tickLine() ?? '{}');
    // Every change the tick makes (expiring holds, completing sessions, deliveries …) is a batch D1 runs.
    assert.equal(tick.msg, 'tick', JSON.stringify(tick));
  });

  it('stops on SIGTERM with nothing left running, and seeds nothing twice', async () => {
    process.kill(edge.pid, 'SIGTERM');
    assert.deepEqual(await exited, { code: 0, signal: null });
    // workerd's processes end as wrangler shuts down: give them a few seconds, no more.
    for (let i = 0; i < 50 && processesInGroup(edge.pid).length > 0; i++) await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(processesInGroup(edge.pid), []);
    await assert.rejects(fetch(`${base}/health`));
    // A second start keeps the data: the demo is there, so nothing is made again.
    assert.deepEqual(await seedLocal({ persistTo: state }), { created: false });
  });
});

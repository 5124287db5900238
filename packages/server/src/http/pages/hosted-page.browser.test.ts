import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../node.js';
import { silentLog } from '../../services/log.js';
import { launchChromium } from '../../testing/browser.js';
import { setAllowedOrigins } from '../../testing/fixtures.js';

// The hosted booking page in real Chromium, served by a real Node server with the real widget
// build: the page's policy lets the widget run and reach the API, the widget shows the services,
// the page fits a 390 px phone in light and dark, and a booking sent from the page is accepted
// although the specialist registered only their own site.

const widgetDir = fileURLToPath(new URL('../../../../widget/dist/', import.meta.url));
let dir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  expect(existsSync(join(widgetDir, 'slotwise.js')), 'build the widget first (pnpm build)').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'slotwise-hosted-'));
  server = await startServer({ databaseUrl: `file:${join(dir, 'db.sqlite')}`, port: 0, seed: 'demo', payments: 'offline', tickEveryMs: 0, rateLimits: false, log: silentLog, kdfIterations: 1000, widgetDir });
  await setAllowedOrigins(server.database, 'demo', ['https://coach.example']);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens the page at phone width, recording every Content-Security-Policy violation. */
async function open(path: string, scheme: 'light' | 'dark'): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  return { page, violations };
}

/** All text of the widget, through every shadow root. */
const widgetText = (page: Page) =>
  page.evaluate(() => {
    const text = (node: Node): string =>
      [...Array.from((node as Element).shadowRoot?.childNodes ?? []), ...Array.from(node.childNodes)].map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent ?? '' : text(n))).join(' ');
    return text(document.querySelector('slotwise-booking')!);
  });

describe('the hosted booking page in Chromium', () => {
  it('loads the widget from its versioned, year-cached URL, and the modules from beside it', async () => {
    const html = await (await fetch(`${server.url}/demo`)).text();
    const script = /<script src="(\/widget\/v\/[0-9a-f]{12}\/slotwise\.js)" defer><\/script>/.exec(html)?.[1];
    expect(script, 'a versioned script URL').toBeDefined();
    const res = await fetch(`${server.url}${script}`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const { page } = await open('/demo', 'light');
    // The loader's import() does not hold the load event: the modules are in once the element is defined.
    await page.waitForFunction(() => customElements.get('slotwise-booking') !== undefined);
    const modules = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')));
    expect(modules.length).toBeGreaterThan(1);
    expect(modules.every((path) => path.startsWith(script!.replace('slotwise.js', '')))).toBe(true);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`runs the widget under the page's policy and fits 390 px (${scheme})`, async () => {
      const { page, violations } = await open('/demo', scheme);
      await page.waitForFunction(() => customElements.get('slotwise-booking') !== undefined);
      await expect.poll(() => widgetText(page), { timeout: 15_000 }).toContain('Coaching session');
      expect(await page.title()).toBe('Dr. Ada Demo — book a session');
      const layout = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth, background: getComputedStyle(document.body).backgroundColor }));
      expect(layout.scroll).toBeLessThanOrEqual(layout.width);
      expect(layout.background).toBe(scheme === 'dark' ? 'rgb(20, 23, 28)' : 'rgb(255, 255, 255)');
      expect(violations).toEqual([]);
      await page.close();
    }, 30_000);
  }

  it('takes a booking from its own origin although the specialist registered only their site', async () => {
    const { page } = await open('/demo', 'light');
    const booked = await page.evaluate(async () => {
      const profile = (await (await fetch('/v1/specialists/demo')).json()) as { services: { id: string; name: string }[] };
      const service = profile.services.find((s) => s.name === 'Intro call')!.id;
      const slots = (await (await fetch(`/v1/specialists/demo/slots?service=${service}`)).json()) as { days: { slots: { start: string }[] }[] };
      const start = slots.days.flatMap((d) => d.slots)[0]!.start;
      const res = await fetch('/v1/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ specialist: 'demo', service, start, customer: { name: 'Grace', email: 'grace@example.com', timeZone: 'Europe/Berlin' } }),
      });
      return { status: res.status, body: (await res.json()) as { booking?: { status: string } } };
    });
    expect(booked.status).toBe(201);
    expect(booked.body.booking?.status).toBe('confirmed');
    await page.close();
  }, 30_000);
});

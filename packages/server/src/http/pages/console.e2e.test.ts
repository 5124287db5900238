import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../node.js';
import { silentLog } from '../../services/log.js';
import { clickOn, deep, deepText, launchChromium, sees, typeInto, watchProblems } from '../../testing/browser.js';

// The console's whole journey in real Chromium, against a real Node server serving the real
// built console at /console under its real policy: a new specialist signs up and onboards, a
// visitor books on the hosted page with the widget, the specialist finds and cancels the booking,
// an availability edit opens new public times, and the operator changes the platform fee.
// Any policy violation, uncaught error or console error on these pages fails it. The booking is
// cancelled, not completed: "Mark completed" appears only once a session has started, which
// would need the server's clock moved (the cancel is what a specialist can do at once).

const widgetDir = fileURLToPath(new URL('../../../../widget/dist/', import.meta.url));
let dir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  expect(existsSync(join(widgetDir, 'console', 'console.js')), 'build the widget first (pnpm build)').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'slotwise-console-e2e-'));
  server = await startServer({ databaseUrl: `file:${join(dir, 'db.sqlite')}`, port: 0, seed: 'demo', payments: 'offline', tickEveryMs: 0, rateLimits: false, log: silentLog, kdfIterations: 1000, widgetDir });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The public open times of `handle`'s first service, as the widget asks for them. */
async function publicStarts(handle: string): Promise<string[]> {
  const profile = (await (await fetch(`${server.url}/v1/specialists/${handle}`)).json()) as { services: { id: string }[] };
  const slots = (await (await fetch(`${server.url}/v1/specialists/${handle}/slots?service=${profile.services[0]!.id}`)).json()) as { days: { slots: { start: string }[] }[] };
  return slots.days.flatMap((d) => d.slots.map((s) => s.start));
}

/**
 * The console's agenda view that lists a booking starting at `start`: "Today" on the specialist's
 * today, else "Upcoming" (from tomorrow). The visitor books the first open time, which is today's
 * when some of today's hours are still ahead.
 */
async function agendaViewOf(handle: string, start: string): Promise<'Today' | 'Upcoming'> {
  const { timeZone } = (await (await fetch(`${server.url}/v1/specialists/${handle}`)).json()) as { timeZone: string };
  const day = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
  return day(new Date(start)) === day(new Date()) ? 'Today' : 'Upcoming';
}

const saturdays = (starts: string[]) => starts.filter((s) => new Date(s).getUTCDay() === 6);

describe('the console, end to end', () => {
  it('takes a new specialist from sign-up to a booking they cancel, and the operator to a new fee', async () => {
    const handle = `e2e-${Date.now().toString(36)}`;
    const console = await browser.newPage();
    await console.setViewport({ width: 1280, height: 800 });
    await console.emulateTimezone('UTC');
    const consoleProblems = await watchProblems(console);

    // Sign up.
    await console.goto(`${server.url}/console#/signup`, { waitUntil: 'load' });
    await typeInto(console, 'input[name=name]', 'Erin Example');
    await typeInto(console, 'input[name=handle]', handle);
    await typeInto(console, 'input[name=email]', `${handle}@example.com`);
    await typeInto(console, 'input[name=password]', 'a long enough password');
    await clickOn(console, 'button', 'Create account');

    // Onboarding: the profile, a service from a template, the default hours, the site's origin.
    await typeInto(console, 'textarea#profile-bio', 'I help people plan their week.');
    await clickOn(console, 'button', 'Save profile');
    await sees(console, '1. Your profile Done');
    await clickOn(console, 'button', 'Add a free 20-minute intro call');
    await sees(console, '2. A first service Done');
    await sees(console, 'Intro call — 20 min, Free');
    await clickOn(console, 'button', 'Save weekly hours');
    await sees(console, '3. Your weekly hours Done');
    await typeInto(console, 'input[name="allowedOrigins.0"]', 'https://erin.example');
    await clickOn(console, 'button', 'Register site');
    await sees(console, '5. Your website Done');
    await sees(console, 'Sites allowed to show your booking widget: https://erin.example');
    await sees(console, `${server.url}/${handle}`);

    // A visitor books a free time on the hosted page with the widget.
    const visitor = await browser.newPage();
    await visitor.setViewport({ width: 390, height: 844 });
    const visitorProblems = await watchProblems(visitor);
    await visitor.goto(`${server.url}/${handle}`, { waitUntil: 'load' });
    await clickOn(visitor, 'ul[part=services] button', 'min');
    await clickOn(visitor, 'button[data-date]');
    // The day's last time: its first may start within seconds today, before the cancellation below.
    const lastTime = 'ul.times li:last-child button[data-start]';
    const booked = await (await deep(visitor, lastTime)).evaluate((el) => (el as HTMLElement).dataset['start']!);
    await clickOn(visitor, lastTime);
    await typeInto(visitor, 'input#name', 'Grace Visitor');
    await typeInto(visitor, 'input#email', 'grace@example.com');
    await clickOn(visitor, 'button[part~=submit]');
    await sees(visitor, 'You’re booked');
    expect(visitorProblems).toEqual([]);
    await visitor.close();

    // Back in the console: the booking is listed; the specialist opens and cancels it.
    await console.goto(`${server.url}/console#/bookings`, { waitUntil: 'load' });
    await clickOn(console, '.views button', await agendaViewOf(handle, booked));
    await clickOn(console, 'a', 'Grace Visitor');
    await sees(console, 'grace@example.com');
    await sees(console, 'Status: Confirmed');
    await clickOn(console, 'button', 'Cancel booking…');
    await clickOn(console, 'dialog button', 'Cancel booking');
    await sees(console, 'Status: Cancelled');

    // An availability edit changes the public times: Saturday opens.
    expect(saturdays(await publicStarts(handle))).toEqual([]);
    await console.goto(`${server.url}/console#/availability`, { waitUntil: 'load' });
    await clickOn(console, 'button', 'Add hours on Saturday');
    await clickOn(console, 'button', 'Save weekly hours');
    await sees(console, 'Weekly hours saved.');
    await expect.poll(async () => saturdays(await publicStarts(handle)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    // A reload on the login address with a login kept goes home.
    await console.goto('about:blank');
    await console.goto(`${server.url}/console#/login`, { waitUntil: 'load' });
    await expect.poll(() => console.url(), { timeout: 15_000 }).toMatch(/#\/home$/);
    await sees(console, 'Log out');
    expect(await deepText(console)).not.toContain('Page not found');
    await clickOn(console, 'button', 'Log out');
    await deep(console, 'input[name=password]');
    expect(consoleProblems).toEqual([]);
    await console.close();

    // The operator logs in and changes the platform fee.
    const operator = await browser.newPage();
    await operator.setViewport({ width: 1280, height: 800 });
    const operatorProblems = await watchProblems(operator);
    await operator.goto(`${server.url}/console#/login`, { waitUntil: 'load' });
    await typeInto(operator, 'input[name=email]', 'operator@slotwise.local');
    await typeInto(operator, 'input[name=password]', server.seeded!.operatorPassword!);
    await clickOn(operator, 'button', 'Log in');
    await clickOn(operator, 'a', 'Operator');
    await typeInto(operator, 'input#fee', '12.5');
    await clickOn(operator, 'button', 'Save fee');
    await expect.poll(() => platformFeeBps(), { timeout: 10_000 }).toBe(1250);
    expect(operatorProblems).toEqual([]);
    await operator.close();
  }, 120_000);
});

/** The platform fee as the operator API reads it back. */
async function platformFeeBps(): Promise<number> {
  const login = (await (await fetch(`${server.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'operator@slotwise.local', password: server.seeded!.operatorPassword }) })).json()) as { accessToken: string };
  const settings = (await (await fetch(`${server.url}/v1/operator/settings`, { headers: { authorization: `Bearer ${login.accessToken}` } })).json()) as { platformFeeBps: number };
  return settings.platformFeeBps;
}

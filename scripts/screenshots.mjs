// Screenshots of the console's main screens in docs/console/ (PNG, 1280×800 and 390×844, light
// and dark), made in real Chromium against a server this script starts on a fresh demo database,
// after booking a few free times through the SDK so the screens are not empty.
//
//   pnpm build:js && node scripts/screenshots.mjs      (CHROME_PATH: another Chromium)
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs', 'console');
const server = (file) => import(pathToFileURL(join(root, 'packages/server/dist', file)).href);
const { startServer } = await server('node.js');
const { seedDemoPayments } = await server('index.js');
const { createClient } = await import(pathToFileURL(join(root, 'packages/sdk/dist/index.js')).href);
// puppeteer-core is the server package's dev dependency: resolve it from there.
const puppeteer = createRequire(join(root, 'packages/server/package.json'))('puppeteer-core');

const dir = mkdtempSync(join(tmpdir(), 'slotwise-shots-'));
const api = await startServer({
  databaseUrl: `file:${join(dir, 'db.sqlite')}`, port: 0, seed: 'demo', payments: 'offline', tickEveryMs: 0, rateLimits: false,
  kdfIterations: 1000, widgetDir: join(root, 'packages/widget/dist'), log: () => {},
});
const { demoPassword, operatorPassword } = api.seeded;

/** Three customers book the demo's free intro call on the first open times, through the SDK. */
async function seedBookings() {
  const slotwise = createClient({ baseURL: api.url });
  const profile = await slotwise.specialists.retrieve('demo');
  const service = profile.services.find((s) => s.name === 'Intro call') ?? profile.services[0];
  const slots = await slotwise.specialists.slots('demo', { service: service.id, timezone: 'Europe/Berlin' });
  const starts = slots.days.flatMap((d) => d.slots.map((s) => s.start));
  const people = [['Grace Hopper', 'grace@example.com'], ['Alan Turing', 'alan@example.com'], ['Katherine Johnson', 'katherine@example.com']];
  const ids = [];
  for (const [i, [name, email]] of people.entries()) {
    const { booking } = await slotwise.bookings.create({ specialist: 'demo', service: service.id, start: starts[i * 3], customer: { name, email, timeZone: 'Europe/Berlin' }, notes: i === 0 ? 'I would like to talk about a career change.' : undefined });
    ids.push(booking.id);
  }
  return ids;
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const shots = [];

/** A fresh browser context (its own localStorage: its own login) at the given size and scheme. */
async function open(width, height, scheme = 'light') {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height });
  await page.emulateTimezone('Europe/Berlin');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  return page;
}

/** Waits until `text` shows in the page, through the console's shadow roots. */
function waitForText(page, text) {
  return page.waitForFunction((want) => {
    const all = (node) => [node.textContent ?? '', ...[...(node.querySelectorAll?.('*') ?? [])].map((el) => (el.shadowRoot ? all(el.shadowRoot) : ''))].join(' ');
    return all(document).includes(want);
  }, { timeout: 15_000 }, text).catch(async () => {
    await page.screenshot({ path: join(tmpdir(), 'slotwise-shot-failure.png') });
    throw new Error(`“${text}” did not show on ${page.url()} (see ${join(tmpdir(), 'slotwise-shot-failure.png')})`);
  });
}

/** Clicks the first `selector` (through shadow roots) whose text contains `text`, once it shows. */
async function clickText(page, selector, text) {
  await waitForText(page, text);
  for (const el of await page.$$(`pierce/${selector}`)) {
    if ((await el.evaluate((e) => e.textContent)).includes(text)) return el.click();
  }
  throw new Error(`No ${selector} with “${text}” on ${page.url()}`);
}

/** A visitor pays for the demo's €90 coaching session on its hosted page, with the test card. */
async function payForSession() {
  await seedDemoPayments(api.app.deps.payments, api.database);
  const page = await open(390, 844);
  await page.goto(`${api.url}/demo`, { waitUntil: 'load' });
  await clickText(page, 'ul[part=services] button', '60 min');
  await page.locator('pierce/button[data-date]:not([disabled])').click();
  await page.locator('pierce/button[data-start]').click();
  await page.locator('pierce/input#name').fill('Ada Lovelace');
  await page.locator('pierce/input#email').fill('ada@example.com');
  await page.locator('pierce/button[part~=submit]').click();
  await clickText(page, 'button', 'Pay (test)');
  await waitForText(page, 'You’re booked');
  await page.browserContext().close();
}

/** Opens `hash` in the console, waits for `text` and for the network to rest, and saves `name`.png. */
async function shot(page, name, hash, text, tab) {
  await page.goto(`${api.url}/console${hash}`, { waitUntil: 'load' });
  if (tab) await clickText(page, 'button', tab);
  if (text) await waitForText(page, text);
  await page.waitForNetworkIdle({ idleTime: 400, timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file });
  shots.push(`${name}.png ${Math.round(statSync(file).size / 1024)} KB`);
}

async function logIn(page, email, password) {
  await page.goto(`${api.url}/console#/login`, { waitUntil: 'load' });
  await page.locator('pierce/input[name=email]').fill(email);
  await page.locator('pierce/input[name=password]').fill(password);
  await page.locator('pierce/button[type=submit]').click();
  await waitForText(page, 'Log out');
}

try {
  mkdirSync(out, { recursive: true });
  const [booking] = await seedBookings();
  await payForSession();

  const guest = await open(1280, 800);
  await shot(guest, 'login', '#/login', 'Log in');

  // A new specialist right after signing up: the onboarding checklist, wide and on a phone.
  const fresh = await open(1280, 800);
  await fresh.goto(`${api.url}/console#/signup`, { waitUntil: 'load' });
  await fresh.locator('pierce/input[name=name]').fill('Erin Example');
  await fresh.locator('pierce/input[name=handle]').fill('erin');
  await fresh.locator('pierce/input[name=email]').fill('erin@example.com');
  await fresh.locator('pierce/input[name=password]').fill('a long enough password');
  await fresh.locator('pierce/button[type=submit]').click();
  await waitForText(fresh, 'Get bookable');
  await shot(fresh, 'onboarding', '#/onboarding', 'Get bookable');
  await fresh.setViewport({ width: 390, height: 844 });
  await shot(fresh, 'onboarding-390', '#/onboarding', 'Get bookable');

  const demo = await open(1280, 800);
  await logIn(demo, 'demo@slotwise.local', demoPassword);
  await shot(demo, 'bookings', '#/bookings', 'Grace Hopper', 'Upcoming');
  await shot(demo, 'booking-detail', `#/bookings/${booking}`, 'Cancel booking');
  await shot(demo, 'availability', '#/availability', 'Weekly hours');
  await shot(demo, 'services', '#/services', 'Intro call');
  await shot(demo, 'money', '#/money', 'Money');
  await shot(demo, 'developers', '#/developers', 'API keys');

  const dark = await open(1280, 800, 'dark');
  await logIn(dark, 'demo@slotwise.local', demoPassword);
  await shot(dark, 'bookings-dark', '#/bookings', 'Grace Hopper', 'Upcoming');
  await shot(dark, 'booking-detail-dark', `#/bookings/${booking}`, 'Cancel booking');

  const phone = await open(390, 844);
  await logIn(phone, 'demo@slotwise.local', demoPassword);
  await shot(phone, 'bookings-390', '#/bookings', 'Grace Hopper', 'Upcoming');

  const operator = await open(1280, 800);
  await logIn(operator, 'operator@slotwise.local', operatorPassword);
  await shot(operator, 'operator', '#/operator', 'Platform fee');
  console.log(shots.join('\n'));
} finally {
  await browser.close();
  await api.close();
  rmSync(dir, { recursive: true, force: true });
}

import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { note } from './stall-watch.mjs';

/** The server's built entries these tests import. */
const serverDist = ['node.js', 'index.js', 'testing/fake-stripe.js'].map((entry) =>
  fileURLToPath(new URL(`../../server/dist/${entry}`, import.meta.url)),
);

/**
 * Starts the real Slotwise API on a random port over a fresh libSQL file seeded with the
 * `demo` specialist, building the server package first when its dist is missing. The server
 * runs its offline test-payments mode (no Stripe keys); `paid` is set up by `pricePaidSession`.
 * Its mail goes over SMTP into a local mailbox (the second API, for Stripe, has mail off).
 */
export async function startApi() {
  ensureServerBuilt();
  const { startServer, smtpMail, startMailbox } = await import('@slotwise/server/node');
  const db = tempDatabase();
  // Mail on, into a local SMTP server, so the confirmation may say its email is on its way.
  const mailbox = await startMailbox();
  const mail = smtpMail({ url: mailbox.url, ignoreTLS: true });
  // No rate limits: every booking test comes from 127.0.0.1, and the suite books more than the
  // 30-a-minute limit per address allows (the limits are the server's own tests' subject).
  const server = await startServer({ databaseUrl: db.url, port: 0, seed: 'demo', payments: 'offline', mail, rateLimits: false, log: errorsOnly }).catch(async (error) => {
    await mailbox.close();
    throw error;
  });
  const close = () => server.close().finally(() => mailbox.close()).finally(db.remove);
  try {
    const paid = await pricePaidSession(server.url, server.seeded.apiKey, 'test');
    return { url: server.url, paid, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Starts a second real API whose payments go through the official Stripe SDK to the server
 * package's fake Stripe (`@slotwise/server/testing/fake-stripe`) over HTTP, as in production
 * with Stripe: the fake's signed webhooks are POSTed to this API's `/v1/webhooks/stripe`, the
 * demo specialist is onboarded through Connect, and the browser loads the fake's Stripe.js
 * (`stripeJs`), which confirms payments against the fake with the publishable key.
 */
export async function startStripeApi() {
  ensureServerBuilt();
  const [{ startServer }, { createStripePayments }, { startFakeStripe }] = await Promise.all([
    import('@slotwise/server/node'),
    import('@slotwise/server'),
    import('@slotwise/server/testing/fake-stripe'),
  ]);
  const webhookSecret = `whsec_widget_${randomBytes(16).toString('hex')}`;
  const fake = await startFakeStripe({ webhookSecret });
  const db = tempDatabase();
  const payments = createStripePayments({
    secretKey: fake.secretKey,
    publishableKey: fake.publishableKey,
    webhookSecrets: [webhookSecret],
    host: fake.host,
    port: fake.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  const server = await startServer({ databaseUrl: db.url, port: 0, seed: 'demo', payments, log: errorsOnly }).catch(async (error) => {
    await fake.close();
    db.remove();
    throw error;
  });
  // Over real HTTP, signed and with Stripe's headers (the fake's own sender), like Stripe's webhooks.
  fake.webhookUrl = `${server.url}/v1/webhooks/stripe`;
  const close = async () => {
    // The fake first: it waits for deliveries under way, which need the API still listening.
    await fake.close().finally(() => server.close()).finally(db.remove);
  };
  try {
    const paid = await pricePaidSession(server.url, server.seeded.apiKey, 'stripe');
    return { url: server.url, paid, stripeJs: `${fake.url}/fake-stripe.js`, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Starts a third real API whose clock the browser tests move, for the manage view's join flow and
 * the console's booking detail after a session started (the demo specialist, by its API key): it
 * runs `Date.now() + offset` and mounts a small control API that only this test server has —
 *
 * - `GET /__test/clock` → `{ now, offset }`;
 * - `POST /__test/clock?to=<ISO instant>` moves the clock there (forward only; it keeps running
 *   from there) → `{ now, offset }`;
 * - `POST /__test/tick` runs the scheduler once at that clock (the outbox included) → its result.
 *
 * Nothing happens behind the test's back: the scheduler does not run on its own and the outbox is
 * not delivered after each commit, so a confirmed video session has no meeting until the test
 * ticks — "the meeting is being made" is a state a test can hold. Mail is off. Besides the demo
 * seed's services (video by default, through Jitsi: its rooms are links, no call leaves this
 * machine), it offers a free phone session and a free in-person one; `services` names them.
 */
export async function startClockApi() {
  ensureServerBuilt();
  const { startServer } = await import('@slotwise/server/node');
  const db = tempDatabase();
  let offset = 0;
  const clock = () => Date.now() + offset;
  const server = await startServer({
    databaseUrl: db.url,
    port: 0,
    seed: 'demo',
    payments: 'offline',
    clock,
    rateLimits: false,
    tickEveryMs: 0,
    dispatchAfterCommit: false,
    log: errorsOnly,
    mount(app) {
      // Test-only: the browser page is on the test runner's origin.
      app.use('/__test/*', async (c, next) => {
        await next();
        c.header('access-control-allow-origin', '*');
      });
      const now = (c) => c.json({ now: new Date(clock()).toISOString(), offset });
      app.get('/__test/clock', now);
      app.post('/__test/clock', (c) => {
        const to = Date.parse(c.req.query('to') ?? '');
        if (Number.isNaN(to)) return c.json({ error: 'Give ?to=<ISO instant>.' }, 400);
        // A clock that goes back would let a test see states the product never meets.
        if (to < clock()) return c.json({ error: `The clock is at ${new Date(clock()).toISOString()}; it only moves forward.` }, 409);
        offset = to - Date.now();
        return now(c);
      });
      app.post('/__test/tick', async (c) => c.json(await app.tick()));
    },
  });
  const close = () => server.close().finally(db.remove);
  try {
    const headers = { authorization: `Bearer ${server.seeded.apiKey}`, 'content-type': 'application/json' };
    const create = async (body) => {
      const response = await fetch(`${server.url}/v1/me/services`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (response.status !== 201) throw new Error(`creating "${body.name}" answered ${response.status}: ${await response.text()}`);
      return (await response.json()).id;
    };
    const phone = await create({ name: 'Phone consultation', durations: [{ minutes: 30, price: 0 }], location: { kind: 'phone', detail: '+49 30 1234567' } });
    const inPerson = await create({ name: 'Studio session', durations: [{ minutes: 45, price: 0 }], location: { kind: 'in_person', detail: 'Torstraße 1, 10119 Berlin' } });
    const { services } = await (await fetch(`${server.url}/v1/specialists/demo`)).json();
    const video = services.find((service) => service.name === 'Intro call')?.id;
    if (!video) throw new Error('the demo seed has no "Intro call"');
    const operator = { email: 'operator@slotwise.local', password: server.seeded.operatorPassword };
    return { url: server.url, services: { video, phone, inPerson }, apiKey: server.seeded.apiKey, operator, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The servers' log in the test output: only what went wrong (tests provoke 4xx answers on purpose). */
const errorsOnly = (entry) => {
  if (entry.level === 'error') console.error(JSON.stringify(entry));
  else if (entry.method) note(`api ${entry.method} ${entry.path} ${entry.status}`);
};

/**
 * Starts the real API the console's tests use: the `demo` specialist and the operator seeded
 * (their passwords in `logins`), offline test payments, mail into a local mailbox read at
 * `GET /dev/mailbox/messages` (JSON, oldest first), and no rate limits, so every test may sign
 * up a specialist of its own. Tests share its database: each makes its own account.
 */
export async function startConsoleApi() {
  ensureServerBuilt();
  const { startServer, smtpMail, startMailbox, createCalendarFeeds } = await import('@slotwise/server/node');
  const db = tempDatabase();
  const mailbox = await startMailbox();
  const mail = smtpMail({ url: mailbox.url, ignoreTLS: true });
  const server = await startServer({
    // Outside calendars may be read over http from this server itself (the /dev/feeds/ below).
    calendarFeeds: createCalendarFeeds({ allowHttp: true }),
    databaseUrl: db.url,
    port: 0,
    seed: 'demo',
    payments: 'offline',
    mail,
    rateLimits: false,
    kdfIterations: 1000,
    log: errorsOnly,
    // Read from the tests' page, another origin: the mailbox answers any origin (test data only).
    mount: (app) => {
      app.get('/dev/mailbox/messages', (c) => c.json(mailbox.messages(), 200, { 'access-control-allow-origin': '*' }));
      app.get('/dev/feeds/:name', (c) => devFeed(c.req.param('name')));
    },
  }).catch(async (error) => {
    await mailbox.close();
    throw error;
  });
  const close = () => server.close().finally(() => mailbox.close()).finally(db.remove);
  const logins = {
    demo: { email: 'demo@slotwise.local', password: server.seeded.demoPassword },
    operator: { email: 'operator@slotwise.local', password: server.seeded.operatorPassword },
  };
  return { url: server.url, logins, close };
}

const feedReads = new Map();
/**
 * Outside calendars for the console's tests, one per name (tests pick unique names): an ICS file
 * with one event tomorrow 10:00–11:00 UTC, except that a `flaky-*` feed answers 500 from its second read on.
 */
function devFeed(name) {
  const reads = (feedReads.get(name) ?? 0) + 1;
  feedReads.set(name, reads);
  if (name.startsWith('flaky-') && reads > 1) return new Response('down', { status: 500 });
  const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//slotwise tests//EN', 'BEGIN:VEVENT', `UID:${name}@test`, `DTSTART:${day}T100000Z`, `DTEND:${day}T110000Z`, 'SUMMARY:Busy', 'END:VEVENT', 'END:VCALENDAR', ''];
  return new Response(ics.join('\r\n'), { headers: { 'content-type': 'text/calendar' } });
}

function ensureServerBuilt() {
  if (!serverDist.every((file) => existsSync(file))) {
    execFileSync('pnpm', ['--filter', '@slotwise/server', 'build'], { stdio: 'inherit' });
  }
}

function tempDatabase() {
  const file = join(tmpdir(), `slotwise-widget-test-${randomBytes(6).toString('hex')}.db`);
  return {
    url: `file:${file}`,
    remove() {
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

/**
 * Connects the demo specialist to Stripe through the public API, as a specialist would: ask for
 * an onboarding link and follow it in a "browser" (test mode completes onboarding on the GET; the
 * fake Stripe shows its hosted page, whose one form is submitted), check that charges are
 * enabled in the expected `mode`, then price the 60-minute coaching session at €90.00.
 */
async function pricePaidSession(url, apiKey, mode) {
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const call = async (method, path, body) => {
    const response = await fetch(`${url}${path}`, { method, headers, body: body && JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  const link = await call('POST', '/v1/me/stripe/onboarding', {});
  const page = await fetch(link.url, { redirect: 'follow' });
  const html = await page.text();
  if (/<form[^>]*method="post"/i.test(html)) {
    const submitted = await fetch(page.url, { method: 'POST', redirect: 'manual' });
    await submitted.arrayBuffer();
    if (submitted.status !== 303) throw new Error(`submitting the onboarding page answered ${submitted.status}`);
  }
  const stripe = await call('GET', '/v1/me/stripe');
  if (!stripe.chargesEnabled || stripe.mode !== mode) throw new Error(`${mode} payments are not ready: ${JSON.stringify(stripe)}`);
  const { data } = await call('GET', '/v1/me/services');
  const coaching = data.find((service) => service.name === 'Coaching session');
  if (!coaching) throw new Error('the demo seed has no "Coaching session"');
  await call('PATCH', `/v1/me/services/${coaching.id}`, { durations: [{ minutes: 60, price: 9000 }] });
  return { serviceId: coaching.id, serviceName: coaching.name, price: 9000, currency: 'EUR', apiKey };
}

/**
 * Koa middleware forwarding `/v1/*` to the API, so tests can also use the page's own origin
 * (the widget's default when there is no `api` attribute).
 */
export function proxyApi(getUrl) {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/v1/')) return next();
    const hasBody = !['GET', 'HEAD'].includes(ctx.method);
    const response = await fetch(`${getUrl()}${ctx.url}`, {
      method: ctx.method,
      headers: Object.fromEntries(Object.entries(ctx.headers).filter(([name]) => !['host', 'connection'].includes(name))),
      body: hasBody ? ctx.req : undefined,
      duplex: hasBody ? 'half' : undefined,
    });
    ctx.status = response.status;
    response.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) ctx.set(name, value);
    });
    ctx.body = Buffer.from(await response.arrayBuffer());
  };
}

import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
  const server = await startServer({ databaseUrl: db.url, port: 0, seed: 'demo', payments: 'offline', mail, log: errorsOnly }).catch(async (error) => {
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

/** The servers' log in the test output: only what went wrong (tests provoke 4xx answers on purpose). */
const errorsOnly = (entry) => {
  if (entry.level === 'error') console.error(JSON.stringify(entry));
};

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

import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverEntry = fileURLToPath(new URL('../../server/dist/node.js', import.meta.url));

/**
 * Starts the real Slotwise API on a random port over a fresh libSQL file seeded with the
 * `demo` specialist, building the server package first when its dist is missing. The server
 * runs its offline test-payments mode (no Stripe keys); `paid` is set up by `pricePaidSession`.
 */
export async function startApi() {
  if (!existsSync(serverEntry)) {
    execFileSync('pnpm', ['--filter', '@slotwise/server', 'build'], { stdio: 'inherit' });
  }
  const { startServer } = await import('@slotwise/server/node');
  const file = join(tmpdir(), `slotwise-widget-test-${randomBytes(6).toString('hex')}.db`);
  const server = await startServer({ databaseUrl: `file:${file}`, port: 0, seed: 'demo' });
  const paid = await pricePaidSession(server.url, server.seeded.apiKey);
  return {
    url: server.url,
    paid,
    async close() {
      await server.close();
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

/**
 * Connects the demo specialist to (test-mode) Stripe through the public API, as a specialist
 * would: ask for an onboarding link, follow it (in test mode that completes onboarding), check
 * that charges are enabled, then price the 60-minute coaching session at €90.00.
 */
async function pricePaidSession(url, apiKey) {
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const call = async (method, path, body) => {
    const response = await fetch(`${url}${path}`, { method, headers, body: body && JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  const link = await call('POST', '/v1/me/stripe/onboarding', {});
  await fetch(link.url, { redirect: 'follow' }).then((response) => response.arrayBuffer());
  const stripe = await call('GET', '/v1/me/stripe');
  if (!stripe.chargesEnabled || stripe.mode !== 'test') throw new Error(`test payments are not ready: ${JSON.stringify(stripe)}`);
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

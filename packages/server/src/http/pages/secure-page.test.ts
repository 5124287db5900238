import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentsTestApp, type PaymentsTestApp } from '../../testing/payments-app.js';
import { demoPageHeaders } from './secure-page.js';
import { cspDirectives } from '../../testing/csp.js';

// Every HTML answer carries the headers that keep it from being sniffed, framed or made to run
// someone else's script: the receipt, the page Stripe's onboarding returns to, and the demo page.


function expectPageHeaders(res: Response, frame: 'DENY' | 'SAMEORIGIN') {
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe(frame);
  const csp = cspDirectives(res.headers.get('content-security-policy'));
  expect(csp.get('frame-ancestors')).toBe(frame === 'DENY' ? "'none'" : "'self'");
  return csp;
}

describe('the server’s own pages', () => {
  let t: PaymentsTestApp;
  beforeAll(async () => {
    t = await paymentsTestApp();
  });
  afterAll(() => t.closeAll());

  it('sends the receipt unsniffed, never framed, with a policy that runs no script', async () => {
    const { booking, manageToken, intentId } = await t.bookPaid('2026-11-23T15:00:00Z');
    t.fake.succeed(intentId);
    await t.fake.settled();
    const res = await t.app.request(`/v1/bookings/${booking.id}/receipt?token=${manageToken}`);
    expect(res.status).toBe(200);
    const csp = expectPageHeaders(res, 'DENY');
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.has('script-src')).toBe(false); // falls back to default-src 'none'
    expect(res.headers.get('referrer-policy')).toBe('no-referrer'); // its URL carries the manage token
  });

  it('sends the Stripe return page the same way', async () => {
    const res = await t.app.request('/stripe/return');
    expect(res.status).toBe(200);
    expect(expectPageHeaders(res, 'DENY').get('default-src')).toBe("'none'");
  });
});

describe('demoPageHeaders (the demo’s static page)', () => {
  const root = fileURLToPath(new URL('../../../../../examples/embed-html', import.meta.url));
  const pageApp = (options?: { stripe?: boolean }) => {
    const app = new Hono();
    app.use('/*', demoPageHeaders(options));
    app.get('/*', serveStatic({ root }));
    return app;
  };

  it('serves the example page unsniffed, framed only by its own origin, with its policy as a header', async () => {
    const res = await pageApp().request('/');
    expect(res.status).toBe(200);
    const csp = expectPageHeaders(res, 'SAMEORIGIN');
    // The header says at least what the page's own <meta> policy says (which cannot say frame-ancestors).
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(`${root}/index.html`, 'utf8'))![1]!;
    for (const [name, value] of cspDirectives(meta)) expect(csp.get(name), name).toBe(value);
    expect(csp.get('script-src')).toBe("'self'");
  });

  it('lets Stripe.js in only when the demo takes payments through Stripe', async () => {
    const csp = expectPageHeaders(await pageApp({ stripe: true }).request('/'), 'SAMEORIGIN');
    expect(csp.get('script-src')).toBe("'self' https://js.stripe.com");
    expect(csp.get('frame-src')).toContain('https://js.stripe.com');
  });

  it('marks other files nosniff too, without a page policy', async () => {
    const res = await pageApp().request('/package.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBeNull();
  });
});

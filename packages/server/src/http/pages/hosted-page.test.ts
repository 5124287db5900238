import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, signUp } from '../../testing/accounts.js';
import { setService } from '../../testing/fixtures.js';
import { paymentsTestApp } from '../../testing/payments-app.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { hostedPage, pageDescription } from './hosted-page.js';
import { languageOf } from './locales/index.js';
import { cspDirectives } from '../../testing/csp.js';

// A specialist's hosted booking page at /{handle} and /@{handle}: server-rendered, escaped, with
// the booking widget, and never in the way of the API's own paths.

const english = languageOf('en');

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  return { res, text: await res.text() };
};

describe('the hosted booking page', () => {
  it('renders the profile, the active services with prices and the booking widget before any script runs', async () => {
    await setService(t.database, t.session.id, { durations: [{ minutes: 60, price: 9000 }, { minutes: 90, price: 12550 }] });
    const { res, text } = await page('/demo');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(text).toContain('<title>Dr. Ada Demo — book a session</title>');
    expect(text).toContain('<meta name="description" content="Career coach for engineers. Book a free intro call or a full coaching session." />');
    expect(text).toContain('<link rel="canonical" href="http://localhost/demo" />');
    expect(text).toContain('<meta property="og:title" content="Dr. Ada Demo — book a session" />');
    expect(text).toContain('<meta property="og:type" content="profile" />');
    expect(text).toContain('<meta property="og:url" content="http://localhost/demo" />');
    expect(text).toContain('<meta property="og:description" content="Career coach for engineers.');
    expect(text).not.toContain('og:image'); // no photo in the profile
    expect(text).toContain('<h1 dir="auto">Dr. Ada Demo</h1>'); // the specialist's own text keeps its own direction
    expect(text).toContain('Intro call');
    expect(text).toContain('30 min · Free');
    expect(text).toContain('60 min · €90.00 or 90 min · €125.50');
    expect(text).toContain('<slotwise-booking specialist="demo" api="http://localhost" reviews="off"></slotwise-booking>');
    expect(text).toContain('<script src="/widget/slotwise.js" defer></script>');
    // The loader's module, fetched beside it rather than after it.
    expect(text).toContain('<link rel="modulepreload" href="/widget/slotwise/core.js" />');
    expect(text).toContain('<noscript>');
    expect(text).toContain('media="(prefers-color-scheme: dark)"');
    expect(text).toContain('width=device-width');
  });

  it('shows the photo the specialist set in their profile, and refuses one that is not https', async () => {
    const set = (photoUrl: unknown) => t.json('/v1/me', { method: 'PATCH', body: { photoUrl }, headers: auth(t.apiKey) });
    const refused = await set('http://img.example/ada.jpg');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'body.photoUrl' })]);
    expect((await page('/demo')).text).not.toContain('og:image');

    expect((await set('https://img.example/ada.jpg?size=2&x="y"')).body.photoUrl).toBe('https://img.example/ada.jpg?size=2&x="y"');
    const { text } = await page('/demo');
    expect(text).toContain('<meta property="og:image" content="https://img.example/ada.jpg?size=2&amp;x=&quot;y&quot;" />');
    expect(text).toContain('<img src="https://img.example/ada.jpg?size=2&amp;x=&quot;y&quot;" alt=""');
    expect((await t.json('/v1/specialists/demo')).body.photoUrl).toBe('https://img.example/ada.jpg?size=2&x="y"');

    expect((await set(null)).body.photoUrl).toBeNull();
    expect((await page('/demo')).text).not.toContain('og:image');
  });

  it('is the same page at /@handle, with the canonical address without the @', async () => {
    const { res, text } = await page('/@demo');
    expect(res.status).toBe(200);
    expect(text).toContain('<link rel="canonical" href="http://localhost/demo" />');
    expect(text).toContain('<slotwise-booking specialist="demo"');
  });

  it('says a group service is one, and how many people a session takes, in the page’s language', async () => {
    const made = await t.json('/v1/me/services', { body: { name: 'Workshop', durations: [{ minutes: 90, price: 0 }], capacity: 8 }, headers: auth(t.apiKey) });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const english = (await page('/demo')).text;
    expect(english).toContain('<h3 dir="auto">Workshop</h3><p class="muted">Group session · up to 8 people</p>');
    expect(english.match(/Group session/g)).toHaveLength(1); // the one-to-one services say nothing of it
    expect((await page('/demo', { 'accept-language': 'de' })).text).toContain('<p class="muted">Gruppensitzung · bis zu 8 Personen</p>');
  });

  it('leaves out archived services and says when nothing is open', async () => {
    await setService(t.database, t.intro.id, { active: false });
    expect((await page('/demo')).text).not.toContain('Intro call');
    await signUp(t, 'newcomer');
    const { text } = await page('/newcomer');
    expect(text).toContain('Specialist newcomer has no sessions open for booking right now.');
  });

  it('escapes every value the specialist wrote, in text and in attributes', async () => {
    const { accessToken } = await signUp(t, 'mallory', { name: '<script>alert(1)</script> "Mal"' });
    const bio = '</title><script>alert(2)</script> "quoted" & <b>bold</b>';
    const patched = await t.json('/v1/me', { method: 'PATCH', body: { bio }, headers: auth(accessToken) });
    expect(patched.status).toBe(200);
    const { text } = await page('/mallory');
    expect(text).not.toMatch(/<script>alert/);
    expect(text).not.toContain('<b>bold</b>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;Mal&quot; — book a session');
    expect(text).toContain('content="&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"');
  });

  it('answers an unknown handle with a 404 page for people, not JSON', async () => {
    const { res, text } = await page('/nobody-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(text).toContain('No specialist uses the address “nobody-here”');
    expect(text).not.toContain('slotwise-booking');
  });

  it('carries the page security headers: own scripts only, never framed', async () => {
    const { res } = await page('/demo');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const csp = cspDirectives(res.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
  });

  it('lets Stripe.js load and open its frames when payments go through Stripe', async () => {
    const stripe = await paymentsTestApp();
    try {
      const csp = cspDirectives((await stripe.app.request('/demo')).headers.get('content-security-policy'));
      expect(csp.get('script-src')).toBe("'self' https://js.stripe.com");
      expect(csp.get('frame-src')).toBe('https://js.stripe.com https://hooks.stripe.com');
      expect(csp.get('connect-src')).toBe("'self' https://api.stripe.com");
      expect(csp.get('frame-ancestors')).toBe("'none'");
    } finally {
      await stripe.closeAll();
    }
  });

  it('names the address the browser used behind a trusted proxy, and only then', async () => {
    const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'book.example.com' };
    expect((await page('/demo', proxied)).text).toContain('<link rel="canonical" href="http://localhost/demo" />');
    const behind = await testApp({ trustProxy: true });
    try {
      const text = await (await behind.app.request('/demo', { headers: proxied })).text();
      expect(text).toContain('<link rel="canonical" href="https://book.example.com/demo" />');
      expect(text).toContain('api="https://book.example.com"');
    } finally {
      behind.close();
    }
  });
});

describe('the hosted page’s bounds', () => {
  it('limits how many pages one client may ask for in a minute', async () => {
    const limited = await testApp({ rateLimits: true });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 601; i++) statuses.push((await limited.app.request('/nobody-here')).status);
      expect(statuses.slice(0, 600).every((s) => s === 404)).toBe(true);
      expect(statuses[600]).toBe(429);
    } finally {
      limited.close();
    }
  });
});

describe('the hosted page’s place among the server’s paths', () => {
  it('never shadows the API, the console, the health checks or the OpenAPI document', async () => {
    expect((await t.json('/health')).body).toEqual({ status: 'ok' });
    expect((await t.json('/ready')).body).toEqual({ status: 'ready' });
    expect((await t.json('/openapi.json')).body.openapi).toMatch(/^3\./);
    expect((await t.json('/v1/specialists/demo')).body.handle).toBe('demo');
    expect((await page('/console')).text).toContain('<slotwise-console');
    for (const path of ['/v1', '/dev', '/widget', '/@console', '/Demo', '/-demo']) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
    }
  });

  it('leaves an entry’s own pages (the demo’s / and its files) to the entry', async () => {
    const root = mkdtempSync(join(tmpdir(), 'slotwise-demo-page-'));
    try {
      writeFileSync(join(root, 'index.html'), '<h1>The demo page</h1>');
      writeFileSync(join(root, 'manage-link.js'), 'export {};');
      t.app.get('/*', serveStatic({ root }));
      expect(await (await t.app.request('/')).text()).toContain('The demo page');
      expect((await t.app.request('/manage-link.js')).status).toBe(200);
      expect((await page('/demo')).text).toContain('<slotwise-booking specialist="demo"');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('reserved handles', () => {
  it('refuses the server’s own words as a handle at signup and stores nothing', async () => {
    for (const handle of ['console', 'widget', 'v1', 'dev', 'health', 'ready']) {
      const res = await t.json('/v1/auth/signup', {
        body: { email: `${handle}@example.com`, password: 'correct horse battery', name: 'Someone', handle, timeZone: 'Europe/Berlin', currency: 'EUR' },
      });
      expect(res.status, handle).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'body.handle', message: expect.stringContaining('reserved') }]);
      expect((await t.json(`/v1/specialists/${handle}`)).status).toBe(404);
    }
  });

  it('refuses them when a specialist changes their handle', async () => {
    const { accessToken } = await signUp(t, 'renamer');
    const res = await t.json('/v1/me', { method: 'PATCH', body: { handle: 'console' }, headers: auth(accessToken) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'body.handle', message: expect.stringContaining('reserved') });
    expect((await page('/renamer')).res.status).toBe(200);
  });
});

describe('hostedPage', () => {
  const base = { handle: 'ada', name: 'Ada', bio: '', photoUrl: null, timeZone: 'Europe/Berlin', services: [], packages: [], acceptingBookings: true, unavailableReason: null, acceptingPaidBookings: true, rating: { average: null, count: 0 } };

  it('offers no sessions while the specialist takes no bookings, but keeps the widget for customers’ links to their bookings', async () => {
    const page = String(await hostedPage({ ...base, acceptingBookings: false, unavailableReason: 'suspended' }, 'https://x/ada', 'https://x', english));
    expect(page).toContain('<noscript><p>Ada is not taking bookings right now.</p></noscript>');
    expect(page).not.toContain('id="sessions"');
    expect(page).not.toContain('id="book"');
    expect(page).toContain('<slotwise-booking specialist="ada"');
    expect(String(await hostedPage(base, 'https://x/ada', 'https://x', english))).toContain('<slotwise-booking');
  });

  it('announces a photo only when it is a web address', async () => {
    expect(String(await hostedPage({ ...base, photoUrl: 'https://img.example/ada.jpg' }, 'https://x/ada', 'https://x', english))).toContain('<meta property="og:image" content="https://img.example/ada.jpg" />');
    expect(String(await hostedPage({ ...base, photoUrl: 'javascript:alert(1)' }, 'https://x/ada', 'https://x', english))).not.toContain('og:image');
  });

  it('trims a long bio to a one-line description cut at a word', () => {
    const bio = `${'I help engineers grow into leads. '.repeat(10)}\n\nMore.`;
    const line = pageDescription({ name: 'Ada', bio });
    expect(line.length).toBeLessThanOrEqual(160);
    expect(line).toMatch(/^I help engineers grow into leads\. .*\S…$/);
    expect(bio.startsWith(line.slice(0, -1))).toBe(true); // whole words only
    expect(bio[line.length - 1]).toMatch(/[\s.]/); // the next character ends a word
    expect(line).not.toContain('\n');
    expect(pageDescription({ name: 'Ada', bio: '   ' })).toBe('Book a session with Ada.');
  });
});

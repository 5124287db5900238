import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { cspDirectives } from '../../testing/csp.js';

// `/console`: the page the specialist console runs in. Its bundle is the widget package's build;
// these tests check only what the server answers, not the console itself.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());


describe('the console’s page', () => {
  it('loads the console’s module and points it at this server', async () => {
    for (const path of ['/console', '/console/']) {
      const res = await t.app.request(`http://api.example.test${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const text = await res.text();
      expect(text).toContain('<title>Slotwise console</title>');
      expect(text).toContain('<script type="module" src="/widget/console/console.js"></script>');
      expect(text).toContain('<slotwise-console api="http://api.example.test"></slotwise-console>');
      expect(text).toMatch(/<noscript>[\s\S]*needs JavaScript[\s\S]*<\/noscript>/);
      expect(text).toContain('<meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)" />');
      expect(text).toContain('<meta name="theme-color" content="#14171c" media="(prefers-color-scheme: dark)" />');
    }
  });

  it('runs only this origin’s scripts and is never framed', async () => {
    const res = await t.app.request('/console');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const csp = cspDirectives(res.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
  });

  it('serves one page: the console’s screens are hash routes (/console#/bookings), not paths', async () => {
    const res = await t.app.request('/console/bookings');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

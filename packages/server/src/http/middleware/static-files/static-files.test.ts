import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../node.js';
import { paymentsDisabled } from '../../../providers/payments/index.js';
import { silentLog } from '../../../services/log.js';
import { isHashed } from './index.js';

// The widget's and the console's files, served by a real Node server (`startServer({ widgetDir })`)
// from a temporary folder laid out like `packages/widget/dist`, next to a secret that must never
// come out of it, whatever the path says.

const SECRET = 'top-secret-outside-the-widget-folder';
let root: string;
let server: RunningServer;

/** A GET with the path sent exactly as written (no client-side normalisation of `..`). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = httpRequest({ hostname, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => done({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', fail).end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'slotwise-assets-'));
  const widget = join(root, 'widget');
  mkdirSync(join(widget, 'console'), { recursive: true });
  writeFileSync(join(widget, 'slotwise.js'), 'customElements.define("x-entry", class extends HTMLElement {});');
  writeFileSync(join(widget, 'slotwise.js.map'), '{"version":3}');
  writeFileSync(join(widget, 'console', 'console.js'), 'export const console = 1;');
  writeFileSync(join(widget, 'console', 'chunk-7XK2MQBD.js'), 'export const chunk = 1;');
  writeFileSync(join(widget, 'console', 'styles.css'), 'body{}');
  writeFileSync(join(widget, 'index.html'), '<script>alert(1)</script>');
  writeFileSync(join(widget, '.env.js'), SECRET);
  writeFileSync(join(root, 'secret.js'), SECRET);
  writeFileSync(join(root, 'secret.txt'), SECRET);
  symlinkSync(join(root, 'secret.js'), join(widget, 'linked.js'));
  server = await startServer({ databaseUrl: `file:${join(root, 'db.sqlite')}`, port: 0, payments: paymentsDisabled(), tickEveryMs: 0, log: silentLog, widgetDir: widget });
}, 30_000);
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the widget’s files at /widget/*', () => {
  it('serves an entry file with its content type, nosniff and a revalidated cache', async () => {
    const res = await fetch(`${server.url}/widget/slotwise.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('x-entry');
    const again = await fetch(`${server.url}/widget/slotwise.js`, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves the console’s module and caches its hashed chunks for a year', async () => {
    const entry = await fetch(`${server.url}/widget/console/console.js`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    const chunk = await fetch(`${server.url}/widget/console/chunk-7XK2MQBD.js`);
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await chunk.text()).toBe('export const chunk = 1;');
    const css = await fetch(`${server.url}/widget/console/styles.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const map = await fetch(`${server.url}/widget/slotwise.js.map`);
    expect(map.headers.get('content-type')).toBe('application/json');
  });

  it('answers HEAD with the length and no body', async () => {
    const res = await fetch(`${server.url}/widget/slotwise.js`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
  });

  it('lists no folder and serves no HTML, hidden file or missing file', async () => {
    for (const path of ['/widget/', '/widget/console', '/widget/console/', '/widget/index.html', '/widget/.env.js', '/widget/nope.js']) {
      const res = await raw(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('console.js');
      expect(res.body, path).not.toContain('alert(1)');
      expect(res.body, path).not.toContain(SECRET);
    }
  });

  it('never reads outside its folder, however the path is written or linked', async () => {
    const paths = [
      '/widget/../secret.js',
      '/widget/%2e%2e/secret.js',
      '/widget/%2E%2E/secret.js',
      '/widget/..%2fsecret.js',
      '/widget/%2e%2e%2fsecret.js',
      '/widget/console/..%2f..%2fsecret.js',
      '/widget/console/%2e%2e/%2e%2e/secret.js',
      '/widget/..%5csecret.js',
      '/widget/%252e%252e/secret.js',
      '/widget/%00/../secret.js',
      '/widget/%2fsecret.js',
      '/widget/linked.js',
      '/widget/../secret.txt',
    ];
    for (const path of paths) {
      const res = await raw(path);
      expect(res.body, path).not.toContain(SECRET);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('isHashed', () => {
  it('tells a bundler’s content-hashed chunk from a named entry file', () => {
    expect(isHashed('chunk-7XK2MQBD.js')).toBe(true);
    expect(isHashed('chunk-ABCDEFGH.js.map')).toBe(true);
    expect(isHashed('slotwise.js')).toBe(false);
    expect(isHashed('console.js')).toBe(false);
    expect(isHashed('booking-calendar.js')).toBe(false);
    expect(isHashed('availability-editor.js')).toBe(false);
  });
});

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
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
/** A file big enough to be worth compressing, as a bundle is: repetitive text. */
const BIG = Array.from({ length: 400 }, (_, i) => `export const value${i} = "slot ${i % 7}";`).join('\n');
let root: string;
let server: RunningServer;

/** A GET with the path sent exactly as written (no client-side normalisation of `..`). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string; bytes: Buffer }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = httpRequest({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => {
        const bytes = Buffer.concat(chunks);
        done({ status: res.statusCode!, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
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
  writeFileSync(join(widget, 'big.js'), BIG);
  writeFileSync(join(widget, 'console', 'console.js'), 'export const console = 1;');
  mkdirSync(join(widget, 'slotwise'));
  writeFileSync(join(widget, 'slotwise', 'core.js'), 'export const core = 1;');
  writeFileSync(join(widget, 'console', 'chunk-7XK2MQBD.js'), 'export const chunk = 1;');
  writeFileSync(join(widget, 'console', 'styles.css'), 'body{}');
  writeFileSync(join(widget, 'index.html'), '<script>alert(1)</script>');
  writeFileSync(join(widget, '.env.js'), SECRET);
  writeFileSync(join(root, 'secret.js'), SECRET);
  writeFileSync(join(root, 'secret.txt'), SECRET);
  symlinkSync(join(root, 'secret.js'), join(widget, 'linked.js'));
  // A fixed clock: the slots test asks for a fixed week, which real time would one day leave in the past.
  const clock = () => Date.parse('2026-12-01T08:00:00Z');
  server = await startServer({ databaseUrl: `file:${join(root, 'db.sqlite')}`, port: 0, payments: paymentsDisabled(), tickEveryMs: 0, log: silentLog, widgetDir: widget, seed: 'demo', clock });
}, 30_000);
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the widget’s files at /widget/*', () => {
  it('serves an entry file with its content type, nosniff and a short, revalidated cache', async () => {
    const res = await fetch(`${server.url}/widget/slotwise.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // Pages on other sites import the widget's modules, which browsers fetch with CORS.
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toContain('x-entry');
    const again = await fetch(`${server.url}/widget/slotwise.js`, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves the console’s module and caches its hashed chunks for a year', async () => {
    const entry = await fetch(`${server.url}/widget/console/console.js`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('cache-control')).toBe('public, max-age=300');
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

describe('compression and versioned URLs', () => {
  it('sends brotli or gzip as the client accepts, and the bytes decode to the file', async () => {
    const br = await raw('/widget/big.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.bytes.length);
    expect(br.bytes.length).toBeLessThan(BIG.length / 4);
    expect(brotliDecompressSync(br.bytes).toString('utf8')).toBe(BIG);

    const gz = await raw('/widget/big.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.bytes).toString('utf8')).toBe(BIG);

    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await raw('/widget/big.js', accept ? { 'accept-encoding': accept } : {});
      expect(plain.headers['content-encoding'], accept).toBeUndefined();
      expect(plain.body, accept).toBe(BIG);
    }
  });

  it('answers 304 to an ETag of any coding of the same bytes, and 200 once the bytes change', async () => {
    const first = await raw('/widget/big.js', { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{12}-br"$/);
    expect((await raw('/widget/big.js', { 'accept-encoding': 'br', 'if-none-match': etag })).status).toBe(304);
    expect((await raw('/widget/big.js', { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(304);
    expect((await raw('/widget/big.js', { 'if-none-match': '"000000000000"' })).status).toBe(200);
  });

  it('serves a file under its versioned URL for a year, and points to it from the stable URL', async () => {
    const stable = await raw('/widget/big.js', { 'accept-encoding': 'gzip' });
    const versioned = String(stable.headers['content-location']);
    expect(versioned).toMatch(/^\/widget\/v\/[0-9a-f]{12}\/big\.js$/);
    const res = await raw(versioned, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.bytes).toString('utf8')).toBe(BIG);
    // A chunk imported relatively from the versioned entry resolves under the same folder.
    const chunk = await raw(versioned.replace('big.js', 'console/chunk-7XK2MQBD.js'));
    expect(chunk.status).toBe(200);
    expect(chunk.body).toBe('export const chunk = 1;');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('pins the loader’s stable-named module (slotwise/core.js) under the loader’s versioned folder, and only there', async () => {
    const loader = String((await raw('/widget/slotwise.js')).headers['content-location']);
    const core = await raw(loader.replace('slotwise.js', 'slotwise/core.js'));
    expect(core.body).toBe('export const core = 1;');
    expect(core.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // At its stable URL, as a page's <link rel="modulepreload"> names it, it changes with each release.
    expect((await raw('/widget/slotwise/core.js')).headers['cache-control']).toBe('public, max-age=300');
    // Under another loader's (an older release's) folder, or a folder's name with no loader beside it.
    expect((await raw('/widget/v/0123456789ab/slotwise/core.js')).headers['cache-control']).toBe('public, max-age=300');
    const big = String((await raw('/widget/big.js')).headers['content-location']);
    expect((await raw(big.replace('big.js', 'slotwise/core.js'))).headers['cache-control']).toBe('public, max-age=300');
  });

  it('never pins other bytes under a versioned URL: an old hash gets the current file, cached briefly', async () => {
    const res = await raw('/widget/v/0123456789ab/big.js');
    expect(res.status).toBe(200);
    expect(res.body).toBe(BIG);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect((await raw('/widget/v/0123456789ab/../../secret.js')).status).toBe(404);
    expect((await raw('/widget/v/0123456789ab/%2e%2e/%2e%2e/secret.js')).status).toBe(404);
  });

  it('serves a rebuilt file, not the one it compressed before', async () => {
    const path = join(root, 'widget', 'rebuilt.js');
    writeFileSync(path, BIG);
    expect(brotliDecompressSync((await raw('/widget/rebuilt.js', { 'accept-encoding': 'br' })).bytes).toString('utf8')).toBe(BIG);
    writeFileSync(path, `${BIG}\nexport const more = 1;`);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(brotliDecompressSync((await raw('/widget/rebuilt.js', { 'accept-encoding': 'br' })).bytes).toString('utf8')).toContain('more = 1');
  });

  it('compresses JSON answers over 1 KB and leaves small ones alone', async () => {
    const big = await raw('/openapi.json', { 'accept-encoding': 'br, gzip' });
    expect(big.headers['content-encoding']).toBe('br');
    expect(String(big.headers.vary)).toMatch(/Accept-Encoding/);
    expect(JSON.parse(brotliDecompressSync(big.bytes).toString('utf8')).openapi).toMatch(/^3\./);
    const small = await raw('/health', { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body)).toEqual({ status: 'ok' });
  });

  it('sends JSON as it is to a client that accepts no coding, headers kept and Vary saying why', async () => {
    const plain = await raw('/openapi.json', { origin: 'https://site.example' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers.vary)).toMatch(/Accept-Encoding/);
    expect(plain.headers['x-request-id']).toMatch(/^req_/); // set by a middleware before the route: kept
    expect(JSON.parse(plain.body).openapi).toMatch(/^3\./);
    expect(Number(plain.headers['content-length'])).toBe(plain.bytes.length);
  });

  it('sends a slots answer the same in every coding, fresh and repeated, with its cache headers', async () => {
    const profile = JSON.parse((await raw('/v1/specialists/demo')).body);
    const path = `/v1/specialists/demo/slots?service=${profile.services[0].id}&from=2026-12-14&to=2026-12-18&timezone=UTC`;
    const plain = await raw(path);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const days = JSON.parse(plain.body).days;
    expect(days.length).toBeGreaterThan(0);
    for (const coding of ['br', 'gzip', 'br', 'identity']) {
      const res = await raw(path, { 'accept-encoding': coding });
      const decoded = coding === 'br' ? brotliDecompressSync(res.bytes) : coding === 'gzip' ? gunzipSync(res.bytes) : res.bytes;
      expect({ coding, encoding: res.headers['content-encoding'] ?? 'identity', days: JSON.parse(decoded.toString('utf8')).days }).toEqual({ coding, encoding: coding, days });
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(String(res.headers.vary)).toMatch(/Origin.*Accept-Encoding|Accept-Encoding.*Origin/);
      expect(Number(res.headers['content-length'])).toBe(res.bytes.length);
    }
  });
});

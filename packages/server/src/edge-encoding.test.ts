import { mkdtempSync, rmSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorker } from './testing/workerd.js';

// The built Worker in workerd itself (Miniflare, no `nodejs_compat`): a body the app compressed
// must reach the client compressed ONCE. workerd compresses a body again per its
// `Content-Encoding` unless the Response says the bytes already are (`PRE_ENCODED` in
// `http/middleware/compress`); a browser would then decode one layer and find gzip instead of
// the widget's JavaScript. The bytes are read off the wire as sent, then decoded once.

const dir = mkdtempSync(join(tmpdir(), 'slotwise-edge-encoding-'));
const WIDGET = `customElements.define('slotwise-booking', class extends HTMLElement {});\n`.repeat(60);
let mf: Miniflare;
let origin: URL;

/** `path` as sent on the wire, asking for gzip (or what `acceptEncoding` says; none when null): nothing decoded on the way. */
const rawGet = (path: string, acceptEncoding: string | null = 'gzip') =>
  new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(new URL(path, origin), { headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });

beforeAll(async () => {
  const file = await buildWorker(dir);
  mf = new Miniflare({
    modules: true,
    modulesRoot: dir,
    scriptPath: file,
    compatibilityDate: '2026-04-20',
    // The database is never asked: these answers need none.
    bindings: { DATABASE_URL: 'http://127.0.0.1:9', SLOTWISE_JWT_SECRET: 'edge-test-secret' },
    serviceBindings: {
      ASSETS: (request: Request) => (new URL(request.url).pathname === '/widget/slotwise.js' ? new Response(WIDGET) : new Response('not found', { status: 404 })),
    },
  });
  origin = await mf.ready;
}, 120_000);
afterAll(async () => {
  await mf?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('compressed answers from the Worker in workerd', { timeout: 60_000 }, () => {
  it('sends JSON the app compressed once: the API description reads as JSON after one gzip decoding', async () => {
    const response = await rawGet('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    const document = JSON.parse(gunzipSync(response.body).toString('utf8')) as { paths: Record<string, unknown> };
    expect(document.paths['/v1/specialists/{handle}/slots']).toBeDefined();
  });

  it('answers a client that accepts no coding (curl without --compressed) with plain JSON', async () => {
    for (const accept of [null, 'identity']) {
      const response = await rawGet('/openapi.json', accept);
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect((JSON.parse(response.body.toString('utf8')) as { openapi: string }).openapi).toBe('3.0.3');
    }
  });

  it('sends the widget script it read from ASSETS compressed once: the same text after one decoding', async () => {
    const response = await rawGet('/widget/slotwise.js');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).toString('utf8')).toBe(WIDGET);
  });
});

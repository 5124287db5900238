import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../app-env.js';
import { ServiceError } from '../../../services/errors.js';
import { problemResponse } from '../../problem.js';
import { bodyLimit, DISCARD_MAX_BYTES } from './index.js';

/** A small app: a 1 KiB limit (4 KiB under /big/), echoing the body it was handed. */
function echoApp() {
  const app = new Hono<AppEnv>();
  app.use(bodyLimit({ maxBytes: (path) => (path.startsWith('/big/') ? 4096 : 1024) }));
  app.all('*', async (c) => c.text(await c.req.text()));
  app.onError((error, c) => (error instanceof ServiceError ? problemResponse(c, error) : c.text(String(error), 500)));
  return app;
}

/** A body streamed in `chunks` chunks of `size` bytes (no Content-Length); counts what was pulled. */
function stream(chunks: number, size: number, fill = 120) {
  const counter = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled === chunks) return controller.close();
      counter.pulled++;
      controller.enqueue(new Uint8Array(size).fill(fill));
    },
    cancel() {
      counter.cancelled = true;
    },
  }, { highWaterMark: 0 }); // nothing is pulled until someone reads
  return { body, counter };
}

const post = (app: Hono<AppEnv>, path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('bodyLimit', () => {
  it('refuses a declared Content-Length over the limit, reading the rest only to drop it so the connection stays usable', async () => {
    const { body, counter } = stream(10, 1);
    const res = await post(echoApp(), '/x', body, { 'content-length': '5000' });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'payload_too_large', detail: 'Send at most 1024 bytes.' });
    // Outside Node (here: no Node request), the rest is read to its end and dropped (workerd needs it).
    expect(counter).toEqual({ pulled: 10, cancelled: false });
  });

  it('counts a chunked body as it streams, refuses it once it passes the limit, and drops the rest', async () => {
    const { body, counter } = stream(1000, 256);
    const res = await post(echoApp(), '/x', body);
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe('payload_too_large');
    expect(counter).toEqual({ pulled: 1000, cancelled: false });
  });

  it('drops at most DISCARD_MAX_BYTES of a refused body, then cancels it: a huge body costs bounded reading', async () => {
    for (const headers of [{ 'content-length': String(64 << 20) }, {}] as Record<string, string>[]) {
      const { body, counter } = stream(64, 1 << 20); // 64 MiB in 1 MiB chunks
      const res = await post(echoApp(), '/x', body, headers);
      expect(res.status).toBe(413);
      expect(counter.cancelled).toBe(true);
      expect(counter.pulled).toBeLessThanOrEqual((DISCARD_MAX_BYTES >> 20) + 2);
    }
  });

  it('refuses a body that lies about its length, whatever Content-Length says', async () => {
    const { body } = stream(20, 256);
    const res = await post(echoApp(), '/x', body, { 'content-length': '10' });
    expect(res.status).toBe(413);
  });

  it('hands a chunked body within the limit on, byte for byte', async () => {
    const { body } = stream(4, 256, 65); // exactly 1024 bytes of "A"
    const res = await post(echoApp(), '/x', body);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('A'.repeat(1024));
  });

  it('takes the limit of the path', async () => {
    expect((await post(echoApp(), '/big/x', 'b'.repeat(4096))).status).toBe(200);
    expect((await post(echoApp(), '/big/x', 'b'.repeat(4097))).status).toBe(413);
    expect((await post(echoApp(), '/x', 'b'.repeat(1025))).status).toBe(413);
  });
});

describe('bodyLimit behind a real Node HTTP server', () => {
  /** The echo app (plus a form field echo) served by @hono/node-server on a free port. */
  async function served() {
    const { serve } = await import('@hono/node-server');
    const app = new Hono<AppEnv>();
    app.use(bodyLimit({ maxBytes: () => 1024 }));
    app.post('/form', async (c) => c.text(String((await c.req.parseBody())['name'])));
    app.all('*', async (c) => c.text(await c.req.text()));
    app.onError((error, c) => (error instanceof ServiceError ? problemResponse(c, error) : c.text(String(error), 500)));
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const { port } = server.address() as { port: number };
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
  }

  it('hands a body with its length declared on, byte for byte, to text and form readers alike', async () => {
    const server = await served();
    try {
      const text = 'ünïcødé ✓ '.repeat(50);
      const echoed = await fetch(`${server.url}/x`, { method: 'POST', body: text, headers: { 'content-type': 'text/plain' } });
      expect(echoed.status).toBe(200);
      expect(await echoed.text()).toBe(text);
      const form = await fetch(`${server.url}/form`, { method: 'POST', body: new URLSearchParams({ name: 'Zoë' }) });
      expect(await form.text()).toBe('Zoë');
    } finally {
      await server.close();
    }
  });

  it('refuses an over-long body whether its length is declared or it is chunked', async () => {
    const server = await served();
    try {
      const declared = await fetch(`${server.url}/x`, { method: 'POST', body: 'b'.repeat(1025) });
      expect(declared.status).toBe(413);
      const { body } = stream(1000, 256);
      const chunked = await fetch(`${server.url}/x`, { method: 'POST', body, duplex: 'half' } as RequestInit);
      expect(chunked.status).toBe(413);
      expect((await chunked.json()).code).toBe('payload_too_large');
    } finally {
      await server.close();
    }
  });
});

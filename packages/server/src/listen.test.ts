import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { listen, REQUEST_TIMEOUTS } from './listen.js';

// The socket `node dist/main.js` opens before loading the API: liveness answers at once,
// readiness says "starting", and no other request is refused or answered before the app is there.

describe('listen (the socket opened before the API loads)', () => {
  it('answers /health, says /ready is starting, and hands waiting requests to the app once it serves', async () => {
    const listener = await listen({ port: 0, hostname: '127.0.0.1' });
    try {
      expect(listener.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${listener.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${listener.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'starting' });

      // A booking page asked for during the start waits for the app, with its body intact.
      let answered = false;
      const early = fetch(`${listener.url}/v1/echo`, { method: 'POST', body: 'hello' }).then((response) => ((answered = true), response));
      await new Promise((done) => setTimeout(done, 50));
      expect(answered).toBe(false);
      const serving = listener.serve(async (request) => new Response(`app: ${request.method} ${new URL(request.url).pathname} ${await request.text()}`));
      // Handed over: /ready no longer says `starting`, it waits for the app like any request.
      const readyMeanwhile = fetch(`${listener.url}/ready`);
      await serving;
      expect(await (await early).text()).toBe('app: POST /v1/echo hello');
      expect(await (await readyMeanwhile).text()).toBe('app: GET /ready ');
      // From then on the app answers everything, /health and /ready included.
      expect(await (await fetch(`${listener.url}/ready`)).text()).toBe('app: GET /ready ');
    } finally {
      await new Promise((done) => listener.server.close(done));
    }
  });

  it('answers 503 to the requests waiting when the start fails, and /health no longer says ok', async () => {
    const listener = await listen({ port: 0, hostname: '127.0.0.1' });
    try {
      const early = fetch(`${listener.url}/v1/specialists/demo`);
      await new Promise((done) => setTimeout(done, 50));
      listener.fail();
      const response = await early;
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable' });
      expect((await fetch(`${listener.url}/health`)).status).toBe(503);
    } finally {
      await new Promise((done) => listener.server.close(done));
    }
  });

  it('refuses an address already in use', async () => {
    const first = await listen({ port: 0, hostname: '127.0.0.1' });
    try {
      const port = Number(new URL(first.url).port);
      await expect(listen({ port, hostname: '127.0.0.1' })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await new Promise((done) => first.server.close(done));
    }
  });

  it('answers 408 and closes the socket of a client that sends its body a byte at a time past the request timeout', async () => {
    expect(REQUEST_TIMEOUTS.requestMs).toBeLessThanOrEqual(30_000); // what pnpm start uses (Node's own default: 300 s)
    const listener = await listen({ port: 0, hostname: '127.0.0.1', timeouts: { headersMs: 300, requestMs: 600, checkMs: 100 } });
    await listener.serve(async (request) => new Response(`got ${(await request.text()).length} bytes`));
    try {
      const { port } = new URL(listener.url);
      const socket = connect(Number(port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk));
      const closed = new Promise((done) => socket.on('close', done));
      socket.write('POST /v1/bookings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n{');
      const drip = setInterval(() => socket.writable && socket.write(' '), 100);
      await closed;
      clearInterval(drip);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      // The server goes on serving everyone else.
      expect(await (await fetch(`${listener.url}/v1/echo`, { method: 'POST', body: 'hi' })).text()).toBe('got 2 bytes');
    } finally {
      await new Promise((done) => listener.server.close(done));
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHranaServer } from '../testing/hrana-server.js';
import { createDb } from './client.js';
import { migrate } from './migrate.js';
import { createRemoteDb } from './remote.js';
import { isReadOnlyPipeline, retryingFetch } from './remote-retry.js';
import { specialists } from './schema.js';

// Turso over HTTP: the bodies below are Hrana pipelines as libSQL's web client sends them.
const read = JSON.stringify({ baton: null, requests: [{ type: 'execute', stmt: { sql: 'select 1', want_rows: true } }, { type: 'close' }] });
const write = JSON.stringify({ baton: null, requests: [{ type: 'batch', batch: { steps: [{ stmt: { sql: 'BEGIN IMMEDIATE' } }, { stmt: { sql: "insert into t values (1)" } }, { stmt: { sql: 'COMMIT' } }] } }, { type: 'close' }] });
const json = (status: number, headers: Record<string, string> = {}) => new Response(JSON.stringify({ message: `status ${status}` }), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fetch answering from a script, recording what it was sent and how long the caller paused. */
function scripted(answers: (Response | Error)[]) {
  const bodies: string[] = [];
  const pauses: number[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    bodies.push(await new Request(input, init).text());
    const next = answers.shift() ?? json(200);
    if (next instanceof Error) throw next;
    return next;
  };
  return { bodies, pauses, fetch: retryingFetch(fetch, { sleep: async (ms) => void pauses.push(ms) }) };
}
const post = (body: string) => ({ method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('which Hrana pipelines cannot write', () => {
  it('tells reads on a fresh stream from writes, open transactions and what it does not know', () => {
    expect(isReadOnlyPipeline(read)).toBe(true);
    expect(isReadOnlyPipeline(JSON.stringify({ requests: [{ type: 'store_sql', sql_id: 1, sql: 'SELECT * FROM bookings' }, { type: 'execute', stmt: { sql_id: 1 } }] }))).toBe(true);
    expect(isReadOnlyPipeline(write)).toBe(false);
    expect(isReadOnlyPipeline(JSON.stringify({ requests: [{ type: 'store_sql', sql_id: 1, sql: 'delete from bookings' }, { type: 'execute', stmt: { sql_id: 1 } }] }))).toBe(false);
    expect(isReadOnlyPipeline(JSON.stringify({ baton: 'b1', requests: [{ type: 'execute', stmt: { sql: 'select 1' } }] }))).toBe(false);
    expect(isReadOnlyPipeline(JSON.stringify({ requests: [{ type: 'execute', stmt: { sql: 'pragma journal_mode = wal' } }] }))).toBe(false);
    expect(isReadOnlyPipeline(JSON.stringify({ requests: [{ type: 'sequence', sql: 'select 1' }] }))).toBe(false);
    expect(isReadOnlyPipeline('not json')).toBe(false);
  });
});

describe('retryingFetch', () => {
  it('sends a refused request again (429/503), the same bytes, after Retry-After when given', async () => {
    const { fetch, bodies, pauses } = scripted([json(503), json(429, { 'retry-after': '1' }), json(200)]);
    const response = await fetch('https://db.example.turso.io/v2/pipeline', post(write));
    expect(response.status).toBe(200);
    expect(bodies).toEqual([write, write, write]);
    expect(pauses).toEqual([50, 1000]);
  });

  it('resends a read whose answer was lost (a dropped connection, 502, 504), never a write', async () => {
    const lostRead = scripted([new TypeError('Network connection lost'), json(502), json(200)]);
    expect((await lostRead.fetch('https://db/v2/pipeline', post(read))).status).toBe(200);
    expect(lostRead.bodies).toHaveLength(3);

    const lostWrite = scripted([new TypeError('Network connection lost')]);
    await expect(lostWrite.fetch('https://db/v2/pipeline', post(write))).rejects.toThrow('Network connection lost');
    expect(lostWrite.bodies).toHaveLength(1);

    const gatewayWrite = scripted([json(504)]);
    expect((await gatewayWrite.fetch('https://db/v2/pipeline', post(write))).status).toBe(504);
    expect(gatewayWrite.bodies).toHaveLength(1);
  });

  it('gives up after three tries, answers what came last, and leaves other failures alone', async () => {
    const busy = scripted([json(503), json(503), json(503), json(200)]);
    expect((await busy.fetch('https://db/v2/pipeline', post(read))).status).toBe(503);
    expect(busy.bodies).toHaveLength(3);
    expect(busy.pauses).toEqual([50, 200]);
    for (const status of [400, 401, 500]) {
      const other = scripted([json(status)]);
      expect((await other.fetch('https://db/v2/pipeline', post(read))).status).toBe(status);
      expect(other.bodies).toHaveLength(1);
    }
  });
});

const dir = mkdtempSync(join(tmpdir(), 'slotwise-remote-retry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A gateway in front of the Turso stand-in that answers 503 to the first `refuse` pipelines. */
async function flakyGateway(upstream: string, refuse: number): Promise<{ url: string; refused: () => number; close(): Promise<void> }> {
  let refused = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (req.url === '/v2/pipeline' && refused < refuse) {
        refused++;
        return res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Service Unavailable' }));
      }
      const answer = await fetch(upstream + req.url, { method: req.method, headers: req.headers as Record<string, string>, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, refused: () => refused, close: () => new Promise<void>((done) => server.close(() => done())) };
}

describe('createRemoteDb over a database that is briefly unavailable', { timeout: 60_000 }, () => {
  it('reads and writes through two 503 answers, once each', async () => {
    const url = `file:${join(dir, 'flaky.db')}`;
    createDb(url).close();
    const turso = await startHranaServer(url);
    const gateway = await flakyGateway(turso.url, 2);
    const remote = createRemoteDb(gateway.url);
    try {
      await remote.ping();
      expect(gateway.refused()).toBe(2);
      await migrate(remote);
      await remote.write((tx) => tx.insert(specialists).values({ id: 'sp_flaky', handle: 'flaky', name: 'Flaky', timeZone: 'UTC', currency: 'EUR', createdAt: Date.now() }));
      expect(await remote.db.select({ handle: specialists.handle }).from(specialists)).toEqual([{ handle: 'flaky' }]);
      // Without the retries, the same gateway's refusal reaches the caller.
      const again = await flakyGateway(turso.url, 1);
      const bare = createRemoteDb(again.url, { retry: false });
      await expect(bare.ping()).rejects.toThrow();
      bare.close();
      await again.close();
    } finally {
      remote.close();
      await gateway.close();
      await turso.close();
    }
  });
});

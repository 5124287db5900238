import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createDb } from './db/client.js';
import { migrate } from './db/migrate.js';
import { bookings } from './db/schema.js';
import { paymentsDisabled } from './providers/payments/index.js';
import { seedDemo } from './seed.js';
import { silentLog } from './services/log.js';
import { startHranaServer } from './testing/hrana-server.js';

// The Workers entry as workerd without `nodejs_compat` would load it: built by the real build
// script (`scripts/build-edge.mjs`), then run by `scripts/run-worker.mjs` with Node's globals
// hidden from the bundle. Its database URL points at a closed port: answers that need the
// database must say it does not answer, never crash on a Node-only global first.

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'slotwise-edge-'));
const worker = join(dir, 'worker.js');

interface BuildReport {
  bytes: number;
  gzipBytes: number;
  nodeImports: { module: string; chain: string[] }[];
  exports: string[];
}
interface WorkerResult {
  responses: { status: number; headers: Record<string, string>; body: string }[];
  scheduled?: boolean;
  errors: string[];
  probed: string[];
}

async function runWorker(spec: object): Promise<{ result: WorkerResult; logs: Record<string, unknown>[] }> {
  const { stdout } = await run(process.execPath, ['scripts/run-worker.mjs', worker, JSON.stringify(spec)], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const lines = stdout.trim().split('\n');
  const last = lines.pop()!;
  expect(last.startsWith('RESULT ')).toBe(true);
  return { result: JSON.parse(last.slice('RESULT '.length)) as WorkerResult, logs: lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const settings = { DATABASE_URL: 'http://127.0.0.1:9', SLOTWISE_JWT_SECRET: 'edge-test-secret' };
const WIDGET = `customElements.define('slotwise-booking', class extends HTMLElement {});\n`.repeat(40);

let report: BuildReport;
beforeAll(async () => {
  const { stdout } = await run(process.execPath, ['scripts/build-edge.mjs', '--json', '--outdir', dir], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  report = JSON.parse(stdout) as BuildReport;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Workers build (src/edge.ts)', { timeout: 60_000 }, () => {
  it('has no node: import and no Node builtin anywhere in its bundle, exports only its handlers, and fits a Worker', () => {
    expect(report.nodeImports).toEqual([]);
    // workerd refuses to start a Worker whose named exports are not handlers.
    expect(report.exports).toEqual(['default']);
    // Workers take 3 MB gzip on the free plan (10 MB paid).
    expect(report.gzipBytes).toBeGreaterThan(0);
    expect(report.gzipBytes).toBeLessThan(3 * 1000 * 1000);
  });

  it('fails the build on a Node builtin and names the chain that brought it in', async () => {
    const entry = join(dir, 'uses-node.ts');
    writeFileSync(join(dir, 'hash.ts'), `import { createHash } from 'node:crypto';\nexport const h = (s: string) => createHash('sha256').update(s).digest('hex');\n`);
    writeFileSync(entry, `import { h } from './hash.js';\nexport default { fetch: () => new Response(h('x')) };\n`);
    const failed = await run(process.execPath, ['scripts/build-edge.mjs', '--entry', entry, '--outdir', join(dir, 'control')], { cwd: root }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/Node builtin node:crypto: .*uses-node\.ts → .*hash\.ts/);
  });

  it('answers without Node: health, the API description, and its readiness when the database is unreachable', async () => {
    const { result } = await runWorker({ bindings: settings, requests: [{ url: 'https://edge.example/health' }, { url: 'https://edge.example/openapi.json' }, { url: 'https://edge.example/ready' }] });
    expect(result.errors).toEqual([]);
    const [health, openapi, ready] = result.responses;
    expect(health).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    expect(openapi!.status).toBe(200);
    expect(JSON.parse(openapi!.body).paths['/v1/specialists/{handle}/slots']).toBeDefined();
    expect(ready!.status).toBe(503);
    expect(JSON.parse(ready!.body)).toEqual({ status: 'unavailable', reason: 'The database does not answer.' });
  });

  it('serves the widget from the assets binding, gzipped with a versioned URL, and 404s a file it does not have', async () => {
    const { result } = await runWorker({
      bindings: settings,
      assets: { '/widget/slotwise.js': WIDGET },
      requests: [{ url: 'https://edge.example/widget/slotwise.js', headers: { 'accept-encoding': 'gzip' } }, { url: 'https://edge.example/widget/missing.js' }],
    });
    expect(result.errors).toEqual([]);
    const [script, missing] = result.responses;
    expect(script!.status).toBe(200);
    expect(script!.headers['content-encoding']).toBe('gzip');
    expect(script!.headers['content-location']).toMatch(/^\/widget\/v\/[0-9a-f]{12}\/slotwise\.js$/);
    expect(gunzipSync(Buffer.from(script!.body, 'base64')).toString()).toBe(WIDGET);
    expect(missing!.status).toBe(404);
  });

  it('answers 500 with a problem document, and logs the missing setting, when the Worker is not configured', async () => {
    const { result, logs } = await runWorker({ bindings: { SLOTWISE_JWT_SECRET: 'x' }, requests: [{ url: 'https://edge.example/health' }] });
    const [answer] = result.responses;
    expect(answer!.status).toBe(500);
    expect(answer!.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer!.body)).toMatchObject({ status: 500, code: 'internal_error', detail: 'Please try again in a moment.' });
    expect(answer!.body).not.toContain('DATABASE_URL');
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'Slotwise could not start', error: expect.objectContaining({ message: expect.stringContaining('DATABASE_URL is not set') }) }));
  });

  it('runs the scheduler from a Cron Trigger and logs a failed tick instead of throwing', async () => {
    const { result, logs } = await runWorker({ bindings: settings, scheduled: true });
    expect(result.errors).toEqual([]);
    expect(result.scheduled).toBe(true);
    expect(logs.some((l) => l.msg === 'tick failed')).toBe(true);
  });
});

describe('the Workers build over a remote libSQL (Hrana over HTTP, as Turso serves it)', { timeout: 60_000 }, () => {
  it('books the demo: slots read and the booking written over HTTP, the slot gone after, the row in the database', async () => {
    const url = `file:${join(dir, 'remote.db')}`;
    const local = createDb(url, { timeout: 5000 });
    await migrate(local);
    await seedDemo(local, { kdfIterations: 1000 });
    // The Node app on the same file finds a free slot to ask the Worker for.
    const node = createApp({ database: local, rateLimits: false, payments: paymentsDisabled(), log: silentLog });
    const profile = (await (await node.request('/v1/specialists/demo')).json()) as { services: { id: string }[] };
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const slotsPath = `/v1/specialists/demo/slots?service=${profile.services[0]!.id}&from=${day(2)}&to=${day(9)}`;
    const slots = (await (await node.request(slotsPath)).json()) as { days: { slots: { start: string }[] }[] };
    const start = slots.days.flatMap((d) => d.slots)[0]!.start;
    const server = await startHranaServer(url);
    try {
      const booking = { specialist: 'demo', service: profile.services[0]!.id, start, customer: { name: 'Edge Customer', email: 'edge@example.com', timeZone: 'UTC' } };
      const { result } = await runWorker({
        bindings: { ...settings, DATABASE_URL: server.url },
        requests: [
          { url: 'https://edge.example/ready' },
          { url: `https://edge.example${slotsPath}` },
          { url: 'https://edge.example/v1/bookings', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(booking) },
          { url: `https://edge.example${slotsPath}` },
        ],
      });
      expect(result.errors).toEqual([]);
      const [ready, before, booked, after] = result.responses;
      expect(ready).toMatchObject({ status: 200, body: '{"status":"ready"}' });
      const startsOf = (body: string) => (JSON.parse(body) as typeof slots).days.flatMap((d) => d.slots.map((s) => s.start));
      expect(startsOf(before!.body)).toContain(start);
      expect(booked!.status).toBe(201);
      expect(startsOf(after!.body)).not.toContain(start);
      const [row] = await local.db.select().from(bookings).where(eq(bookings.customerEmail, 'edge@example.com'));
      expect(row).toMatchObject({ startAt: Date.parse(start), status: 'confirmed' });
      expect(server.requests()).toBeGreaterThan(0);
    } finally {
      await server.close();
      local.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { Response as WorkerdResponse } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { accounts, specialists } from './db/schema.js';
import { cacheUrl } from './providers/cache/cache-api.js';
import { seedDemo } from './seed.js';
import { DEFAULT_KDF_ITERATIONS, EDGE_KDF_ITERATIONS, hashPassword } from './services/accounts/passwords.js';
import { slotAnswerKey } from './services/availability/slots.js';
import { startHranaServer } from './testing/hrana-server.js';
import { buildWorker, sharedCache, startIsolates, type Isolates } from './testing/workerd-isolates.js';

// What must hold across isolates of the Worker, in workerd: rate limits counted once for all of
// them (the RateLimitCounter Durable Object), and slots answers shared through the Cache API yet
// never stale after a booking. The database is the Hrana stand-in (what Turso speaks) over a file.

const dir = mkdtempSync(join(tmpdir(), 'slotwise-isolates-'));
let worker: string;
let database: Database;
let hrana: Awaited<ReturnType<typeof startHranaServer>>;
let bindings: Record<string, string>;
let demoPassword: string;
const open: Isolates[] = [];

beforeAll(async () => {
  const url = `file:${join(dir, 'edge.db')}`;
  database = createDb(url, { timeout: 5000 });
  await migrate(database);
  demoPassword = (await seedDemo(database, { kdfIterations: 1000 })).demoPassword!;
  [worker, hrana] = await Promise.all([buildWorker(join(dir, 'dist')), startHranaServer(url)]);
  bindings = { DATABASE_URL: hrana.url, SLOTWISE_JWT_SECRET: 'isolates-test-secret' };
}, 180_000);
afterAll(async () => {
  await Promise.all(open.map((o) => o.dispose()));
  await hrana?.close();
  database?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function isolates(options: { rateLimits?: boolean }) {
  const started = await startIsolates(worker, bindings, options);
  open.push(started);
  return started;
}

/** Plain answers: Miniflare hands back the body as the Worker encoded it. */
const plain: RequestInit = { headers: { 'accept-encoding': 'identity' } };
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'identity', 'cf-connecting-ip': '203.0.113.7' }, body: JSON.stringify(body) });

describe('rate limits across isolates (RATE_LIMITS Durable Object)', { timeout: 120_000 }, () => {
  it('refuses the 31st booking attempt of a minute when the 30 before it went to two isolates', async () => {
    const { isolates: [a, b] } = await isolates({ rateLimits: true });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await (i % 2 ? b! : a!)('https://edge.example/v1/bookings', json({ specialist: 'demo' }))).status);
    expect(statuses.every((s) => s === 400)).toBe(true);
    const refused = await b!('https://edge.example/v1/bookings', json({ specialist: 'demo' }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const retry = Number(refused.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ status: 429, code: 'rate_limited', detail: expect.stringContaining(`${retry} second`) });
    // Another client (address) has its own count.
    expect((await a!('https://edge.example/v1/bookings', { ...json({ specialist: 'demo' }), headers: { 'content-type': 'application/json', 'accept-encoding': 'identity', 'cf-connecting-ip': '203.0.113.8' } })).status).toBe(400);
  });

  it('keeps the 15-minute window of reset emails to one address exactly, across isolates', async () => {
    const { isolates: [a, b] } = await isolates({ rateLimits: true });
    const ask = (fetch: typeof a) => fetch!('https://edge.example/v1/auth/password-reset', json({ email: 'someone@example.com' }));
    expect([(await ask(a)).status, (await ask(b)).status, (await ask(a)).status]).toEqual([202, 202, 202]);
    const refused = await ask(b);
    expect(refused.status).toBe(429);
    // Cloudflare's rate-limiting binding could not say this: its periods are 10 or 60 seconds.
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
  });

  it('counts per isolate without the binding (what the Durable Object fixes)', async () => {
    const { isolates: [a, b], logs } = await isolates({});
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await (i % 2 ? b! : a!)('https://edge.example/v1/bookings', json({ specialist: 'demo' }))).status);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', msg: expect.stringContaining('RATE_LIMITS is not bound') }));
  });
});

describe('the slot cache across isolates (memory, then the Cache API)', { timeout: 120_000 }, () => {
  it('serves another isolate from the Cache API, and after a booking no isolate offers the time', async () => {
    const { isolates: [a, b], miniflare } = await isolates({ rateLimits: true });
    const profile = (await (await a!('https://edge.example/v1/specialists/demo', plain)).json()) as { services: { id: string }[] };
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const slotsUrl = `https://edge.example/v1/specialists/demo/slots?service=${profile.services[0]!.id}&from=${day(2)}&to=${day(9)}`;
    type SlotsBody = { service: string; duration: number; from: string; to: string; timeZone: string; days: { slots: { start: string }[] }[] };
    const startsOf = (body: SlotsBody) => body.days.flatMap((d) => d.slots.map((s) => s.start));
    const first = (await (await a!(slotsUrl, plain)).json()) as SlotsBody;
    const start = startsOf(first)[0]!;
    expect(start).toBeDefined();

    // Isolate a filed its answer in the Cache API under the current availability version.
    const [head] = await database.db.select({ id: specialists.id, version: specialists.availabilityVersion }).from(specialists).where(eq(specialists.handle, 'demo'));
    const key = slotAnswerKey(head!, { service: first.service, minutes: first.duration, from: first.from, to: first.to, timeZone: first.timeZone, feeds: [] });
    const cache = await sharedCache(miniflare);
    const filed = await cache.match(cacheUrl(key));
    expect(filed).toBeDefined();
    // Isolate b, which never computed it, answers from there: shown by an entry made to differ.
    const marked = { ...first, days: [] };
    await cache.put(cacheUrl(key), new WorkerdResponse(JSON.stringify(marked), { headers: { 'cache-control': filed!.headers.get('cache-control')!, 'x-slotwise-valid-until': filed!.headers.get('x-slotwise-valid-until')! } }));
    expect(await (await b!(slotsUrl, plain)).json()).toEqual(marked);

    const booking = { specialist: 'demo', service: first.service, start, customer: { name: 'Isolate Customer', email: 'isolates@example.com', timeZone: 'UTC' } };
    expect((await a!('https://edge.example/v1/bookings', json(booking))).status).toBe(201);
    // The booking moved the version: both isolates compute anew and neither offers the time.
    for (const fetch of [b!, a!]) {
      const after = (await (await fetch(slotsUrl, plain)).json()) as SlotsBody;
      expect(after.days.length).toBeGreaterThan(0);
      expect(startsOf(after)).not.toContain(start);
      expect(startsOf(after)).toEqual(startsOf(first).filter((s) => s !== start));
    }
  });
});

describe('a booking in an isolate that never read the calendar (rules shared through the Cache API)', { timeout: 120_000 }, () => {
  it('is ONE round trip to the database: the guarded write, checked against the rules another isolate read for its slots answer', async () => {
    const { isolates: [a, b] } = await isolates({ rateLimits: true });
    const profile = (await (await a!('https://edge.example/v1/specialists/demo', plain)).json()) as { services: { id: string }[] };
    const service = profile.services[0]!.id;
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const slots = (await (await a!(`https://edge.example/v1/specialists/demo/slots?service=${service}&from=${day}&to=${day}&timezone=UTC`, plain)).json()) as { days: { slots: { start: string }[] }[] };
    const start = slots.days[0]!.slots.at(-1)!.start;
    // Isolate b has answered something from the database, but nothing of this calendar.
    expect((await b!('https://edge.example/v1/specialists/nobody-here', plain)).status).toBe(404);
    const before = hrana.statements().length;
    const booking = { specialist: 'demo', service, start, customer: { name: 'Cold Isolate', email: 'cold@example.com', timeZone: 'UTC' } };
    const res = await b!('https://edge.example/v1/bookings', json(booking));
    expect(res.status).toBe(201);
    const requests = hrana.statements().slice(before);
    const write = requests.findIndex((sqls) => sqls.some((sql) => sql.startsWith('insert into "bookings"')));
    // Its first request to the database is the write itself, guarded on the rules version and the time still free.
    expect(write).toBe(0);
    expect(requests[0]!.join(' ; ')).toContain('"rules_version"');
    expect(requests[0]!.join(' ; ')).toContain('not exists');
    // And a time taken meanwhile is refused, not double booked: the same start again, from isolate a.
    const again = await a!('https://edge.example/v1/bookings', json({ ...booking, customer: { ...booking.customer, email: 'late@example.com' } }));
    expect(again.status).toBe(409);
  });
});

describe('password hashes at the edge', { timeout: 120_000 }, () => {
  it('answers a hash made with Node’s 600,000 iterations with a problem saying what to do, and signs in with one of 100,000', async () => {
    const { isolates: [a] } = await isolates({ rateLimits: true });
    const setHash = async (iterations: number) =>
      database.db.update(accounts).set({ passwordHash: await hashPassword(demoPassword, iterations) }).where(eq(accounts.email, 'demo@slotwise.local'));
    const login = () => a!('https://edge.example/v1/auth/login', json({ email: 'demo@slotwise.local', password: demoPassword }));
    await setHash(DEFAULT_KDF_ITERATIONS);
    const refused = await login();
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({ code: 'password_rehash_required', detail: expect.stringContaining('Sign in once on the Slotwise server where the account was made') });
    await setHash(EDGE_KDF_ITERATIONS);
    expect((await login()).status).toBe(200);
  });
});


import { createClient, type Client } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { forget } from './warm.js';

/** One call that reached the database: over Turso or D1, each is one network round trip. */
interface Call {
  kind: 'execute' | 'batch' | 'transaction';
  mode?: string;
  sql: string;
}

/** The real libSQL client, every call it is asked for written to `calls`. */
function counting(calls: Call[]) {
  return (config: Parameters<typeof createClient>[0]): Client => {
    const client = createClient(config);
    return new Proxy(client, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key === 'execute') return (stmt: string | { sql: string }, ...rest: unknown[]) => (calls.push({ kind: 'execute', sql: typeof stmt === 'string' ? stmt : stmt.sql }), (value as Function).call(target, stmt, ...rest));
        if (key === 'batch')
          return (stmts: ({ sql: string } | string)[], mode?: string) => (
            calls.push({ kind: 'batch', mode, sql: stmts.map((s) => (typeof s === 'string' ? s : s.sql)).join(' ; ') }), (value as Function).call(target, stmts, mode)
          );
        if (key === 'transaction') return (...args: unknown[]) => (calls.push({ kind: 'transaction', sql: '' }), (value as Function).apply(target, args));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
}

let t: TestApp | undefined;
afterEach(() => t?.close());

describe('what a booking costs the database', () => {
  it('reads everything it checks in ONE read batch, then writes in ONE batch: two round trips to a remote database', async () => {
    const calls: Call[] = [];
    t = await testApp({ createClient: counting(calls) });
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-23&timezone=UTC`);
    const start = slots.body.days[0].slots[0].start as string;
    // As a process that has not read this calendar (another isolate answered the slots).
    forget(t.database, 'demo', t.intro.id);
    calls.length = 0;
    const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } } });
    expect(res.status).toBe(201);
    const write = calls.findIndex((c) => c.kind === 'batch' && c.sql.includes('insert into "bookings"'));
    expect(write).toBeGreaterThan(-1);
    const before = calls.slice(0, write);
    // The specialist (with the availability version), the service, rules, feeds and bookings around the start, in one.
    expect(before.map((c) => `${c.kind}:${c.mode}`)).toEqual(['batch:deferred']);
    expect(before[0]!.sql).toContain('from "specialists"');
    expect(before[0]!.sql).toContain('from "weekly_hours"');
    expect(calls[write]!.mode).toBe('write');
  });

  it('makes the first booking after this process answered the slots (uncached) in ONE round trip: the rules read for the slots serve it', async () => {
    const calls: Call[] = [];
    t = await testApp({ createClient: counting(calls) });
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-23&timezone=UTC`);
    const start = slots.body.days[0].slots.at(-1).start as string;
    calls.length = 0;
    const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } } });
    expect(res.status).toBe(201);
    const write = calls.findIndex((c) => c.kind === 'batch' && c.sql.includes('insert into "bookings"'));
    expect(calls.slice(0, write + 1).map((c) => `${c.kind}:${c.mode}`)).toEqual(['batch:write']);
    expect(calls[write]!.sql).toContain('"rules_version"');
  });

  it('books a service with day and week caps in ONE round trip too: the database counts them in the guard', async () => {
    const calls: Call[] = [];
    t = await testApp({ createClient: counting(calls) });
    expect((await t.json(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body: { maxPerDay: 3, maxPerWeek: 10 }, headers: { authorization: `Bearer ${t.apiKey}` } })).status).toBe(200);
    await t.app.deliveries.idle(); // the edit's own notices, not the booking's cost
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-23&timezone=UTC`);
    calls.length = 0;
    const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: slots.body.days[0].slots[0].start, customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } } });
    expect(res.status).toBe(201);
    const write = calls.findIndex((c) => c.kind === 'batch' && c.sql.includes('insert into "bookings"'));
    expect(calls.slice(0, write + 1).map((c) => `${c.kind}:${c.mode}`)).toEqual(['batch:write']);
    expect(calls[write]!.sql.match(/select count\(\*\) from "bookings"/g)).toHaveLength(2);
  });

  it('makes a later free booking of the same service in ONE round trip: the guarded write batch, no read', async () => {
    const calls: Call[] = [];
    t = await testApp({ createClient: counting(calls) });
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-23&timezone=UTC`);
    const starts = (slots.body.days[0].slots as { start: string }[]).map((s) => s.start);
    const book = (start: string, email: string) =>
      t!.json('/v1/bookings', { body: { specialist: 'demo', service: t!.intro.id, start, customer: { name: 'Ada', email, timeZone: 'UTC' } } });
    expect((await book(starts[0]!, 'ada@example.com')).status).toBe(201);
    await t.app.deliveries.idle(); // the first booking's notifications, not this one's cost
    calls.length = 0;
    const res = await book(starts.at(-1)!, 'bob@example.com');
    expect(res.status).toBe(201);
    expect(res.body.booking.start).toBe(starts.at(-1));
    const write = calls.findIndex((c) => c.kind === 'batch' && c.sql.includes('insert into "bookings"'));
    expect(calls.slice(0, write + 1).map((c) => `${c.kind}:${c.mode}`)).toEqual(['batch:write']);
    // Guarded on the rules this process read before and on the time being free, checked by the database.
    expect(calls[write]!.sql).toContain('"rules_version"');
    expect(calls[write]!.sql).toContain('not exists');
  });
});

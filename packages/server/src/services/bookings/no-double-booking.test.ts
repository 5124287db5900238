import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { and, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bookings } from '../../db/schema.js';
import { setService } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

const MIN = 60_000;

/** Active bookings of the database, widened by their buffers, must never overlap. */
async function assertNoOverlap(t: TestApp, now: number) {
  const rows = await t.database.db.select().from(bookings).where(and(inArray(bookings.status, ['held', 'confirmed'])));
  const active = rows
    .filter((r) => r.status === 'confirmed' || (r.holdExpiresAt ?? 0) > now)
    .map((r) => ({ id: r.id, start: r.startAt - r.bufferBefore * MIN, end: r.endAt + r.bufferAfter * MIN }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < active.length; i++) {
    expect(active[i]!.start, `${active[i - 1]!.id} overlaps ${active[i]!.id}`).toBeGreaterThanOrEqual(active[i - 1]!.end);
  }
}

interface Model {
  now: number;
  known: { id: string; token: string }[];
}
type Real = TestApp;

const customer = (n: number) => ({ name: `C${n}`, email: `c${n}@example.com`, timeZone: 'UTC' });
const startAt = (day: number, quarter: number) => new Date(Date.parse('2026-11-23T08:00:00Z') + day * 86_400_000 + quarter * 15 * MIN).toISOString();
const durations = [15, 30, 45, 60, 90];

class Create implements fc.AsyncCommand<Model, Real> {
  constructor(readonly day: number, readonly quarter: number, readonly duration: number, readonly who: number) {}
  check = () => true;
  async run(m: Model, t: Real) {
    const res = await t.json('/v1/bookings', {
      body: { specialist: 'demo', service: t.intro.id, duration: this.duration, start: startAt(this.day, this.quarter), customer: customer(this.who) },
    });
    expect([201, 409, 422, 429]).toContain(res.status);
    if (res.status === 201) m.known.push({ id: res.body.booking.id, token: res.body.manageToken });
    await assertNoOverlap(t, m.now);
  }
  toString = () => `create(${startAt(this.day, this.quarter)}, ${this.duration}m)`;
}

class Storm implements fc.AsyncCommand<Model, Real> {
  constructor(readonly tries: { day: number; quarter: number; duration: number }[]) {}
  check = () => true;
  async run(m: Model, t: Real) {
    const results = await Promise.all(
      this.tries.map((x, i) =>
        t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, duration: x.duration, start: startAt(x.day, x.quarter), customer: customer(100 + i) } }),
      ),
    );
    for (const res of results) if (res.status === 201) m.known.push({ id: res.body.booking.id, token: res.body.manageToken });
    await assertNoOverlap(t, m.now);
  }
  toString = () => `storm(${this.tries.length})`;
}

class Cancel implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.known.length > 0;
  async run(m: Model, t: Real) {
    const b = m.known[this.pick % m.known.length]!;
    const res = await t.json(`/v1/bookings/${b.id}/cancel`, { body: {}, headers: { authorization: `Bearer ${b.token}` } });
    expect([200, 409]).toContain(res.status);
    await assertNoOverlap(t, m.now);
  }
  toString = () => `cancel(#${this.pick})`;
}

class Reschedule implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number, readonly day: number, readonly quarter: number) {}
  check = (m: Readonly<Model>) => m.known.length > 0;
  async run(m: Model, t: Real) {
    const b = m.known[this.pick % m.known.length]!;
    const res = await t.json(`/v1/bookings/${b.id}/reschedule`, { body: { start: startAt(this.day, this.quarter) }, headers: { authorization: `Bearer ${b.token}` } });
    expect([200, 409, 422]).toContain(res.status);
    await assertNoOverlap(t, m.now);
  }
  toString = () => `reschedule(#${this.pick} → ${startAt(this.day, this.quarter)})`;
}

class Wait implements fc.AsyncCommand<Model, Real> {
  constructor(readonly minutes: number) {}
  check = () => true;
  async run(m: Model, t: Real) {
    m.now += this.minutes * MIN;
    t.setNow(m.now);
    if (this.minutes % 2 === 0) await t.app.tick();
    await assertNoOverlap(t, m.now);
  }
  toString = () => `wait(${this.minutes}m)`;
}

const day = fc.integer({ min: 0, max: 1 });
const quarter = fc.integer({ min: 0, max: 40 });
const commands = [
  fc.tuple(day, quarter, fc.constantFrom(...durations), fc.integer({ min: 0, max: 3 })).map(([d, q, m, w]) => new Create(d, q, m, w)),
  fc.array(fc.record({ day, quarter, duration: fc.constantFrom(...durations) }), { minLength: 2, maxLength: 6 }).map((x) => new Storm(x)),
  fc.nat().map((p) => new Cancel(p)),
  fc.tuple(fc.nat(), day, quarter).map(([p, d, q]) => new Reschedule(p, d, q)),
  fc.integer({ min: 1, max: 20 }).map((m) => new Wait(m)),
];

describe('no double booking', () => {
  it('keeps active bookings apart (buffers included) under random creates, storms, cancels, moves and expiries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
        const now = Date.parse('2026-11-20T12:00:00Z');
        const t = await testApp({ now, maxHoldsPerClient: 1000 });
        try {
          // Several durations, some priced (held until paid, then expiring), 15-minute steps, buffers.
          await setService(t.database, t.intro.id, {
            durations: durations.map((minutes) => ({ minutes, price: minutes % 45 === 0 ? 5000 : 0 })),
            slotStep: 15,
            // Not multiples of the step, so ignoring either buffer shows up on the 15-minute grid.
            bufferBefore: 10,
            bufferAfter: 25,
            rescheduleUntilHours: 0,
            cancelUntilHours: 0,
          });
          await fc.asyncModelRun(() => ({ model: { now, known: [] }, real: t }), cmds);
        } finally {
          t.close();
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('lets exactly one of 50 parallel bookings win across two server processes on one database file', async () => {
    const dist = fileURLToPath(new URL('../../../dist/node.js', import.meta.url));
    expect(existsSync(dist), 'build the server first (pnpm build)').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-two-'));
    const databaseUrl = `file:${join(dir, 'shared.db')}`;
    const script = `const { startServer } = await import(${JSON.stringify(dist)});
      const s = await startServer({ databaseUrl: ${JSON.stringify(databaseUrl)}, port: 0, seed: 'demo', rateLimits: false, tickEveryMs: 0, log: () => {} });
      console.log(JSON.stringify({ url: s.url }));`;
    const children: ChildProcess[] = [];
    const start = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
        children.push(child);
        child.stdout!.on('data', (chunk: Buffer) => {
          const line = chunk.toString().split('\n').find((l) => l.startsWith('{'));
          if (line) resolve(JSON.parse(line).url);
        });
        child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
    try {
      const [a, b] = await Promise.all([start(), start()]);
      const profile = await (await fetch(`${a}/v1/specialists/demo`)).json();
      const service = profile.services[0].id;
      const slots = await (await fetch(`${a}/v1/specialists/demo/slots?service=${service}`)).json();
      const slot = slots.days[1].slots[2].start;
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          fetch(`${i % 2 ? a : b}/v1/bookings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ specialist: 'demo', service, start: slot, customer: customer(i) }),
          }).then((r) => r.status),
        ),
      );
      expect(results.filter((s) => s === 201)).toHaveLength(1);
      expect(results.filter((s) => s === 409)).toHaveLength(49);
      const again = await (await fetch(`${b}/v1/specialists/demo/slots?service=${service}`)).json();
      expect(again.days.flatMap((d: { slots: { start: string }[] }) => d.slots.map((s) => s.start))).not.toContain(slot);
    } finally {
      for (const child of children) child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

afterAll(() => undefined);

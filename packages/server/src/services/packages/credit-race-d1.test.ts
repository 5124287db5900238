import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { raceForCredits, type Server } from '../../testing/credit-race.js';
import { migrateD1, seedD1 } from '../../testing/d1-seed.js';
import { buildWorker, startWorkerd, type Workerd } from '../../testing/workerd.js';

// The credit race of `credit-race.test.ts` on D1: the built Worker (`scripts/build-edge.mjs`, no
// `nodejs_compat`) loaded as two Workers of one Miniflare — two isolates, each with its own memory
// and its own per-specialist queue — bound to ONE D1 database, migrated and seeded as wrangler and
// `seedD1` do. Only the guarded batch can keep a credit from being spent twice across them.

const dir = mkdtempSync(join(tmpdir(), 'slotwise-credits-d1-'));
let workerd: Workerd | undefined;
afterAll(async () => {
  await workerd?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('credits across isolates on D1', () => {
  it('spends each credit once when 12 bookings race for 2 credits through two Worker isolates on one D1', async () => {
    const bindings = { SLOTWISE_JWT_SECRET: 'credit-race-d1-secret', SLOTWISE_PAYMENTS: 'offline' };
    workerd = await startWorkerd(await buildWorker(dir), { a: bindings, b: bindings });
    await migrateD1(workerd.d1);
    const { apiKey } = await seedD1(workerd.d1, { kdfIterations: 1000 });
    let client = 0;
    // Each request from its own address: the isolates' rate limits count per address, in memory.
    const isolate = (name: string): Server => (path, init) =>
      workerd!.fetch(name, `https://edge.example${path}`, { ...init, headers: { ...(init?.headers as Record<string, string>), 'cf-connecting-ip': `203.0.113.${++client}` } });
    await raceForCredits(isolate('a'), isolate('b'), apiKey!);
  }, 120_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { guardedBatch } from './batch.js';
import { createDb, type Database } from './client.js';

// Group commit (`runGroup` in db/client.ts): batches that wait for the write lock together are
// written in one transaction, and each caller gets what it would have got had they run one after
// another — its own results, its own refusal or error, nothing of it written when it failed.

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function fresh(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-group-'));
  dirs.push(dir);
  const database = createDb(`file:${join(dir, 'group.db')}`);
  await database.db.run(sql`create table t (k text primary key, n integer not null)`);
  return database;
}

const put = (database: Database, k: string, n: number) => database.db.run(sql`insert into t (k, n) values (${k}, ${n})`);
const putReturning = (database: Database, k: string, n: number) => database.db.all(sql`insert into t (k, n) values (${k}, ${n}) returning k, n`);
const rows = (database: Database) => database.db.all<{ k: string; n: number }>(sql`select k, n from t order by k`);

/** Holds the write queue with a transaction until the returned function is called; batches asked meanwhile wait together. */
function holdQueue(database: Database): { release: () => void; done: Promise<void> } {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const done = database.write(async (tx) => {
    await tx.run(sql`select 1`);
    await held;
  });
  return { release, done };
}

describe('batches waiting together (group commit)', () => {
  it('commit once, each answered its own rows', async () => {
    const database = await fresh();
    let commits = 0;
    database.onCommit(() => commits++);
    const hold = holdQueue(database);
    const answers = Promise.all(['a', 'b', 'c'].map((k, i) => database.batch([put(database, `${k}1`, i), putReturning(database, `${k}2`, i * 10)])));
    hold.release();
    await hold.done;
    const [a, b, c] = await answers;
    expect([a![1], b![1], c![1]]).toEqual([[{ k: 'a2', n: 0 }], [{ k: 'b2', n: 10 }], [{ k: 'c2', n: 20 }]]);
    // The held transaction's commit, then ONE for the three batches (one each without grouping).
    expect(commits).toBe(2);
    expect((await rows(database)).map((r) => r.k)).toEqual(['a1', 'a2', 'b1', 'b2', 'c1', 'c2']);
    database.close();
  });

  it('a refused guard or a failing statement costs only its own batch; a later batch sees the earlier ones', async () => {
    const database = await fresh();
    const hold = holdQueue(database);
    const count = (k: string) => sql`(select count(*) from t where k = ${k})`;
    const first = guardedBatch(database, sql`${count('x')} = 0`, [put(database, 'x', 1)]);
    // Sees `first`'s row, as it would after `first` committed: refused.
    const second = guardedBatch(database, sql`${count('x')} = 0`, [put(database, 'y', 2)]);
    const third = database.batch([put(database, 'z', 3), put(database, 'x', 9)]); // x is taken: UNIQUE
    const fourth = guardedBatch(database, sql`${count('x')} = 1`, [put(database, 'w', 4)]);
    hold.release();
    await hold.done;
    expect(await first).toEqual([expect.anything()]);
    expect(await second).toBeUndefined();
    await expect(third).rejects.toThrow(/UNIQUE/);
    expect(await fourth).toEqual([expect.anything()]);
    // Nothing of the refused or failed batches (not even z, written before x failed).
    expect(await rows(database)).toEqual([
      { k: 'w', n: 4 },
      { k: 'x', n: 1 },
    ]);
    database.close();
  });

  it('gives every batch the outcome it has one after another (random batches)', async () => {
    // A batch: inserts of keys from a small set (so some collide), behind a guard on how many keys
    // there are (so some are refused, depending on the batches before them).
    const batchArb = fc.record({ keys: fc.array(fc.constantFrom('p', 'q', 'r', 's', 't', 'u'), { minLength: 1, maxLength: 3 }), atMost: fc.integer({ min: 0, max: 6 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(batchArb, { minLength: 2, maxLength: 8 }), async (batches) => {
        const run = (database: Database, b: (typeof batches)[number], i: number) =>
          guardedBatch(
            database,
            sql`(select count(*) from t) <= ${b.atMost}`,
            b.keys.map((k) => put(database, k, i)),
          ).then(
            (written) => (written ? 'written' : 'refused'),
            (error: unknown) => (String(error).includes('UNIQUE') ? 'unique' : String(error)),
          );
        const one = await fresh();
        const apart: string[] = [];
        for (const [i, b] of batches.entries()) apart.push(await run(one, b, i));
        const grouped = await fresh();
        const hold = holdQueue(grouped);
        const together = Promise.all(batches.map((b, i) => run(grouped, b, i)));
        hold.release();
        await hold.done;
        expect(await together).toEqual(apart);
        expect(await rows(grouped)).toEqual(await rows(one));
        one.close();
        grouped.close();
      }),
      { numRuns: 40 },
    );
  });
});

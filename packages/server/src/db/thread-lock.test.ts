import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../node.js';
import { threadWriteLock } from './client.js';

// The delivery worker and the thread that serves requests write one file. SQLite's busy handler
// makes a writer that meets another's lock SLEEP its whole thread (1, 2, 5, 10 ms…): no request
// is answered meanwhile. With the threads' shared lock, a write waits for its turn without
// blocking the event loop.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Another thread of this process that takes `lock` as `createDb` does (when given one), begins a
 * write on the file, inserts 'worker', holds both for `holdMs`, commits and gives the lock back.
 */
function holdingThread(url: string, lock: Int32Array | undefined, holdMs: number) {
  const clientUrl = pathToFileURL(createRequire(import.meta.url).resolve('@libsql/client')).href;
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     (async () => {
       const { createClient } = await import(workerData.clientUrl);
       const { lock, url, holdMs } = workerData;
       if (lock) while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
       const client = createClient({ url, timeout: 5000 });
       const tx = await client.transaction('write');
       await tx.execute("insert into t values ('worker')");
       parentPort.postMessage('holding');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
       await tx.commit();
       client.close();
       if (lock) { Atomics.store(lock, 0, 0); Atomics.notify(lock, 0, 1); }
       parentPort.postMessage('done');
     })();`,
    { eval: true, workerData: { clientUrl, lock, url, holdMs } },
  );
  const next = () => new Promise<string>((resolve, reject) => worker.once('message', resolve).once('error', reject));
  return { worker, next };
}

async function race(withLock: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-threads-'));
  dirs.push(dir);
  const url = `file:${join(dir, 'db.sqlite')}`;
  const lock = withLock ? threadWriteLock() : undefined;
  const database = await openDatabase(url, undefined, lock ? { threadLock: lock } : {});
  await database.db.run(sql`create table t (who text)`);
  const other = holdingThread(url, lock, 300);
  expect(await other.next()).toBe('holding');
  const order: string[] = [];
  const done = other.next();
  const write = database.write(async (tx) => void (await tx.run(sql`insert into t values ('main')`))).then(() => order.push('write'));
  await new Promise((r) => setTimeout(r, 20)).then(() => order.push('timer'));
  await write;
  expect(await done).toBe('done');
  const rows = await database.db.all<{ who: string }>(sql`select who from t order by rowid`);
  database.close();
  await other.worker.terminate();
  return { order, rows };
}

describe('writes from two threads of one process (db/client.ts threadLock)', () => {
  it('waits for the other thread’s write without stopping the event loop, then commits after it', async () => {
    const { order, rows } = await race(true);
    // A 20 ms timer fired while the write waited for the other thread's 300 ms transaction.
    expect(order).toEqual(['timer', 'write']);
    expect(rows).toEqual([{ who: 'worker' }, { who: 'main' }]);
  });

  it('without the lock, SQLite’s busy handler holds the thread until the other commits (what the lock is for)', async () => {
    const { order, rows } = await race(false);
    expect(order).toEqual(['write', 'timer']);
    expect(rows).toEqual([{ who: 'worker' }, { who: 'main' }]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestD1, type TestD1 } from '../testing/d1.js';
import { createDb } from './client.js';
import { createD1Db } from './d1.js';
import { migrateD1 } from './d1-migrate.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations.js';
import { specialists } from './schema.js';
import { isNotSupportedHere } from './unsupported.js';

// D1 in workerd (Miniflare), driven from Node. The guarded batch on D1 is in `batch.test.ts`.

const SCHEMA = sql`select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' and name not like '_cf_%' and name not in ('d1_migrations', '__slotwise_migrations') order by type, name`;

let d1: TestD1;
beforeAll(async () => {
  d1 = await startTestD1();
}, 60_000);
afterAll(() => d1.dispose());

describe('D1 (db/d1.ts, db/d1-migrate.ts)', { timeout: 60_000 }, () => {
  it('is not ready before its migrations, with the command to run in the sentence; ready after', async () => {
    const database = createD1Db(d1.binding);
    await expect(database.ping()).rejects.toThrow(/no Slotwise schema up to 0\d+_\w+\.sql: apply the migrations with `wrangler d1 migrations apply DB`/);
    expect(await migrateD1(d1.binding)).toEqual(migrations.map((m) => `${m.tag}.sql`));
    await expect(database.ping()).resolves.toBeUndefined();
  });

  it('migrates to the schema the Node server migrates a libSQL file to — tables, indexes, triggers — once', async () => {
    expect(await migrateD1(d1.binding)).toEqual([]);
    const onD1 = await createD1Db(d1.binding).db.all(SCHEMA);
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-d1-'));
    const file = createDb(`file:${join(dir, 'node.db')}`);
    try {
      await migrate(file);
      const onFile = await file.db.all(SCHEMA);
      expect(onD1.length).toBeGreaterThan(90);
      expect(onD1.filter((o) => (o as { type: string }).type === 'trigger').length).toBeGreaterThan(10);
      expect(onD1).toEqual(onFile);
    } finally {
      file.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an interactive transaction before running any of it, with an error the HTTP layer answers 501', async () => {
    const database = createD1Db(d1.binding);
    let ran = false;
    const refused = await database
      .write(async (tx) => {
        ran = true;
        await tx.insert(specialists).values({ id: 'sp_tx', handle: 'tx', name: 'Tx', timeZone: 'UTC', currency: 'EUR', createdAt: 1 });
      })
      .catch((error: unknown) => error);
    expect(isNotSupportedHere(refused)).toBe(true);
    expect(String(refused)).toMatch(/D1 cannot run an interactive transaction/);
    expect(ran).toBe(false);
    expect(await database.db.select().from(specialists)).toEqual([]);
  });
});

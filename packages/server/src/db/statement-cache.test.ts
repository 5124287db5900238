import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb } from './client.js';

// The native driver @libsql/client runs a local file on (CommonJS: the module ESM imports too).
const requireFromClient = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));
const NativeDatabase = requireFromClient('libsql') as { prototype: { prepare(sql: string): unknown } };

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempUrl = () => {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-stmt-'));
  dirs.push(dir);
  return `file:${join(dir, 'db.sqlite')}`;
};

/**
 * `patches/@libsql__client@0.18.0.patch`: the local client keeps each connection's prepared
 * statements. These tests pin what that must never change — the answers — and that it happens.
 */
describe('prepared statements kept per connection (the @libsql/client patch)', () => {
  it('prepares a statement run again and again once, and answers each run with its own arguments', async () => {
    const database = createDb(tempUrl());
    try {
      await database.db.run(sql`create table t (id integer primary key, v text not null unique)`);
      const prepare = vi.spyOn(NativeDatabase.prototype, 'prepare');
      for (let i = 1; i <= 40; i++) await database.db.run(sql`insert into t (v) values (${`v${i}`})`);
      const counts: number[] = [];
      for (let i = 0; i < 40; i++) counts.push((await database.db.all<{ n: number }>(sql`select count(*) as n from t where id > ${i}`))[0]!.n);
      expect(counts).toEqual(Array.from({ length: 40 }, (_, i) => 40 - i));
      const texts = prepare.mock.calls.map(([text]) => text);
      expect(texts.filter((text) => text.startsWith('insert into t'))).toHaveLength(1);
      expect(texts.filter((text) => text.startsWith('select count(*)'))).toHaveLength(1);
    } finally {
      database.close();
    }
  });

  it('runs a statement again after it failed (a unique clash, inside a write that rolled back)', async () => {
    const database = createDb(tempUrl());
    try {
      await database.db.run(sql`create table t (id integer primary key, v text not null unique)`);
      await database.db.run(sql`insert into t (v) values (${'a'})`);
      await expect(database.write((tx) => tx.run(sql`insert into t (v) values (${'a'})`))).rejects.toThrow(/Failed query: insert into t/);
      await database.write((tx) => tx.run(sql`insert into t (v) values (${'b'})`));
      await database.db.run(sql`insert into t (v) values (${'c'})`);
      expect(await database.db.all(sql`select v from t order by id`)).toEqual([{ v: 'a' }, { v: 'b' }, { v: 'c' }]);
    } finally {
      database.close();
    }
  });

  it('reads a table whole with the columns it has now, after the connection changed its schema', async () => {
    const database = createDb(tempUrl());
    try {
      await database.db.run(sql`create table t (a text)`);
      await database.db.run(sql`insert into t (a) values ('x')`);
      expect(await database.db.all(sql`select * from t`)).toEqual([{ a: 'x' }]);
      await database.db.run(sql.raw("-- a comment first, as migrations write them\nalter table t add column b text default 'y'"));
      expect(await database.db.all(sql`select * from t`)).toEqual([{ a: 'x', b: 'y' }]);
    } finally {
      database.close();
    }
  });

  it('answers right with more distinct statements than it keeps (the oldest are prepared again)', async () => {
    const database = createDb(tempUrl());
    try {
      await database.db.run(sql`create table t (id integer primary key)`);
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 300; i++) {
          const [row] = await database.db.all<{ k: number }>(sql.raw(`select ${i} + count(*) as k from t`));
          expect(row!.k).toBe(i);
        }
      }
    } finally {
      database.close();
    }
  });
});

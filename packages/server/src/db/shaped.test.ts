import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, gt, sql } from 'drizzle-orm';
import { getTableColumns, is } from 'drizzle-orm';
import { SQLiteTable, sqliteTable, integer, text, type SQLiteInsertValue } from 'drizzle-orm/sqlite-core';
import * as schema from './schema.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb } from './client.js';
import { shaped, shapedInsert } from './shaped.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempUrl = () => {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-shaped-'));
  dirs.push(dir);
  return `file:${join(dir, 'db.sqlite')}`;
};

const items = sqliteTable('items', { id: integer('id').primaryKey(), owner: text('owner').notNull(), n: integer('n').notNull() });

async function withItems() {
  const database = createDb(tempUrl());
  await database.db.run(sql`create table items (id integer primary key, owner text not null, n integer not null)`);
  for (const [owner, n] of [['ann', 1], ['ann', 5], ['ann', 9], ['bob', 2], ['bob', 7]] as const) await database.db.insert(items).values({ owner, n });
  return database;
}

/** Ann's or Bob's items above a number, optionally without one id: a shape with an optional condition. */
function above(database: Awaited<ReturnType<typeof withItems>>, build: () => void, owner: string, min: number, without?: number) {
  const db = database.db;
  return shaped(
    db,
    without === undefined ? 'above' : 'above-without',
    () => {
      build();
      return db
        .select({ n: items.n })
        .from(items)
        .where(and(eq(items.owner, sql.placeholder('owner')), gt(items.n, sql.placeholder('min')), without === undefined ? undefined : sql`${items.id} <> ${sql.placeholder('without')}`))
        .orderBy(items.n);
    },
    { owner, min, ...(without === undefined ? {} : { without }) },
  );
}

describe('shaped queries: SQL built once per handle and shape, values filled at each use', () => {
  it('answers each use with its own values, awaited or in a read batch, and builds each shape once', async () => {
    const database = await withItems();
    try {
      const build = vi.fn();
      expect(await above(database, build, 'ann', 0)).toEqual([{ n: 1 }, { n: 5 }, { n: 9 }]);
      expect(await above(database, build, 'ann', 4)).toEqual([{ n: 5 }, { n: 9 }]);
      expect(await above(database, build, 'bob', 4)).toEqual([{ n: 7 }]);
      expect(await database.read([above(database, build, 'bob', 0), above(database, build, 'ann', 8)])).toEqual([[{ n: 2 }, { n: 7 }], [{ n: 9 }]]);
      expect(build).toHaveBeenCalledTimes(1);
      // Another shape (the optional condition present) is built once too, and never mixed up with the first.
      expect(await above(database, build, 'ann', 0, 2)).toEqual([{ n: 1 }, { n: 9 }]);
      expect(await above(database, build, 'ann', 0, 3)).toEqual([{ n: 1 }, { n: 5 }]);
      expect(await above(database, build, 'ann', 0)).toEqual([{ n: 1 }, { n: 5 }, { n: 9 }]);
      expect(build).toHaveBeenCalledTimes(2);
    } finally {
      database.close();
    }
  });

  it('sees what was written since, and runs in a write batch like any drizzle query', async () => {
    const database = await withItems();
    try {
      const build = vi.fn();
      expect(await above(database, build, 'cy', 0)).toEqual([]);
      const [, rows] = await database.batch([database.db.insert(items).values({ owner: 'cy', n: 3 }), above(database, build, 'cy', 0)]);
      expect(rows).toEqual([{ n: 3 }]);
      expect(await above(database, build, 'cy', 0)).toEqual([{ n: 3 }]);
      expect(build).toHaveBeenCalledTimes(1);
    } finally {
      database.close();
    }
  });
});

const notes = sqliteTable('notes', {
  id: text('id').primaryKey(),
  body: text('body'),
  data: text('data', { mode: 'json' }).$type<Record<string, unknown> | null>(),
  pinned: integer('pinned', { mode: 'boolean' }),
  at: integer('at', { mode: 'timestamp_ms' }),
  kind: text('kind').notNull().default('plain'),
});

describe('shaped inserts', () => {
  it('store what drizzle’s own insert stores: JSON, booleans, dates, nulls, defaults, SQL values', async () => {
    const database = createDb(tempUrl());
    try {
      await database.db.run(sql`create table notes (id text primary key, body text, data text, pinned integer, at integer, kind text not null default 'plain')`);
      const rows: SQLiteInsertValue<typeof notes>[] = [
        { id: 'a', body: 'Zoë ✓', data: { refund: { rule: 'full' }, list: [1, 'two'] }, pinned: true, at: new Date(1_800_000_000_000), kind: 'x' },
        { id: 'b', body: null, data: null, pinned: false, at: null },
        { id: 'c', body: 'again', data: { n: 1 }, pinned: null, at: new Date(0) },
        { id: 'd', body: sql`upper('made in sql')`, data: { n: 2 } },
        { id: 'e', body: 'no more keys' },
      ];
      const mine = rows.map((row) => shapedInsert(database.db, notes, { ...row, id: `mine-${row.id}` }));
      const theirs = rows.map((row) => database.db.insert(notes).values({ ...row, id: `theirs-${row.id}` }));
      await database.batch([...mine.slice(0, 2), ...theirs.slice(0, 2)]);
      for (const query of [...mine.slice(2), ...theirs.slice(2)]) await query;
      const raw = await database.db.all<Record<string, unknown>>(sql`select * from notes order by id`);
      const stored = (prefix: string) => raw.filter((r) => String(r['id']).startsWith(prefix)).map(({ id, ...rest }) => ({ id: String(id).slice(prefix.length), ...rest }));
      expect(stored('mine-')).toEqual(stored('theirs-'));
      expect(stored('mine-')).toHaveLength(rows.length);
      const read = await database.db.select().from(notes).where(eq(notes.id, 'mine-a'));
      expect(read).toEqual([{ ...rows[0], id: 'mine-a' }]);
    } finally {
      database.close();
    }
  });

  it('skip a row whose key is taken when asked to, as drizzle’s onConflictDoNothing does, and refuse it otherwise', async () => {
    const database = createDb(tempUrl());
    try {
      await database.db.run(sql`create table notes (id text primary key, body text, data text, pinned integer, at integer, kind text not null default 'plain')`);
      await database.batch([shapedInsert(database.db, notes, { id: 'n1', body: 'first' })]);
      await database.batch([shapedInsert(database.db, notes, { id: 'n1', body: 'again' }, { onConflictDoNothing: true }), shapedInsert(database.db, notes, { id: 'n2', body: 'new' }, { onConflictDoNothing: true })]);
      expect(shapedInsert(database.db, notes, { id: 'n1' }, { onConflictDoNothing: true }).toSQL()).toEqual(database.db.insert(notes).values({ id: 'n1' }).onConflictDoNothing().toSQL());
      await expect(database.batch([shapedInsert(database.db, notes, { id: 'n1', body: 'refused' })])).rejects.toThrow(/UNIQUE/);
      expect(await database.db.select({ id: notes.id, body: notes.body }).from(notes).orderBy(notes.id)).toEqual([
        { id: 'n1', body: 'first' },
        { id: 'n2', body: 'new' },
      ]);
    } finally {
      database.close();
    }
  });

  it('has nothing to freeze: no column of the schema computes its default in JavaScript', () => {
    const tables = Object.values(schema as Record<string, unknown>).filter((value): value is SQLiteTable => is(value, SQLiteTable));
    expect(tables.length).toBeGreaterThan(20);
    const computed = tables.flatMap((table) => Object.values(getTableColumns(table)).filter((column) => column.defaultFn || column.onUpdateFn).map((column) => column.name));
    expect(computed).toEqual([]);
  });
});

import { SQL, fillPlaceholders, getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Reader } from './client.js';

/** What drizzle's `.prepare()` hands back (libSQL's and D1's alike), as far as used here. */
interface Prepared<R> {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(result: unknown, isFromBatch?: boolean): unknown;
  all(values?: Record<string, unknown>): Promise<R>;
  run(values?: Record<string, unknown>): Promise<unknown>;
}

/** What `Database.read` and `Database.batch` run: drizzle's queries, and shaped ones. */
export type Query = BatchItem<'sqlite'> | ShapedQuery<unknown>;

/** Per drizzle handle (a new one after a reconnect, each transaction its own), per shape. */
const shapes = new WeakMap<object, Map<string, Prepared<unknown>>>();

/**
 * A query whose SQL was built once for its handle and shape, with its values filled in at use.
 * Await it to run it on its own, or pass it to `Database.read` / `Database.batch` like any drizzle
 * query: they ask it for `_prepare()`, the same internal call they make on drizzle's builders.
 */
export class ShapedQuery<R> implements PromiseLike<R> {
  constructor(
    private readonly prepared: Prepared<R>,
    private readonly values: Record<string, unknown>,
    /** How awaiting it runs it: `all` rows, or `run` for a write without `returning` (its result set). */
    private readonly method: 'all' | 'run' = 'all',
  ) {}

  _prepare(): { getQuery(): { sql: string; params: unknown[] }; mapResult(result: unknown, isFromBatch: boolean): unknown } {
    const { prepared, values } = this;
    const { sql, params } = prepared.getQuery();
    return { getQuery: () => ({ sql, params: fillPlaceholders(params, values) }), mapResult: (result, isFromBatch) => prepared.mapResult(result, isFromBatch) };
  }

  /** Its SQL and arguments, as drizzle's builders answer `toSQL()`. */
  toSQL(): { sql: string; params: unknown[] } {
    return this._prepare().getQuery();
  }

  then<A = R, B = never>(onfulfilled?: ((rows: R) => A | PromiseLike<A>) | null, onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return (this.prepared[this.method](this.values) as Promise<R>).then(onfulfilled, onrejected);
  }
}

/**
 * `build()` — a drizzle query with `sql.placeholder(name)` wherever a value changes from use to
 * use — turned into SQL once per `db` handle and `key`, then filled with `values` at each use.
 * Building a query's SQL (drizzle walking its expression tree) costs more than SQLite running a
 * small indexed SELECT: on a slots cache miss it was an eighth of the CPU, on a booking a fifth.
 *
 * `key` must name everything that changes the SQL (an optional condition present or not), and
 * `values` must hold exactly the placeholders' values as the driver takes them: a placeholder in
 * a condition skips the column's own encoding, so compare that way only columns stored as given
 * (text, integer), never JSON or timestamp-mode ones (`shapedInsert` encodes what it inserts).
 */
export function shaped<R>(db: object, key: string, build: () => { prepare(): Prepared<R> }, values: Record<string, unknown>, method: 'all' | 'run' = 'all'): ShapedQuery<R> {
  let byKey = shapes.get(db);
  if (!byKey) shapes.set(db, (byKey = new Map()));
  let prepared = byKey.get(key) as Prepared<R> | undefined;
  if (!prepared) byKey.set(key, (prepared = build().prepare() as Prepared<R>));
  return new ShapedQuery(prepared, values, method);
}

/**
 * `db.insert(table).values(row)` (no `returning`) as a shaped query, the same statement with the
 * same arguments as drizzle's own: one shape per table, set of columns given and which of them
 * are null (null goes into the SQL as drizzle writes it; every other value is encoded by its
 * column when filled in — JSON, booleans… — as drizzle does for a value it is given). A row
 * holding an SQL expression is inserted the ordinary way. The schema has no `$defaultFn` (a
 * shape would freeze its value): `shaped.test.ts` fails if one appears.
 */
export function shapedInsert<T extends SQLiteTable>(
  db: Reader,
  table: T,
  row: SQLiteInsertValue<T>,
  /** `ON CONFLICT DO NOTHING` (on any constraint), as drizzle's `.onConflictDoNothing()` writes it. */
  options: { onConflictDoNothing?: boolean } = {},
): ShapedQuery<unknown> | ReturnType<ReturnType<Reader['insert']>['values']> {
  const columns = getTableColumns(table);
  const given = row as Record<string, unknown>;
  let key = `insert ${getTableName(table)}`;
  const shape: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const name in given) {
    const value = given[name];
    if (value === undefined || !columns[name]) continue;
    if (is(value, SQL)) return options.onConflictDoNothing ? db.insert(table).values(row).onConflictDoNothing() : db.insert(table).values(row);
    if (value === null) {
      key += ` ${name}=null`;
      shape[name] = null;
    } else {
      key += ` ${name}`;
      shape[name] = sql.placeholder(name);
      values[name] = value;
    }
  }
  if (!options.onConflictDoNothing) return shaped(db, key, () => db.insert(table).values(shape as SQLiteInsertValue<T>), values, 'run');
  return shaped(db, `${key} on conflict do nothing`, () => db.insert(table).values(shape as SQLiteInsertValue<T>).onConflictDoNothing(), values, 'run');
}

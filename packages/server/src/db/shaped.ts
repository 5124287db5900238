import { fillPlaceholders } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';

/** What drizzle's `.prepare()` hands back (libSQL's and D1's alike), as far as used here. */
interface Prepared<R> {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(result: unknown, isFromBatch?: boolean): unknown;
  all(values?: Record<string, unknown>): Promise<R>;
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
  ) {}

  _prepare(): { getQuery(): { sql: string; params: unknown[] }; mapResult(result: unknown, isFromBatch: boolean): unknown } {
    const { prepared, values } = this;
    const { sql, params } = prepared.getQuery();
    return { getQuery: () => ({ sql, params: fillPlaceholders(params, values) }), mapResult: (result, isFromBatch) => prepared.mapResult(result, isFromBatch) };
  }

  then<A = R, B = never>(onfulfilled?: ((rows: R) => A | PromiseLike<A>) | null, onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.prepared.all(this.values).then(onfulfilled, onrejected);
  }

}

/**
 * `build()` — a drizzle query with `sql.placeholder(name)` wherever a value changes from use to
 * use — turned into SQL once per `db` handle and `key`, then filled with `values` at each use.
 * Building a query's SQL (drizzle walking its expression tree) costs more than SQLite running a
 * small indexed SELECT: on a slots cache miss it was an eighth of the CPU, on a booking a fifth.
 *
 * `key` must name everything that changes the SQL (an optional condition present or not), and
 * `values` must hold exactly the placeholders' values as the driver takes them: a placeholder's
 * value skips the column's own encoding, so use it only for columns stored as given (text,
 * integer), never for JSON or timestamp-mode columns.
 */
export function shaped<R>(db: object, key: string, build: () => { prepare(): Prepared<R> }, values: Record<string, unknown>): ShapedQuery<R> {
  let byKey = shapes.get(db);
  if (!byKey) shapes.set(db, (byKey = new Map()));
  let prepared = byKey.get(key) as Prepared<R> | undefined;
  if (!prepared) byKey.set(key, (prepared = build().prepare() as Prepared<R>));
  return new ShapedQuery(prepared, values);
}

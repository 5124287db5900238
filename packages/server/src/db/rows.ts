import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * The whole row `values` make once inserted into `table`: every column they leave out at its
 * schema default (or null). Lets a change be checked — and carried by an outbox row — exactly as
 * it will be stored, before the batch that stores it goes out (no `.returning()` to wait for).
 * Only static defaults: a column whose default is computed in SQL or JS must be given.
 */
export function withDefaults<T extends Table>(table: T, values: Partial<T['$inferInsert']>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const given = (values as Record<string, unknown>)[key];
    row[key] = given !== undefined ? given : column.hasDefault ? column.default : null;
  }
  return row as T['$inferSelect'];
}

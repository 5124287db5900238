import type { OperatorSpecialistList } from '@slotwise/sdk/contract';
import { and, desc, eq, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { accounts, specialists } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { operatorView, toOperatorSpecialist } from './suspension.js';
import { t } from '../messages/index.js';

/** `%` and `_` typed in a search are letters, not wildcards. */
const contains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Every specialist for the operator, newest first, a page at a time (`starting_after` the last id
 * of the previous page), optionally only those whose handle, name or login email contains `q`
 * (case-insensitive). Each with their standing, verification and bookings (a count and the latest
 * session, both read from the bookings index).
 */
export async function listSpecialists(
  deps: ServiceDeps,
  query: { limit: number; starting_after?: string | undefined; q?: string | undefined },
): Promise<OperatorSpecialistList> {
  const db = deps.database.db;
  const conditions: SQL[] = [];
  if (query.starting_after) {
    const [cursor] = await db.select({ id: specialists.id, createdAt: specialists.createdAt }).from(specialists).where(eq(specialists.id, query.starting_after));
    if (!cursor) {
      throw new ServiceError('invalid_request', t('invalid_request.cursor_specialist', { id: query.starting_after }), {
        errors: [{ field: 'query.starting_after', message: t('invalid_request.cursor_specialist_field') }],
      });
    }
    conditions.push(or(lt(specialists.createdAt, cursor.createdAt), and(eq(specialists.createdAt, cursor.createdAt), lt(specialists.id, cursor.id)))!);
  }
  if (query.q) {
    const pattern = contains(query.q);
    const match = (column: SQL) => sql`${like(column, pattern)} escape '\\'`;
    conditions.push(or(match(sql`lower(${specialists.handle})`), match(sql`lower(${specialists.name})`), match(sql`coalesce(${accounts.email}, '')`))!);
  }
  const rows = await operatorView(db)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(specialists.createdAt), desc(specialists.id))
    .limit(query.limit + 1);
  return { data: rows.slice(0, query.limit).map(toOperatorSpecialist), hasMore: rows.length > query.limit };
}

import type { DirectoryEntry, DirectoryPage, DirectorySort, DirectoryQuery } from '@slotwise/sdk/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { DAY_MS } from '../../domain/civil.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';
import { ratingFrom } from '../reviews/list.js';
import { matchExpression } from './match.js';
import { NEXT_OPEN_FRESH_MS, refreshNextOpen, type NextOpen, type NextOpenSubject } from './next-open.js';

type Query = z.output<typeof DirectoryQuery>;

/** How deep the pages go: past this many results a visitor narrows the search instead. */
export const MAX_DIRECTORY_OFFSET = 1000;
/** Stale next open times one request computes before filtering or sorting on them (bounded work; the scheduler does the rest). */
export const REFRESH_PER_REQUEST = 5;
/** Stale next open times one scheduler tick computes. */
export const REFRESH_PER_TICK = 100;

/**
 * Who is listed: active, not opted out, offering at least one active service (a price exists),
 * and with no unverified login — an unverified specialist takes no money, and the directory lists
 * only those whose address is known to reach them (the same rule as `paidBookingsOpen`, so every
 * listed specialist's priced services are bookable too).
 */
const LISTED = sql`s.status = 'active' and s.directory_listed = 1 and e.price_from is not null
  and not exists (select 1 from accounts a where a.specialist_id = s.id and a.role = 'specialist' and a.email_verified_at is null)`;

/** A next open time that cannot be trusted as stored: computed at another version, too long ago, or already past. */
const stale = (now: number) =>
  sql`(e.next_open_version <> s.availability_version or e.next_open_checked_at is null or e.next_open_checked_at < ${now - NEXT_OPEN_FRESH_MS} or e.next_open_at <= ${now})`;

const RATING_ORDER = sql`(e.rating_count = 0), (e.rating_sum * 1.0 / nullif(e.rating_count, 0)) desc, e.rating_count desc, e.id`;
const BM25 = sql`bm25(specialist_search, 10.0, 5.0, 1.0, 3.0, 3.0)`;

function orderBy(sort: DirectorySort, searching: boolean): SQL {
  switch (sort) {
    case 'rating':
      return RATING_ORDER;
    case 'price':
      return sql`e.price_currency, e.price_from, e.id`;
    case 'next_open':
      return sql`(e.next_open_at is null), e.next_open_at, e.id`;
    case 'relevance':
      return searching ? sql`${BM25}, e.id` : RATING_ORDER;
  }
}

const encodeCursor = (offset: number) => btoa(`d1.${offset}`).replace(/=+$/, '');

/** The offset a cursor stands for; a cursor this server did not give is refused. */
function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  let text = '';
  try {
    text = atob(cursor);
  } catch {
    // refused below
  }
  const match = /^d1\.(\d{1,4})$/.exec(text);
  const offset = match ? Number(match[1]) : Number.NaN;
  if (!(offset > 0 && offset <= MAX_DIRECTORY_OFFSET)) {
    throw new ServiceError('invalid_request', t('invalid_request.field', { field: 'query.cursor', message: t('invalid_request.review_cursor') }), {
      errors: [{ field: 'query.cursor', message: t('invalid_request.review_cursor') }],
    });
  }
  return offset;
}

interface Row {
  id: string;
  handle: string;
  name: string;
  headline: string;
  photo_url: string | null;
  time_zone: string;
  categories: string;
  languages: string;
  version: number;
  rating_count: number;
  rating_sum: number;
  price_from: number;
  price_currency: string;
  next_open_at: number | null;
  next_open_service: string | null;
  next_open_version: number;
  next_open_checked_at: number | null;
}

const subjectOf = (row: Pick<Row, 'id' | 'handle' | 'time_zone' | 'version'>): NextOpenSubject => ({
  specialistId: row.id,
  handle: row.handle,
  timeZone: row.time_zone,
  version: row.version,
});

/**
 * Listed specialists whose next open time is stale, up to `limit`: never computed first. The
 * scheduler's tick calls this with `REFRESH_PER_TICK`; a request that filters or sorts on the
 * time with `REFRESH_PER_REQUEST`.
 */
export async function refreshStaleNextOpen(deps: ServiceDeps, limit: number): Promise<number> {
  const now = deps.clock();
  const rows = await deps.database.db.all<Pick<Row, 'id' | 'handle' | 'time_zone' | 'version'>>(sql`
    select s.id, s.handle, s.time_zone, s.availability_version as version
    from directory_entries e join specialists s on s.id = e.specialist_id
    where ${LISTED} and ${stale(now)}
    order by e.next_open_checked_at is not null, e.next_open_checked_at
    limit ${limit}`);
  await refreshNextOpen(deps, rows.map(subjectOf));
  return rows.length;
}

/**
 * One page of the public directory. Text, category, language and price are filtered in SQL (the
 * full-text index, the JSON lists, the cached cheapest price); "open within N days" and the
 * `next_open` order use the stored next open time — a few stale ones refreshed first — and every
 * row of the page is then checked with the slot engine: the time shown is what the slots
 * endpoint offers now, and a row whose check finds no open time in the window is left out (so a
 * page may hold fewer than `limit`). Public fields only.
 */
export async function searchDirectory(deps: ServiceDeps, query: Query): Promise<DirectoryPage> {
  const now = deps.clock();
  const offset = decodeCursor(query.cursor);
  const match = query.q ? matchExpression(query.q) : undefined;
  const sort = query.sort ?? 'relevance';
  const within = query.available_within_days;
  if (within !== undefined || sort === 'next_open') await refreshStaleNextOpen(deps, REFRESH_PER_REQUEST);

  const until = within === undefined ? undefined : now + within * DAY_MS;
  const conditions: SQL[] = [LISTED];
  if (match) conditions.push(sql`specialist_search match ${match}`);
  if (query.category) conditions.push(sql`exists (select 1 from json_each(s.categories) where value = ${query.category})`);
  if (query.language) conditions.push(sql`exists (select 1 from json_each(s.languages) where value = ${query.language})`);
  if (query.currency) conditions.push(sql`e.price_currency = ${query.currency}`);
  if (query.price_max !== undefined) conditions.push(sql`e.price_from <= ${query.price_max}`);
  if (until !== undefined) conditions.push(sql`e.next_open_at > ${now} and e.next_open_at < ${until}`);
  const from = match
    ? sql`specialist_search f join directory_entries e on e.id = f.rowid join specialists s on s.id = e.specialist_id`
    : sql`directory_entries e join specialists s on s.id = e.specialist_id`;
  const rows = await deps.database.db.all<Row>(sql`
    select s.id, s.handle, s.name, s.headline, s.photo_url, s.time_zone, s.categories, s.languages, s.availability_version as version,
      e.rating_count, e.rating_sum, e.price_from, e.price_currency, e.next_open_at, e.next_open_service, e.next_open_version, e.next_open_checked_at
    from ${from}
    where ${sql.join(conditions, sql` and `)}
    order by ${orderBy(sort, match !== undefined)}
    limit ${query.limit + 1} offset ${offset}`);
  const page = rows.slice(0, query.limit);
  const byId = new Map(page.map((row) => [row.id, row]));
  // What is stored stands when it was computed at this version and recently: then nothing is written.
  const checked = await refreshNextOpen(deps, page.map(subjectOf), ({ specialistId }) => {
    const row = byId.get(specialistId)!;
    if (row.next_open_version !== row.version || row.next_open_checked_at === null || row.next_open_checked_at < now - NEXT_OPEN_FRESH_MS / 2) return undefined;
    return row.next_open_at === null ? null : { at: row.next_open_at, service: row.next_open_service! };
  });
  const shown = page.filter((row) => {
    const open = checked.get(row.id);
    return until === undefined || (open != null && open.at < until);
  });
  const next = offset + query.limit;
  return { data: shown.map((row) => toEntry(row, checked.get(row.id) ?? null)), nextCursor: rows.length > query.limit && next <= MAX_DIRECTORY_OFFSET ? encodeCursor(next) : null };
}

function toEntry(row: Row, open: NextOpen | null): DirectoryEntry {
  return {
    handle: row.handle,
    name: row.name,
    headline: row.headline,
    photoUrl: row.photo_url,
    timeZone: row.time_zone,
    categories: JSON.parse(row.categories) as string[],
    languages: JSON.parse(row.languages) as string[],
    rating: ratingFrom(row.rating_count, row.rating_sum),
    priceFrom: { amount: row.price_from, currency: row.price_currency },
    nextOpen: open && { start: new Date(open.at).toISOString(), service: open.service },
  };
}

import { MAX_DATE, MAX_SLOT_WINDOW_DAYS } from '@slotwise/sdk/contract';
import type { ServiceDeps } from '../deps.js';
import type { Drizzle, Tx } from '../../db/client.js';
import { services, specialists, type ServiceRow, type SpecialistRow } from '../../db/schema.js';
import { and, eq, sql } from 'drizzle-orm';
import { DAY_MS, formatEpochDay, parseEpochDay } from '../../domain/civil.js';
import { computeSlots, type Busy, type SlotResult } from '../../domain/slots.js';
import { startOfDate } from '../../domain/zone.js';
import { ServiceError } from '../errors.js';
import { answerBytes, slotList, type SlotList } from './slots-json.js';
import { blocksOf, blockWindow, bodyOfList, daysIn, flatSlots, listOfBody } from './slot-blocks.js';
import { chooseDuration, findActiveService, findSpecialist } from '../catalog/catalog.js';
import { standingOf, type Standing } from '../catalog/standing.js';
import { availabilityOf, bookedTime, countedBookings, feedUrls, serviceRules } from './rules.js';
import { t } from '../messages/index.js';
import { remember, share } from '../bookings/warm.js';
import { answerFiled, carriedAnswer, carriedContext } from './carry.js';
import type { Availability } from '../../domain/availability.js';

export interface SlotsRequest {
  service: string;
  duration?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  timezone?: string | undefined;
}

export interface OutsideBusy {
  busy: Busy[];
  /** Content versions of the feeds, for cache keys. */
  versions: string[];
}

/**
 * Busy times from the specialist's outside calendars around a window. Fetching is I/O, so this
 * runs before any transaction; a feed that is down gives its last good copy (or nothing) rather
 * than failing the booking page.
 */
export async function outsideBusy(deps: ServiceDeps, db: Drizzle | Tx, specialist: SpecialistRow, from: number, to: number): Promise<OutsideBusy> {
  return outsideBusyOf(deps, await feedUrls(db, specialist.id), specialist, from, to);
}

/** `outsideBusy` for feed URLs already read (in a snapshot's read batch). */
export async function outsideBusyOf(deps: ServiceDeps, urls: readonly string[], specialist: SpecialistRow, from: number, to: number): Promise<OutsideBusy> {
  if (urls.length === 0) return { busy: [], versions: [] };
  const window = { from: from - DAY_MS, to: to + DAY_MS };
  const results = await Promise.all(urls.map((url) => deps.calendarFeeds.busy(url, window, specialist.timeZone)));
  return { busy: results.flatMap((r) => r.busy), versions: results.map((r) => r.version) };
}

/**
 * Open slots of `service` for starts in `[from, to)`, from the database as it is in `db`.
 * `outside === undefined` asks for the rules alone — hours, step, notice, window — ignoring
 * every booking, cap and outside event: "could this ever be a slot?".
 */
export async function slotsFromDb(
  db: Drizzle | Tx,
  specialist: SpecialistRow,
  service: ServiceRow,
  minutes: number,
  window: { from: number; to: number; displayTimeZone: string },
  outside: Busy[] | undefined,
  now: number,
  /** A booking being moved: its own time does not block its new one. */
  excludeId?: string,
  /** The specialist's availability rules when already read (they depend on the rules version only). */
  known?: Promise<Availability>,
): Promise<SlotResult & { availability: Availability }> {
  const rulesOnly = outside === undefined;
  const [availability, booked, counted] = await Promise.all([
    known ?? availabilityOf(db, specialist),
    rulesOnly ? [] : bookedTime(db, specialist.id, window.from, window.to, now, excludeId),
    rulesOnly ? [] : countedBookings(db, service, window.from, window.to, now, excludeId),
  ]);
  const result = computeSlots({
    availability,
    service: serviceRules(service, minutes),
    busy: rulesOnly ? [] : [...booked, ...outside],
    counted,
    now,
    ...window,
  });
  return { ...result, availability };
}

/**
 * Validates the requested dates (defaults: today in `timeZone`, then 30 more days, never past the
 * contract's last date, which also bounds both dates) as epoch days.
 */
function resolveDays(query: SlotsRequest, today: () => string) {
  const fromDay = parseEpochDay(query.from ?? today());
  const toDay = query.to ? parseEpochDay(query.to) : Math.min(fromDay + 30, parseEpochDay(MAX_DATE));
  if (toDay < fromDay) {
    throw new ServiceError('invalid_range', t('invalid_range.order', { to: String(query.to), from: formatEpochDay(fromDay) }), {
      errors: [{ field: 'query.to', message: t('invalid_range.order_field') }],
    });
  }
  if (toDay - fromDay + 1 > MAX_SLOT_WINDOW_DAYS) {
    throw new ServiceError('invalid_range', t('invalid_range.too_long', { max: MAX_SLOT_WINDOW_DAYS, days: toDay - fromDay + 1 }), {
      errors: [{ field: 'query.to', message: t('invalid_range.too_long_field', { days: MAX_SLOT_WINDOW_DAYS - 1 }) }],
    });
  }
  return { from: formatEpochDay(fromDay), to: formatEpochDay(toDay), after: formatEpochDay(toDay + 1) };
}

/** What one availability version of a specialist needs for the slots endpoint. */
interface VersionContext {
  specialist: SpecialistRow;
  services: Map<string, ServiceRow>;
  feeds: string[];
  /** Whether they take bookings at all, and paid ones (`catalog/standing.ts`); both move the version when they change. */
  standing: Standing;
  /**
   * Their hours, overrides and recurring rules, read at the first cache miss of this context and
   * kept with it: a context lives for one availability version, or is carried across booking
   * writes only, and neither changes these rows. Each later miss reads only the bookings.
   */
  availability?: Promise<Availability>;
}

// One prepared statement per connection: the only query a cached answer costs.
const heads = new WeakMap<Drizzle, ReturnType<typeof prepareHead>>();
const prepareHead = (db: Drizzle) =>
  db
    .select({ id: specialists.id, version: specialists.availabilityVersion })
    .from(specialists)
    .where(eq(specialists.handle, sql.placeholder('handle')))
    .prepare();

/**
 * The specialist's id and availability version. With a change counter, the answer read at one
 * counter value is reused until the counter moves (any commit anywhere): the counter is read
 * before the query, so a write racing the query only causes one more query.
 */
async function versionOf(deps: ServiceDeps, handle: string): Promise<{ id: string; version: number }> {
  const { database } = deps;
  const counter = database.changeCounter?.();
  const seen = counter === undefined ? undefined : deps.slotCache.head(handle, counter);
  if (seen) return seen;
  let head = heads.get(database.db);
  if (!head) heads.set(database.db, (head = prepareHead(database.db)));
  const [row] = await head.all({ handle });
  if (!row) throw new ServiceError('specialist_not_found', t('specialist_not_found.handle', { handle }));
  if (counter !== undefined) deps.slotCache.rememberHead(handle, counter, row);
  return row;
}

/**
 * What a slots answer is filed under: everything it depends on, the specialist's id and
 * availability version first (every slot-changing write moves the version, so a write makes the
 * next answer a new key in every cache tier).
 */
export function slotAnswerKey(
  head: { id: string; version: number },
  ask: { service: string; minutes: number; from: string; to: string; timeZone: string; feeds: string[] },
): string {
  return [head.id, head.version, ask.service, ask.minutes, ask.from, ask.to, ask.timeZone, ...ask.feeds].join('|');
}

const urlKey = (head: { id: string; version: number }, url: string) => `url|${head.id}|${head.version}|${url}`;

/**
 * A repeat of a request already answered — the same URL, with an explicit `from` (so "today"
 * does not matter) — while nothing was committed since its version was read: the answer, with no
 * parsing and no query. Anything else (undefined) goes the full way.
 */
export function repeatedSlots(deps: ServiceDeps, handle: string, url: string): Uint8Array<ArrayBuffer> | undefined {
  const now = deps.clock();
  const counter = deps.database.changeCounter?.();
  if (counter === undefined || !url.includes('from=')) return undefined;
  const head = deps.slotCache.head(handle, counter);
  return head ? deps.slotCache.get(urlKey(head, url), now) : undefined;
}

/** An answer another isolate filed in the shared tier, kept in this one's memory too. */
async function fromShared(deps: ServiceDeps, key: string, now: number) {
  const found = await deps.slotCache.shared?.get(key, now);
  if (found) deps.slotCache.set(key, found.body, found.validUntil);
  return found;
}

/**
 * The public slots answer, serialised. A repeat costs one indexed read (the specialist's
 * availability version, which every slot-changing write bumps in its own transaction) and a
 * cache lookup; everything else is derived from that version.
 */
export async function listSlots(deps: ServiceDeps, handle: string, query: SlotsRequest, url?: string): Promise<Uint8Array<ArrayBuffer>> {
  const now = deps.clock();
  const db = deps.database.db;
  const head = await versionOf(deps, handle);
  const load = async (): Promise<VersionContext> => {
    const specialist = await findSpecialist(db, handle);
    const rows = await db.select().from(services).where(and(eq(services.specialistId, specialist.id), eq(services.active, true)));
    return { specialist, services: new Map(rows.map((r) => [r.id, r])), feeds: await feedUrls(db, specialist.id), standing: await standingOf(db, specialist) };
  };
  // After booking writes alone, the context of the version before serves (`carry.ts`).
  const ctx = await deps.slotCache.context<VersionContext>(`${head.id}|${head.version}`, () =>
    carriedContext(deps.slotCache, db, head, load, (c) => ({ ...c, specialist: { ...c.specialist, availabilityVersion: head.version } })),
  );
  const service = ctx.services.get(query.service) ?? (await findActiveService(db, ctx.specialist, query.service, 'query'));
  const { minutes, price } = chooseDuration(service, query.duration, 'query');
  const timeZone = query.timezone ?? ctx.specialist.timeZone;
  const days = resolveDays(query, () => deps.slotCache.today(timeZone, now));
  const instants = () => ({ from: startOfDate(timeZone, days.from), to: startOfDate(timeZone, days.after) });
  const window = ctx.feeds.length > 0 ? instants() : undefined;
  const outside = window ? await outsideBusy(deps, db, ctx.specialist, window.from, window.to) : { busy: [], versions: [] };
  const ask = { service: service.id, minutes, from: days.from, to: days.to, timeZone, feeds: outside.versions };
  const key = slotAnswerKey(head, ask);
  const kept = deps.slotCache.entry(key, now);
  if (kept !== undefined) {
    if (url) deps.slotCache.set(urlKey(head, url), kept.body, kept.validUntil);
    return kept.body;
  }
  // The same question at any version (versions are never negative): what `carry.ts` tracks.
  const question = slotAnswerKey({ id: head.id, version: -1 }, ask);
  const found =
    (await fromShared(deps, key, now)) ??
    (await carriedAnswer(deps.slotCache, db, head, { key, question, window: window ? () => window : instants, keyAt: (version) => slotAnswerKey({ id: head.id, version }, ask) }, now));
  if (found !== undefined) {
    answerFiled(deps.slotCache, question, head.version);
    if (url) deps.slotCache.set(urlKey(head, url), found.body, found.validUntil);
    return found.body;
  }

  const { from, to } = window ?? instants();
  // No slot is offered that could not be booked: none while they take no bookings, none of a priced service while they take no money.
  const closed = !ctx.standing.acceptingBookings || (price > 0 && !ctx.standing.acceptingPaidBookings);
  let validUntil = Number.POSITIVE_INFINITY;
  const lists: SlotList[] = [];
  if (!closed) {
    for (const block of blocksOf(from, to)) {
      const found = await blockOf(deps, head, ctx, service, minutes, block, outside.versions, now);
      lists.push(found.list);
      validUntil = Math.min(validUntil, found.validUntil);
    }
  }
  const bytes = answerBytes({ service: service.id, duration: minutes, timeZone, from: days.from, to: days.to }, daysIn(lists, from, to, timeZone));
  deps.slotCache.set(key, bytes, validUntil);
  answerFiled(deps.slotCache, question, head.version);
  if (url) deps.slotCache.set(urlKey(head, url), bytes, validUntil);
  await deps.slotCache.shared?.set(key, bytes, validUntil, now);
  return bytes;
}

/**
 * The open slots of one block (`slot-blocks.ts`) at the specialist's current version and the
 * outside calendars' `versions`: kept, or carried from an older version when no booking since
 * came near it (`carry.ts`), or computed from the database and kept. Only a computation expands
 * the calendars over the block.
 */
async function blockOf(
  deps: ServiceDeps,
  head: { id: string; version: number },
  ctx: VersionContext,
  service: ServiceRow,
  minutes: number,
  block: number,
  versions: readonly string[],
  now: number,
): Promise<{ list: SlotList; validUntil: number }> {
  const db = deps.database.db;
  const window = blockWindow(block);
  const keyAt = (feeds: readonly string[]) => (version: number) => ['block', head.id, version, service.id, minutes, block, ...feeds].join('|');
  const asked = keyAt(versions);
  const kept = deps.slotCache.entry(asked(head.version), now) ?? (await carriedAnswer(deps.slotCache, db, head, { key: asked(head.version), question: asked(-1), window: () => window, keyAt: asked }, now));
  const list = kept && listOfBody(kept.body);
  if (kept && list) {
    answerFiled(deps.slotCache, asked(-1), head.version);
    return { list, validUntil: kept.validUntil };
  }
  // Filed under the versions of the calendars it was computed from (a feed fetched since the
  // answer's own read gives newer ones; its busy times are then the newer ones too).
  const outside = ctx.feeds.length > 0 ? await outsideBusy(deps, db, ctx.specialist, window.from, window.to) : { busy: [], versions: [] };
  const filed = keyAt(outside.versions);
  const rules = (ctx.availability ??= availabilityOf(db, ctx.specialist).catch((error: unknown) => {
    ctx.availability = undefined;
    throw error;
  }));
  const result = await slotsFromDb(db, ctx.specialist, service, minutes, { ...window, displayTimeZone: ctx.specialist.timeZone }, outside.busy, now, undefined, rules);
  // The rules just read serve this process's next booking of the service without a read
  // (`bookings/warm.ts`): the specialist's row, and with it the rules version, was read before
  // them, so a booking guarded on that version is checked against exactly these rules.
  // At the edge they are filed in the shared tier too, for the booking another isolate takes.
  const warm = { rulesVersion: ctx.specialist.rulesVersion, specialist: ctx.specialist, service, feeds: ctx.feeds, availability: result.availability };
  remember(deps.database, warm);
  await share(deps.slotCache.shared, warm, now);
  const computed = slotList(flatSlots(result.days));
  deps.slotCache.set(filed(head.version), bodyOfList(computed), result.validUntil);
  answerFiled(deps.slotCache, filed(-1), head.version);
  return { list: computed, validUntil: result.validUntil };
}

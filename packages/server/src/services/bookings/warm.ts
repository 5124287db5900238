import { and, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { bookings, specialists, type ServiceRow, type SpecialistRow } from '../../db/schema.js';
import type { Availability } from '../../domain/availability.js';
import { formatEpochDay, isoWeekday, parseEpochDay } from '../../domain/civil.js';
import { dateAt, startOfDate } from '../../domain/zone.js';
import { inForce } from './seats.js';
import type { SharedSlotAnswers } from '../availability/slot-cache.js';
import { migrations } from '../../db/migrations.js';

/**
 * A booking's first try without a read: "one round trip per booking" on a remote database.
 *
 * A booking checks two kinds of facts. The **rules** — the specialist's row, the service, the
 * hours, overrides, recurrences and feeds — change seldom, and every write to them moves
 * `specialists.rules_version` (triggers, migration 0009). The **other bookings** change with every
 * booking. So a process keeps, per specialist and service, the rules it last read with their
 * rules version (`remember`, after every snapshot read); a later booking checks its time against
 * them in JavaScript and writes ONE batch guarded by what the database can check itself at commit:
 * the rules version unchanged (`rulesStill`) and no active booking overlapping the new one,
 * buffers included (`roomStill` in `seats.ts`, the same rule as `domain/occupancy.ts`'s `hasRoom`:
 * for a seat of a group session, fewer than capacity seats of it and nothing else overlapping). Bookings of other times therefore never refuse each other, where a guard on the
 * availability version (which every booking moves) would.
 *
 * Only a free booking takes this path (money and credits read and call out anyway). A service's
 * day and week caps are guards too (`capsStill`): the database counts the service's bookings in
 * force in the start's day and week, in the specialist's zone, at commit. Anything the remembered rules refuse, or
 * a refused guard, falls back to the snapshot path, which alone answers a refusal — remembered
 * rules may be stale, so they may allow a try but never refuse one.
 */
export interface Warm {
  rulesVersion: number;
  specialist: SpecialistRow;
  service: ServiceRow;
  feeds: readonly string[];
  availability: Availability;
}

/** Specialist-and-service pairs remembered per database handle (per process or isolate), least recently used out first. */
export const WARM_MAX_ENTRIES = 1000;

const memos = new WeakMap<Database, Map<string, Warm>>();
const keyOf = (handle: string, serviceId: string) => `${handle}\n${serviceId}`;

/** The rules last read for `handle`'s `serviceId` on this handle, if any. */
export function recall(database: Database, handle: string, serviceId: string): Warm | undefined {
  const memo = memos.get(database);
  const key = keyOf(handle, serviceId);
  const warm = memo?.get(key);
  if (warm) {
    memo!.delete(key); // most recently used last
    memo!.set(key, warm);
  }
  return warm;
}

/** Keeps what a snapshot read, unless something read later (a higher rules version) is kept already. */
export function remember(database: Database, warm: Warm): void {
  let memo = memos.get(database);
  if (!memo) memos.set(database, (memo = new Map()));
  const key = keyOf(warm.specialist.handle, warm.service.id);
  const kept = memo.get(key);
  if (kept && kept.specialist.id === warm.specialist.id && kept.rulesVersion > warm.rulesVersion) return;
  memo.delete(key);
  memo.set(key, warm);
  while (memo.size > WARM_MAX_ENTRIES) memo.delete(memo.keys().next().value!);
}

/**
 * The shared tier (`SlotCache.shared`: the Cache API at the edge, none on Node): rules one isolate
 * read serve the first booking of every other isolate of its location, which then needs no read
 * either. An entry may be stale — the rules version guard refuses a write checked against it and
 * the snapshot way files fresh rules — so it is never purged, only replaced or aged out.
 */
export const SHARED_RULES_MS = 60 * 60 * 1000;
/** Entries are filed per shape: this code's `Warm` over this schema (its migrations). */
const sharedKey = (handle: string, serviceId: string) => `rules\nv1.${migrations.length}\n${handle}\n${serviceId}`;
const encoder = new TextEncoder();

/** Files `warm` in the shared tier, if there is one. */
export async function share(shared: SharedSlotAnswers | undefined, warm: Warm, now: number): Promise<void> {
  if (!shared) return;
  await shared.set(sharedKey(warm.specialist.handle, warm.service.id), encoder.encode(JSON.stringify(warm)), now + SHARED_RULES_MS, now);
}

/** `recall`, else what another isolate filed in the shared tier (then remembered here too). */
export async function recallShared(database: Database, shared: SharedSlotAnswers | undefined, handle: string, serviceId: string, now: number): Promise<Warm | undefined> {
  const here = recall(database, handle, serviceId);
  if (here || !shared) return here;
  const found = await shared.get(sharedKey(handle, serviceId), now).catch(() => undefined);
  if (!found) return undefined;
  const warm = JSON.parse(new TextDecoder().decode(found.body)) as Warm;
  remember(database, warm);
  return warm;
}

/** Drops what was remembered for `handle`'s `serviceId` (its guard refused: something changed). */
export function forget(database: Database, handle: string, serviceId: string): void {
  memos.get(database)?.delete(keyOf(handle, serviceId));
}

/** The guard condition: nothing that moves the rules version was written since `version` was read. */
export const rulesStill = (specialistId: string, version: number): SQL =>
  sql`(select ${specialists.rulesVersion} from ${specialists} where ${specialists.id} = ${specialistId}) = ${version}`;

/**
 * The guard condition for a service's caps: fewer than `maxPerDay` of its bookings in force at
 * `now` start on the new booking's day, and fewer than `maxPerWeek` in its ISO week (Monday to
 * Sunday), both in `timeZone` — the specialist's, as `computeSlots` tallies them. `undefined` for
 * a service without caps. Each count is one range on the `(service_id, start_at)` index.
 */
export function capsStill(service: Pick<ServiceRow, 'id' | 'maxPerDay' | 'maxPerWeek'>, start: number, timeZone: string, now: number): SQL | undefined {
  if (service.maxPerDay === null && service.maxPerWeek === null) return undefined;
  const day = parseEpochDay(dateAt(timeZone, start));
  const monday = day - isoWeekday(day) + 1;
  const dayStart = (epochDay: number) => startOfDate(timeZone, formatEpochDay(epochDay));
  const fewer = (from: number, to: number, cap: number) =>
    sql`(select count(*) from ${bookings} where ${and(
      eq(bookings.serviceId, service.id),
      inForce(now),
      gt(bookings.startAt, from - 1),
      lt(bookings.startAt, to),
    )}) < ${cap}`;
  const conditions = [
    service.maxPerDay === null ? undefined : fewer(dayStart(day), dayStart(day + 1), service.maxPerDay),
    service.maxPerWeek === null ? undefined : fewer(dayStart(monday), dayStart(monday + 7), service.maxPerWeek),
  ];
  return and(...conditions);
}

import { and, eq, gte, lt } from 'drizzle-orm';
import { bookings, deliveries, services, specialists, type SpecialistRow } from '../../db/schema.js';
import { DAY_MS, parseEpochDay } from '../../domain/civil.js';
import { dateAt, fromWallCompatible, zoneOffsets } from '../../domain/zone.js';
import { newDeliveryId } from '../delivery/dispatcher.js';
import type { ServiceDeps } from '../deps.js';
import { optedOut } from './opt-outs.js';
import { mailEnabled, specialistAddress } from './recipients.js';
import { writeOne } from '../../db/batch.js';

/** The agenda goes at 07:00 in the specialist's zone. */
export const AGENDA_HOUR = 7;
/** An agenda not sent by 12:00 (a server down all morning) is not sent at all. */
export const AGENDA_LATEST_MS = 5 * 3_600_000;

/** 07:00 on `date` in `zone`, as an instant (DST days included). */
export function agendaDueAt(zone: string, date: string): number {
  const midnight = parseEpochDay(date) * DAY_MS;
  return fromWallCompatible(zoneOffsets(zone, midnight - 2 * DAY_MS, midnight + 2 * DAY_MS), midnight + AGENDA_HOUR * 3_600_000);
}

const nextDate = (date: string) => new Date(parseEpochDay(date) * DAY_MS + DAY_MS).toISOString().slice(0, 10);

/**
 * Plans the daily agenda of every specialist who asked for it (`dailyAgenda`): one email per
 * specialist and local date, due at 07:00 their time — today's while it is still morning, and
 * tomorrow's ahead of time, so it goes on the minute. Keyed by specialist and date: the scheduler
 * runs this every tick, from any number of processes, and plans each agenda once. Whether the day
 * has sessions is decided when it is due (a day without any sends nothing).
 * @returns how many agendas it planned now.
 */
export async function planDailyAgendas(deps: ServiceDeps, now: number): Promise<number> {
  if (!mailEnabled(deps)) return 0;
  const subscribed = await deps.database.db.select().from(specialists).where(eq(specialists.dailyAgenda, true));
  let planned = 0;
  for (const specialist of subscribed) {
    const address = await specialistAddress(deps.database.db, specialist);
    if (!address || (await optedOut(deps.database.db, address, specialist.id, 'agenda'))) continue;
    const today = dateAt(specialist.timeZone, now);
    for (const date of [today, nextDate(today)]) {
      const dueAt = agendaDueAt(specialist.timeZone, date);
      if (now > dueAt + AGENDA_LATEST_MS) continue;
      const key = `email:agenda:${specialist.id}:${date}`;
      // A read first: after the first tick of the day every agenda exists, and a write per tick would be waste.
      const [exists] = await deps.database.db.select({ id: deliveries.id }).from(deliveries).where(eq(deliveries.idempotencyKey, key)).limit(1);
      if (exists) continue;
      const inserted = await writeOne(deps.database,
        deps.database.db
          .insert(deliveries)
          .values({ id: newDeliveryId(), outboxId: null, bookingId: null, specialistId: specialist.id, channel: 'email', kind: 'specialist.agenda', recipient: address, idempotencyKey: key, data: { date }, status: 'pending', dueAt, nextAttemptAt: dueAt, createdAt: now, updatedAt: now })
          .onConflictDoNothing({ target: deliveries.idempotencyKey })
          .returning({ id: deliveries.id }),
      );
      planned += inserted.length;
    }
  }
  return planned;
}

/** The confirmed sessions of the specialist on a local date, in order, with their service's name. */
export async function agendaOf(deps: ServiceDeps, specialist: SpecialistRow, date: string) {
  const from = agendaDueAt(specialist.timeZone, date) - AGENDA_HOUR * 3_600_000 - 3_600_000;
  const rows = await deps.database.db
    .select({ booking: bookings, serviceName: services.name })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(and(eq(bookings.specialistId, specialist.id), eq(bookings.status, 'confirmed'), gte(bookings.startAt, from), lt(bookings.startAt, from + DAY_MS + 2 * 3_600_000)))
    .orderBy(bookings.startAt);
  return rows.filter((r) => dateAt(specialist.timeZone, r.booking.startAt) === date);
}

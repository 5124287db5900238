import { eq } from 'drizzle-orm';
import { services, specialists } from '../../db/schema.js';
import { bookingForToken } from '../bookings/customer.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { customerEvent, organizerOf } from './booking-event.js';
import { calendarIcs } from './ics.js';
import { t } from '../messages/index.js';

/** A calendar file, ready to be served. */
export interface CalendarFile {
  filename: string;
  ics: string;
}

/**
 * A booking's calendar file for the holder of one of its manage tokens: the same event (UID,
 * SEQUENCE) as the invites emailed about it, so a calendar that imported it applies the later
 * updates. `METHOD:REQUEST` while it stands (confirmed, and after the session), `METHOD:CANCEL` once
 * cancelled or lapsed. A booking still awaiting payment has no event yet: it is refused, since
 * a calendar entry would claim a session that is not booked.
 */
export async function bookingCalendarFile(deps: ServiceDeps, id: string, token: string): Promise<CalendarFile> {
  const row = await bookingForToken(deps, id, token);
  if (row.status === 'held') {
    throw new ServiceError('invalid_transition', t('booking.not_confirmed'));
  }
  const db = deps.database.db;
  const [service] = await db.select().from(services).where(eq(services.id, row.serviceId)).limit(1);
  const [specialist] = await db.select().from(specialists).where(eq(specialists.id, row.specialistId)).limit(1);
  const organizer = await organizerOf(db, specialist!, deps.mailFrom);
  const event = customerEvent({ booking: row, service: service!, specialist: specialist!, organizer });
  const off = row.status === 'cancelled' || row.status === 'expired';
  return {
    filename: `slotwise-${row.id}.ics`,
    ics: await calendarIcs([event], { method: off ? 'CANCEL' : 'REQUEST', now: deps.clock() }),
  };
}

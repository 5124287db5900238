import { eq } from 'drizzle-orm';
import { deliveries, services, specialists, type DeliveryRow } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { notifySpecialist } from '../notifications/in-app.js';
import { joinWindowOf } from './join.js';
import { encodeMeetingRef, type MeetingSource } from './meeting-ref.js';
import { bookingOf, recordMeeting, requestFor } from './meeting-work.js';

const label: Record<MeetingSource, string> = { zoom: 'Zoom', jitsi: 'Jitsi Meet', link: 'Your meeting link' };

/** `23 Nov 2026, 10:00` in the specialist's zone. */
const when = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(ms);

/**
 * A meeting delivery was given up (its retries ran out, or the provider refused for good). The
 * session must still happen, so a create that failed with Zoom or a missing fixed link falls back
 * to a Jitsi Meet room — made locally, it cannot fail the same way — recorded like any meeting,
 * so the customer gets its link (the `meeting_ready` change, and `join` in the window). Either
 * way the specialist is told in the app what failed and what to do. Notices never carry the link.
 */
export async function meetingFailed(delivery: DeliveryRow, deps: ServiceDeps): Promise<void> {
  const row = delivery.bookingId ? await bookingOf(deps, delivery.bookingId) : undefined;
  if (!row) return;
  const [latest] = await deps.database.db.select({ lastError: deliveries.lastError }).from(deliveries).where(eq(deliveries.id, delivery.id));
  const [info] = await deps.database.db
    .select({ service: services.name, timeZone: specialists.timeZone })
    .from(services)
    .innerJoin(specialists, eq(specialists.id, services.specialistId))
    .where(eq(services.id, row.serviceId));
  const session = `${info!.service} with ${row.customerName} on ${when(row.startAt, info!.timeZone)}`;
  const why = latest?.lastError ? ` (${latest.lastError.replace(/\s+$/, '')})` : '';
  const source = (delivery.data as { source: MeetingSource }).source;
  const notice = (kind: string, title: string, body: string) => notifySpecialist(deps, row.specialistId, { kind, bookingId: row.id, title, body });

  if (delivery.kind === 'meeting.create') {
    if (row.status !== 'confirmed' || row.meetingUrl) return; // cancelled, over, or made meanwhile: nothing is missing
    if (source !== 'jitsi' && deps.clock() < joinWindowOf(row, deps.joinWindow).closesAt) {
      const room = await deps.meetings.jitsi.create(await requestFor(deps, row, { idempotencyKey: `${delivery.idempotencyKey}:fallback`, attempts: 1 })).catch((error: unknown) => {
        deps.logError(error);
        return undefined;
      });
      if (room && (await recordMeeting(deps, row, room.joinUrl, encodeMeetingRef('jitsi', room.ref), 'jitsi'))) {
        return notice(
          'meeting.failed',
          `${label[source]} failed: ${row.customerName} got a Jitsi room`,
          `${label[source]} could not make the meeting for ${session}${why}. So that the session can happen, ${row.customerName} gets a Jitsi Meet room instead; its link is on the booking.`,
        );
      }
    }
    return notice('meeting.failed', `No meeting link for ${row.customerName}`, `The meeting for ${session} could not be made${why}. Send ${row.customerName} a link yourself.`);
  }
  if (delivery.kind === 'meeting.update') {
    if (row.status !== 'confirmed') return; // cancelled meanwhile: its deletion follows
    return notice('meeting.failed', `Zoom still shows the old time`, `Zoom could not move the meeting for ${session}${why}. Its link still works; change its time in Zoom.`);
  }
  return notice('meeting.failed', `A Zoom meeting was not deleted`, `Zoom could not delete the meeting of the cancelled session ${session}${why}. Delete it in Zoom.`);
}

import { and, desc, eq, sql } from 'drizzle-orm';
import type { Reader } from '../../db/client.js';
import { bookings, deliveries, services, type DeliveryRow } from '../../db/schema.js';
import { DeliveryFailure, isBookingEvent, type BookingEvent, type DeliveryChannel, type DeliveryDraft, type PlanContext, type SendOutcome } from '../delivery/channel.js';
import { newDeliveryId } from '../delivery/dispatcher.js';
import { meetingFailed } from './failed.js';
import { decodeMeetingRef, encodeMeetingRef, keptByProvider, type MeetingSource } from './meeting-ref.js';
import { bookingWithHistory } from '../bookings/guarded-change.js';
import { asDeliveryFailure, matesOf, providerFor, recordMeeting, requestFor, requestOf, sessionInfo, type MeetingOp } from './meeting-work.js';

const FINISHED = ['sent', 'dead', 'skipped', 'cancelled'];

const draft = (event: BookingEvent, kind: MeetingOp, source: MeetingSource, waitsFor: string | undefined, replace = false): DeliveryDraft => ({
  id: newDeliveryId(),
  channel: 'meeting',
  kind,
  recipient: source,
  idempotencyKey: `${event.id}:meeting:${kind}`,
  data: replace ? { source, replace } : { source },
  ...(waitsFor ? { waitsFor } : {}),
});

/** `seat`'s session mates (`matesOf`) with their meetings. */
async function sessionMates(db: Reader, seat: Parameters<typeof matesOf>[0]) {
  return db.select({ id: bookings.id, meetingUrl: bookings.meetingUrl, meetingRef: bookings.meetingRef }).from(bookings).where(matesOf(seat));
}

/**
 * A session-mate's meeting create still under way — written, or planned earlier in this round —:
 * a seat's own create waits for it, then takes its link.
 */
async function mateUnderWay(tx: Reader, seat: Parameters<typeof sessionMates>[1], round: PlanContext['round'] = []): Promise<{ id: string } | undefined> {
  for (const mate of await sessionMates(tx, seat)) {
    const planned = [...round].reverse().find((r) => r.bookingId === mate.id && r.draft.channel === 'meeting');
    if (planned?.draft.kind === 'meeting.create') return planned.draft;
    const pending = await unfinished(tx, mate.id);
    if (pending?.kind === 'meeting.create') return pending;
  }
  return undefined;
}

/** This booking's latest meeting delivery, if it is not done yet: a new one waits for it, so operations reach the provider in order. */
async function unfinished(tx: Reader, bookingId: string): Promise<DeliveryRow | undefined> {
  const [last] = await tx
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.bookingId, bookingId), eq(deliveries.channel, 'meeting')))
    .orderBy(desc(deliveries.createdAt), desc(sql`rowid`))
    .limit(1);
  return last && !FINISHED.includes(last.status) ? last : undefined;
}

/**
 * The session's meeting, made from the outbox — never in the request that books, so a provider
 * that is slow or down never slows or fails a booking; its failures are retried with backoff.
 *
 * - `booking.confirmed` of a service held by `video`: `meeting.create` by the service's provider
 *   (Zoom only while this server has Zoom set up, Jitsi otherwise); by `link`: the specialist's
 *   fixed link, recorded the same way (no provider call).
 * - `booking.rescheduled` with a Zoom meeting (made, or being made): `meeting.update`.
 * - `booking.cancelled` with a Zoom meeting: `meeting.delete`. Jitsi rooms and fixed links have
 *   nothing to move or delete.
 *
 * Sending reads the booking as it is then (a create after a move uses the new time; one after a
 * cancellation makes nothing), and records the link on the booking through the one road
 * (`attach_meeting` → a `meeting_ready` event and outbox row). It plans first, so other channels
 * (the invite email) can wait for its delivery. Given up, it tells the specialist (`failed.ts`).
 * Events that are not booking changes (a package purchased) have no meeting: it plans nothing.
 */
export const meetingChannel: DeliveryChannel = {
  name: 'meeting',
  async plan(tx, event, ctx) {
    if (!isBookingEvent(event)) return [];
    const booking = event.payload.booking;
    switch (event.payload.event.type) {
      case 'confirmed': {
        if (booking.meeting) return [];
        const [service] = await ctx.once(`service-meeting:${booking.serviceId}`, () =>
          tx.select({ kind: services.locationKind, provider: services.meetingProvider, capacity: services.capacity }).from(services).where(eq(services.id, booking.serviceId)),
        );
        if (service?.kind === 'link') return [draft(event, 'meeting.create', 'link', undefined)];
        if (service?.kind !== 'video') return [];
        // A seat of a group session: one meeting for the session — wait for a mate's create under way, then share it.
        const [seat] = service.capacity > 1 ? await tx.select().from(bookings).where(eq(bookings.id, event.bookingId)) : [];
        const mate = seat ? await mateUnderWay(tx, seat, ctx.round) : undefined;
        return [draft(event, 'meeting.create', service.provider === 'zoom' && ctx.deps.meetings.zoom ? 'zoom' : 'jitsi', mate?.id)];
      }
      case 'rescheduled':
      case 'cancelled': {
        const [row] = await tx.select().from(bookings).where(eq(bookings.id, event.bookingId));
        const before = await unfinished(tx, event.bookingId);
        const made = keptByProvider(row?.meetingRef ?? null);
        const [service] = row ? await tx.select({ capacity: services.capacity, kind: services.locationKind, provider: services.meetingProvider }).from(services).where(eq(services.id, row.serviceId)) : [];
        if (event.payload.event.type === 'cancelled') {
          // A create still to come sees the cancellation and makes nothing (or deletes what it made).
          // A group session's meeting stays while another seat still uses it.
          const shared = made && service && service.capacity > 1 && (await sessionMates(tx, row!)).some((m) => m.meetingRef === row!.meetingRef);
          return made && !shared ? [draft(event, 'meeting.delete', 'zoom', before?.id)] : [];
        }
        if (row && service && service.capacity > 1 && row.meetingUrl && service.kind === 'video') {
          // A seat moved to another session takes that session's meeting (or a new one); the old one stays with its session.
          const mate = await mateUnderWay(tx, row, ctx.round);
          return [draft(event, 'meeting.create', service.provider === 'zoom' && ctx.deps.meetings.zoom ? 'zoom' : 'jitsi', mate?.id ?? before?.id, true)];
        }
        // A create still to come reads the new time itself; one under way is followed by this move.
        return made || before?.recipient === 'zoom' ? [draft(event, 'meeting.update', 'zoom', before?.id)] : [];
      }
      default:
        return [];
    }
  },

  async send(delivery, deps): Promise<SendOutcome> {
    // With its history's length: the snapshot the meeting is then recorded on, unless it changed meanwhile.
    const read = delivery.bookingId ? await bookingWithHistory(deps.database.db, delivery.bookingId) : undefined;
    const row = read?.row;
    if (!row) return { status: 'skipped' };
    const source = (delivery.data as { source: MeetingSource }).source;
    try {
      if (delivery.kind === 'meeting.create') {
        if (row.status !== 'confirmed') return { status: 'skipped' }; // cancelled (or over) before its meeting was made
        const { replace } = delivery.data as { replace?: boolean };
        if (row.meetingUrl && !replace) return { providerRef: row.meetingRef ?? undefined }; // made by an attempt whose end was lost
        // One read for what follows: whether a mate has a meeting, the fixed link, the names and zone.
        const info = await sessionInfo(deps, row);
        // A seat of a group session whose meeting a mate already has: the same link, no second meeting.
        const shared = info.mateHasMeeting ? (await sessionMates(deps.database.db, row)).find((m) => m.meetingUrl && m.meetingRef) : undefined;
        if (shared) {
          if (shared.meetingUrl !== row.meetingUrl) await recordMeeting(deps, row, shared.meetingUrl!, shared.meetingRef!, decodeMeetingRef(shared.meetingRef)?.source ?? source, { replacing: true, read });
          return { providerRef: shared.meetingRef! };
        }
        if (source === 'link') {
          if (!info.meetingLink) throw new DeliveryFailure('The specialist has no meeting link set for this link-located service.', { retryable: false });
          await recordMeeting(deps, row, info.meetingLink, encodeMeetingRef('link'), 'link', { read });
          return { providerRef: 'link' };
        }
        const provider = providerFor(deps, source);
        const meeting = await provider.create(requestOf(info, row, delivery));
        const ref = encodeMeetingRef(provider.kind, meeting.ref);
        if (!(await recordMeeting(deps, row, meeting.joinUrl, ref, provider.kind, { replacing: replace === true, read }))) {
          // Cancelled while it was being made: nobody should find it at the provider either.
          await provider.delete(meeting.ref).catch(deps.logError);
          return { status: 'skipped' };
        }
        return { providerRef: provider.kind === 'zoom' ? ref : provider.kind };
      }
      const ref = decodeMeetingRef(row.meetingRef);
      if (ref?.source !== 'zoom') return { status: 'skipped' }; // not made yet (its create reads the booking then), or nothing kept at a provider
      const zoom = deps.meetings.zoom;
      if (!zoom) throw new DeliveryFailure('Zoom is no longer set up on this server, so its meeting could not be changed.', { retryable: false });
      if (delivery.kind === 'meeting.update') {
        if (row.status !== 'confirmed' && row.status !== 'held') return { status: 'skipped' };
        const replaced = await zoom.update(ref.id, await requestFor(deps, row, delivery));
        // Deleted at Zoom by hand: the provider made another, whose link the booking now shows.
        if (replaced) await recordMeeting(deps, row, replaced.joinUrl, encodeMeetingRef('zoom', replaced.ref), 'zoom', { replacing: true, read });
        return { providerRef: replaced ? encodeMeetingRef('zoom', replaced.ref) : row.meetingRef! };
      }
      await zoom.delete(ref.id);
      return { providerRef: row.meetingRef! };
    } catch (error) {
      throw asDeliveryFailure(error, delivery, row, deps);
    }
  },

  onDead: meetingFailed,
};

import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { deliveries, type BookingRow, type DeliveryRow } from '../../db/schema.js';
import type { BookingEvent, DeliveryDraft } from '../delivery/channel.js';
import { newDeliveryId } from '../delivery/dispatcher.js';
import { TIMED_KINDS, type EmailKind } from './kinds.js';

const HOUR_MS = 3_600_000;

/** The lead times a specialist chose, cleaned: whole positive hours up to 14 days, each once, longest first. */
export function reminderLeads(hours: readonly number[] | null | undefined): number[] {
  const valid = (hours ?? [24, 1]).filter((h) => Number.isInteger(h) && h > 0 && h <= 14 * 24);
  return [...new Set(valid)].sort((a, b) => b - a).slice(0, 5);
}

/** What a timed email needs when it is due: the start it was planned for, and its lead. */
export interface TimedData {
  booking: BookingEvent['payload']['booking'];
  /** The start (epoch ms) it reminds of: a moved booking no longer matches. */
  startAt: number;
  /** Hours before the start (reminders); absent for "starting soon". */
  hours?: number;
  /** All lead times planned for this start, to tell a reminder that a shorter one made redundant. */
  leads?: number[];
}

interface Recipients {
  customer?: string;
  specialist?: string;
}

/**
 * Reminders at each lead time (to the customer and the specialist) and "starting soon" (to the
 * customer, when the join window opens, for a session with a link), for the booking's current
 * start. Keyed by booking, start and invite sequence: planning the same start twice makes nothing
 * new, and a booking moved away and back still gets fresh ones. One already due is never planned.
 */
export function timedDrafts(event: BookingEvent, to: Recipients, options: { leads: number[]; online: boolean; startingLeadMs: number; now: number }): DeliveryDraft[] {
  const booking = event.payload.booking;
  const startAt = Date.parse(booking.start);
  const at = `${booking.id}@${booking.start}#${booking.inviteSequence}`;
  const drafts: DeliveryDraft[] = [];
  const add = (kind: EmailKind, recipient: string | undefined, dueAt: number, hours?: number) => {
    if (!recipient || dueAt <= options.now) return;
    const data: TimedData = { booking, startAt, ...(hours === undefined ? {} : { hours, leads: options.leads }) };
    drafts.push({ id: newDeliveryId(), channel: 'email', kind, recipient, idempotencyKey: `email:${at}:${kind}${hours === undefined ? '' : `:${hours}h`}`, data: { ...data }, dueAt });
  };
  for (const hours of options.leads) {
    add('customer.reminder', to.customer, startAt - hours * HOUR_MS, hours);
    add('specialist.reminder', to.specialist, startAt - hours * HOUR_MS, hours);
  }
  if (options.online) add('customer.starting', to.customer, startAt - options.startingLeadMs);
  return drafts;
}

/** Cancels the booking's reminders still waiting (it moved, or it is over): `status = cancelled`. */
export async function cancelTimed(tx: Tx, bookingId: string, now: number): Promise<void> {
  await tx
    .update(deliveries)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(deliveries.bookingId, bookingId), eq(deliveries.channel, 'email'), eq(deliveries.status, 'pending'), inArray(deliveries.kind, [...TIMED_KINDS])));
}

/**
 * Why a timed email that is due now should not go, or undefined when it should: the booking is no
 * longer confirmed at the start it was planned for (cancelled, moved, over); the session started
 * (a reminder past due by more than its own lead time); a shorter reminder is due as well (a
 * server that was down sends one reminder, not two); the session ended ("starting soon").
 */
export function staleTimed(delivery: Pick<DeliveryRow, 'kind' | 'data'>, booking: Pick<BookingRow, 'status' | 'startAt' | 'endAt'> | undefined, now: number): string | undefined {
  const data = delivery.data as unknown as TimedData;
  if (!booking || booking.status !== 'confirmed') return 'the booking is not confirmed any more';
  if (booking.startAt !== data.startAt) return 'the booking moved';
  if (delivery.kind === 'customer.starting') return now >= booking.endAt ? 'the session is over' : undefined;
  if (now >= booking.startAt) return 'the session has started';
  const shorter = (data.leads ?? []).filter((h) => h < (data.hours ?? 0));
  if (shorter.some((h) => now >= booking.startAt - h * HOUR_MS)) return 'a shorter reminder is due too';
  return undefined;
}

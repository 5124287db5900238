import { and, eq } from 'drizzle-orm';
import type { Drizzle } from '../../db/client.js';
import { bookings, deliveries, services, specialists, type DeliveryRow } from '../../db/schema.js';
import { MINUTE_MS } from '../../domain/civil.js';
import { isBookingEvent, type DeliveryChannel, type DeliveryDraft, type SendOutcome } from '../delivery/channel.js';
import { newDeliveryId } from '../delivery/dispatcher.js';
import type { ServiceDeps } from '../deps.js';
import { reminderText } from './reminder-text.js';

const HOUR_MS = 60 * MINUTE_MS;

/** What a reminder delivery carries: the start it reminds of, its lead, and the leads planned with it. */
interface ReminderData {
  start: string;
  leadHours: number;
  leads: number[];
}

/**
 * The specialist's reminder leads, largest first: whole hours from 1 to 14 days, at most five
 * (the same bounds as the reminder emails), so a stored oddity cannot text a customer a dozen times.
 */
const leadsOf = (hours: readonly number[]) => [...new Set(hours.filter((h) => Number.isInteger(h) && h > 0 && h <= 14 * 24))].sort((a, b) => b - a).slice(0, 5);

/** Ends the reminders still waiting for this booking: its time or its state changed (a query for the planning batch). */
function cancelPending(db: Drizzle, bookingId: string, now: number) {
  return db
    .update(deliveries)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(deliveries.bookingId, bookingId), eq(deliveries.channel, 'sms'), eq(deliveries.status, 'pending')));
}

const skipped: SendOutcome = { status: 'skipped' };

/**
 * Reminder texts to the customer, at the specialist's `reminderHours` before the session — only
 * when SMS is configured (`deps.sms`) and the customer gave a mobile number and agreed to texts.
 *
 * Planning, for each change of a booking: a confirmed booking (new, paid, or moved) gets one
 * reminder per lead, keyed by the booking's start and its change sequence, so a move (even back to
 * an earlier time) plans fresh ones and a second plan of the same change plans nothing; a move
 * or any change that leaves it not confirmed (cancelled, expired, completed, no-show) cancels the
 * ones still pending. A reminder whose time has already passed is never planned.
 *
 * Sending re-reads the booking: nothing is sent (`skipped`) when it is no longer confirmed at the
 * start the reminder was planned for, when the customer's consent or number changed, when SMS was
 * turned off since, when it is later than its own lead time (a 1-hour reminder after the start),
 * or when a shorter reminder for the same start is due too (one text, not two, after an outage).
 */
export const smsChannel: DeliveryChannel = {
  name: 'sms',
  async plan(tx, event, ctx) {
    if (!isBookingEvent(event)) return []; // a package's events are not about a session
    const { event: change, booking } = event.payload;
    const moved = change.type === 'rescheduled';
    if (booking.status !== 'confirmed' || moved) ctx.also(cancelPending(ctx.deps.database.db, event.bookingId, ctx.now));
    if (!ctx.deps.sms || booking.status !== 'confirmed' || (change.type !== 'confirmed' && !moved)) return [];
    const [row] = await tx
      .select({ phone: bookings.customerPhone, consent: bookings.smsConsent, reminderHours: specialists.reminderHours })
      .from(bookings)
      .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
      .where(eq(bookings.id, event.bookingId))
      .limit(1);
    if (!row?.phone || !row.consent) return [];
    const start = Date.parse(booking.start);
    const leads = leadsOf(row.reminderHours);
    return leads
      .filter((hours) => start - hours * HOUR_MS >= ctx.now)
      .map(
        (hours): DeliveryDraft => ({
          id: newDeliveryId(),
          channel: 'sms',
          kind: `reminder.${hours}h`,
          recipient: row.phone!,
          idempotencyKey: `${event.bookingId}:sms:reminder:${booking.start}:${hours}h:${booking.inviteSequence}`,
          data: { start: booking.start, leadHours: hours, leads } satisfies ReminderData,
          dueAt: start - hours * HOUR_MS,
        }),
      );
  },

  async send(delivery: DeliveryRow, deps: ServiceDeps): Promise<SendOutcome> {
    if (!deps.sms) return skipped;
    const { start, leadHours, leads } = delivery.data as unknown as ReminderData;
    const startAt = Date.parse(start);
    const now = deps.clock();
    if (now - delivery.dueAt > leadHours * HOUR_MS) return skipped;
    if (leads.some((hours) => hours < leadHours && now >= startAt - hours * HOUR_MS)) return skipped;
    const [row] = await deps.database.db
      .select({ booking: bookings, specialistName: specialists.name, serviceName: services.name })
      .from(bookings)
      .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
      .innerJoin(services, eq(services.id, bookings.serviceId))
      .where(eq(bookings.id, delivery.bookingId ?? ''))
      .limit(1);
    const booking = row?.booking;
    if (!booking || booking.status !== 'confirmed' || booking.startAt !== startAt || !booking.smsConsent || booking.customerPhone !== delivery.recipient) return skipped;
    const receipt = await deps.sms.send({
      to: delivery.recipient,
      body: reminderText({ serviceName: row.serviceName, specialistName: row.specialistName, start: startAt, timeZone: booking.customerTimeZone }),
      idempotencyKey: delivery.idempotencyKey,
      // A claim before this one may have reached the provider (a lost answer, a crash after the send).
      ...(delivery.attempts > 1 ? { retrySince: delivery.dueAt } : {}),
    });
    if (receipt.optedOut) return skipped;
    return { status: 'sent', ...(receipt.providerId ? { providerRef: receipt.providerId } : {}) };
  },
};

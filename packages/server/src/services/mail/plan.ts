import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { deliveries, services, specialists } from '../../db/schema.js';
import { isAccessEvent, isAccountEvent, isBookingEvent, isReviewEvent, type DeliveryDraft, type OutboxEvent, type PlanContext } from '../delivery/channel.js';
import { newDeliveryId } from '../delivery/dispatcher.js';
import { kindInfo, type AccessEmailKind, type AccountEmailKind, type EmailKind } from './kinds.js';
import { optedOut } from './opt-outs.js';
import { planAccessEmail } from './access-mail.js';
import { planAccountEmails } from './account-plan.js';
import { planPackageEmails } from './package-plan.js';
import { planReviewEmail } from './review-mail.js';
import { mailEnabled, specialistAddress } from './recipients.js';
import { cancelTimed, reminderLeads, timedDrafts } from './reminders.js';

/** How long after a session's end its completion still sends the feedback request. */
const FOLLOW_UP_WITHIN_MS = 3 * 86_400_000;

/**
 * The emails one booking change causes, planned once in the dispatcher's planning transaction:
 *
 * | change | customer | specialist |
 * | --- | --- | --- |
 * | confirmed | confirmation + invite; payment receipt when money was taken; reminders; "starting soon" | new booking + invite; reminders |
 * | rescheduled (confirmed) | moved + updated invite; new reminders (old ones cancelled) | moved + updated invite; new reminders |
 * | cancelled (was confirmed) | cancelled + invite cancellation, with the refund | cancelled + invite cancellation |
 * | expired (a hold) | not booked: the payment did not complete | — |
 * | refunded | a late payment's full refund | refund issued |
 * | completed | follow-up asking for feedback (within 3 days of the end) | — |
 * | meeting_ready | the link, when the confirmation already went without it | — |
 *
 * Nothing at all when mail is off. Optional kinds are not planned for an address that opted out
 * (and are checked again when due). Invite emails wait for the meeting planned for the same change.
 * A package's events (a purchase, low credits) are planned by `package-plan.ts`, an account's
 * (a reset or verification link) by `account-plan.ts`, a review's answer by `review-mail.ts`.
 */
export async function planEmails(tx: Tx, event: OutboxEvent, ctx: PlanContext): Promise<DeliveryDraft[]> {
  if (!mailEnabled(ctx.deps)) return [];
  if (isAccountEvent(event)) return planAccountEmails(tx, event);
  if (isAccessEvent(event)) return planAccessEmail(event);
  if (isReviewEvent(event)) return planReviewEmail(tx, event);
  if (!isBookingEvent(event)) return planPackageEmails(tx, event, ctx);
  const { event: change, booking } = event.payload;
  const [specialist] = await ctx.once(`specialist:${event.specialistId}`, () => tx.select().from(specialists).where(eq(specialists.id, event.specialistId)));
  if (!specialist) return [];
  const to = { customer: booking.customer.email, specialist: await ctx.once(`specialist-address:${specialist.id}`, () => specialistAddress(tx, specialist)) };
  const meeting = ctx.planned.find((d) => d.channel === 'meeting')?.id;
  const drafts: DeliveryDraft[] = [];

  const add = async (kind: Exclude<EmailKind, AccountEmailKind | AccessEmailKind>) => {
    const info = kindInfo(kind)!;
    const recipient = to[info.role as keyof typeof to];
    if (!recipient) return;
    if (info.optOut && (await optedOut(tx, recipient, specialist.id, info.optOut))) return;
    drafts.push({
      id: newDeliveryId(),
      channel: 'email',
      kind,
      recipient,
      // Per change × channel × recipient; the role stands for the address, which never goes in a key (keys are logged).
      idempotencyKey: `${event.id}:email:${kind}`,
      data: { event: change, booking },
      ...(info.waitsForMeeting && meeting ? { waitsFor: meeting } : {}),
    });
  };
  const timed = async () => {
    const [service] = await ctx.once(`service-kind:${booking.serviceId}`, () => tx.select({ kind: services.locationKind }).from(services).where(eq(services.id, booking.serviceId)));
    const online = service?.kind === 'video' || service?.kind === 'link';
    // "Starting soon" goes when the join window opens, so its link works at once.
    const startingLeadMs = ctx.deps.joinWindow.opensMinutesBefore * 60_000;
    const candidates = timedDrafts(event, to, { leads: reminderLeads(specialist.reminderHours), online, startingLeadMs, now: ctx.now });
    for (const draft of candidates) {
      if (!(await optedOut(tx, draft.recipient, specialist.id, 'reminder'))) drafts.push(draft);
    }
  };

  switch (change.type) {
    case 'confirmed': {
      await add('customer.confirmed');
      const paid = (change.action === 'confirm' || change.action === 'confirm_late') && booking.price > 0 && !booking.paidWithCredit;
      if (paid) await add('customer.payment_received');
      await add('specialist.new_booking');
      await timed();
      break;
    }
    case 'rescheduled':
      await cancelTimed(tx, booking.id, ctx.now);
      if (booking.status !== 'confirmed') break; // a hold moved: nothing was confirmed to anyone yet
      await add('customer.rescheduled');
      await add('specialist.rescheduled');
      await timed();
      break;
    case 'cancelled':
      await cancelTimed(tx, booking.id, ctx.now);
      if (change.from !== 'confirmed') break; // a hold given up: nobody was told it was booked
      await add('customer.cancelled');
      await add('specialist.cancelled');
      break;
    case 'expired':
      // A hold the customer gave up themselves (the payment step's way back) needs no email.
      if (change.from === 'held' && change.actor !== 'customer') await add('customer.hold_expired');
      break;
    case 'refunded':
      if ((change.data as { cause?: string } | null)?.cause === 'late_payment') await add('customer.late_refund');
      await add('specialist.refund');
      break;
    case 'completed':
      await cancelTimed(tx, booking.id, ctx.now);
      // A feedback request makes sense soon after the session: completing an old one (the first run
      // of auto-complete over a backlog, a specialist catching up) asks nobody.
      if (Date.parse(change.at) - Date.parse(booking.end) <= FOLLOW_UP_WITHIN_MS) await add('customer.follow_up');
      break;
    case 'no_show':
      await cancelTimed(tx, booking.id, ctx.now);
      break;
    case 'meeting_ready':
      if (await confirmationWentWithoutLink(tx, booking.id, Date.parse(change.at))) await add('customer.meeting_ready');
      break;
  }
  return drafts;
}

/**
 * Whether the customer's latest confirmation (or move) was sent before the meeting existed — it
 * waits for the meeting, but not forever (a provider down for long) — so the link follows alone.
 */
async function confirmationWentWithoutLink(tx: Tx, bookingId: string, meetingAt: number): Promise<boolean> {
  const [sent] = await tx
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.bookingId, bookingId), eq(deliveries.channel, 'email'), inArray(deliveries.kind, ['customer.confirmed', 'customer.rescheduled']), eq(deliveries.status, 'sent'), lt(deliveries.sentAt, meetingAt)))
    .limit(1);
  return sent !== undefined;
}

import { eq } from 'drizzle-orm';
import { bookings, services, specialists, type BookingRow, type DeliveryRow, type ServiceRow } from '../../db/schema.js';
import { mintManageToken } from '../bookings/customer.js';
import { inviteIcs, locationOf } from '../calendar/ics.js';
import { deadlines } from '../../domain/policy.js';
import { policyOf } from '../availability/rules.js';
import { DeliveryFailure, type BookingEvent } from '../delivery/channel.js';
import type { ServiceDeps } from '../deps.js';
import { agendaOf, AGENDA_LATEST_MS } from './agenda.js';
import { brandOf, finish, mailbox, type Composed, type Facts } from './envelope.js';
import { longDate, money, shortWhen, span, time, zoneLabel } from './format.js';
import { kindInfo, type AccessEmailKind, type AccountEmailKind, type EmailKind, type ReviewEmailKind } from './kinds.js';
import { composeAccountEmail } from './account-compose.js';
import { composeAccessEmail } from './access-mail.js';
import { links } from './links.js';
import { stringsFor, type Strings } from './locales/index.js';
import { optedOut } from './opt-outs.js';
import { composePackageEmail } from './package-compose.js';
import { composeReviewEmail } from './review-mail.js';
import { bareAddress, specialistAddress } from './recipients.js';
import { staleTimed } from './reminders.js';
import { specialistAgenda, TEMPLATES, type TemplateInput } from './templates/index.js';

export type { Composed } from './envelope.js';

type Snapshot = BookingEvent['payload']['booking'];
type Change = BookingEvent['payload']['event'];

/**
 * Renders the email a delivery stands for — read when it is due, not when it was planned, so a
 * reminder sees whether its booking is still on — in the recipient's language and zone: HTML and
 * plain text from one content (every value escaped), the right links (a manage token minted for
 * this email), the calendar invite or cancellation it carries, `List-Unsubscribe` on optional
 * ones, and a Message-ID fixed by the delivery. Returns a reason instead when it must not go.
 */
export async function composeEmail(deps: ServiceDeps, delivery: DeliveryRow): Promise<Composed> {
  const kind = delivery.kind as EmailKind;
  const info = kindInfo(kind);
  if (!info) throw new DeliveryFailure(`No email template "${delivery.kind}".`, { retryable: false });
  // About a login, to its owner — who may be an operator, with no specialist at all.
  if (info.about === 'account') return composeAccountEmail(deps, { kind: kind as AccountEmailKind, info, delivery });
  const db = deps.database.db;
  const [specialist] = await db.select().from(specialists).where(eq(specialists.id, delivery.specialistId));
  if (!specialist) return { skip: 'the specialist is gone' };
  if (info.optOut && (await optedOut(db, delivery.recipient, specialist.id, info.optOut))) return { skip: 'the recipient unsubscribed' };

  if (info.about === 'access') return composeAccessEmail(deps, { kind: kind as AccessEmailKind, info, delivery, specialist });
  if (info.about === 'purchase') return composePackageEmail(deps, { kind, info, delivery, specialist });
  if (info.about === 'review') return composeReviewEmail(deps, { kind: kind as ReviewEmailKind, info, delivery, specialist });
  if (kind === 'specialist.agenda') {
    const { t, locale } = stringsFor(specialist.locale);
    return agenda(deps, { kind, info, delivery, specialist, t, locale, zone: specialist.timeZone });
  }
  const data = delivery.data as { booking: Snapshot; event?: Change; hours?: number };
  const snapshot = data.booking;
  const [row] = delivery.bookingId ? await db.select().from(bookings).where(eq(bookings.id, delivery.bookingId)) : [];
  const [service] = await db.select().from(services).where(eq(services.id, snapshot.serviceId));
  if (!service) return { skip: 'the service is gone' };
  if (info.scheduled) {
    const stale = staleTimed(delivery, row, deps.clock());
    if (stale) return { skip: stale };
  }
  const customer = info.role === 'customer';
  const { t, locale } = stringsFor(customer ? snapshot.customerLocale : specialist.locale);
  const facts: Facts = { kind, info, delivery, specialist, t, locale, zone: customer ? snapshot.customer.timeZone : specialist.timeZone };
  return bookingEmail(deps, facts, { snapshot, change: data.event, hours: data.hours, row, service });
}

/** Whether the service's policy still lets the customer cancel or move a session starting at `start`, at `now`. */
function changeableAt(service: ServiceRow, start: number, now: number): boolean {
  const { cancelUntil, rescheduleUntil } = deadlines(policyOf(service), start);
  return now < Math.max(cancelUntil, rescheduleUntil);
}

async function bookingEmail(
  deps: ServiceDeps,
  facts: Facts,
  about: { snapshot: Snapshot; change: Change | undefined; hours: number | undefined; row: BookingRow | undefined; service: ServiceRow },
): Promise<Composed> {
  const { kind, info, delivery, specialist, t, locale, zone } = facts;
  const { snapshot, change, row, service } = about;
  const customer = info.role === 'customer';
  const now = deps.clock();
  // The time, status and SEQUENCE are the change's own; the meeting is whatever exists now.
  const start = Date.parse(snapshot.start);
  const end = Date.parse(snapshot.end);
  const meetingUrl = row?.meetingUrl ?? snapshot.meeting?.url ?? null;
  const where = locationOf(service, { meetingUrl }, specialist);
  const token = customer && row ? await mintManageToken(deps.database, row.id, 'email', now) : undefined;
  // The booking's page in the customer's language, the email's (as the receipt is).
  const manage = token ? links.manage(deps, specialist.handle, snapshot.id, token, locale) : undefined;
  const data = (change?.data ?? {}) as { from?: string; refund?: { amount?: number }; credit?: 'returned' | 'kept' | 'revoked'; amount?: number; currency?: string; cause?: string };
  const refundMinor = change?.type === 'refunded' ? data.amount : data.refund?.amount;
  const input: TemplateInput = {
    t,
    booking: {
      service: service.name,
      specialist: specialist.name,
      customer: snapshot.customer.name,
      customerEmail: snapshot.customer.email,
      when: span(start, end, zone, locale),
      changeable: changeableAt(service, start, now),
      whenShort: shortWhen(start, zone, locale),
      startTime: time(start, zone, locale),
      zone: zoneLabel(zone, start, locale),
      duration: snapshot.duration,
      place: placeLine(t, service, where, customer, deps.joinWindow.opensMinutesBefore),
      notes: snapshot.notes,
      // Read from the row, not the snapshot: the follow-up carries what is shared when it is sent.
      sharedNotes: row?.sharedNotes ?? null,
      recordingUrl: row?.recordingUrl ?? null,
      paid: snapshot.price > 0 && !snapshot.paidWithCredit ? money(snapshot.price, snapshot.currency, locale) : null,
      paidWithCredit: snapshot.paidWithCredit,
      // Outbox rows written before promo codes have no such key.
      promo: snapshot.promo ? t.common.promoOff(snapshot.promo.code, money(snapshot.promo.amountOff, snapshot.currency, locale)) : null,
    },
    change: {
      actor: (change?.actor ?? 'system') as TemplateInput['change']['actor'],
      reason: change?.reason ?? null,
      ...(data.from ? { previously: span(Date.parse(data.from), Date.parse(data.from) + snapshot.duration * 60_000, zone, locale) } : {}),
      ...(refundMinor ? { refund: money(refundMinor, data.currency ?? snapshot.currency, locale), testPayments: deps.payments.mode === 'test' } : {}),
      ...(data.cause ? { refundCause: data.cause } : {}),
      ...(data.credit ? { credit: data.credit } : {}),
      ...(about.hours ? { hours: about.hours } : {}),
    },
    links: {
      ...(manage ? { manage } : {}),
      ...(token ? { receipt: links.receipt(deps, snapshot.id, token), calendar: links.calendar(deps, snapshot.id, token) } : {}),
      ...(where.url ? { join: where.url } : {}),
    },
  };
  const written = TEMPLATES[kind as keyof typeof TEMPLATES](input);
  const organizer = info.invite ? await specialistAddress(deps.database.db, specialist) : undefined;
  const calendar =
    info.invite && organizer
      ? {
          method: info.invite,
          content: await inviteIcs(
            {
              id: snapshot.id,
              start,
              end,
              status: snapshot.status,
              sequence: snapshot.inviteSequence,
              summary: customer ? `${service.name} — ${specialist.name}` : `${service.name} — ${snapshot.customer.name}`,
              description: [manage ? `${t.common.manage}: ${manage}` : null, where.url ? `${t.common.join}: ${where.url}` : null].filter(Boolean).join('\n') || null,
              organizer: { name: specialist.name, email: organizer },
              attendee: { name: snapshot.customer.name, email: snapshot.customer.email },
              location: where.location,
              url: where.url,
              createdAt: Date.parse(snapshot.createdAt),
            },
            { method: info.invite, now },
          ),
        }
      : undefined;
  const brand = brandOf(deps.mailFrom);
  const replyTo = customer ? organizer ?? (await specialistAddress(deps.database.db, specialist)) : snapshot.customer.email;
  return finish(deps, facts, written, {
    footer: [customer ? t.common.footerCustomer(specialist.name) : t.common.footerSpecialist],
    from: customer ? mailbox(`${specialist.name} via ${brand}`, bareAddress(deps.mailFrom)) : deps.mailFrom,
    ...(replyTo ? { replyTo: customer ? mailbox(specialist.name, replyTo) : mailbox(snapshot.customer.name, replyTo) } : {}),
    ...(calendar ? { calendar } : {}),
    to: delivery.recipient,
  });
}

/** Where the session happens, as one line for this reader. */
function placeLine(t: Strings, service: ServiceRow, where: { location: string | null; url: string | null }, customer: boolean, joinOpensMinutes: number): string | null {
  const p = t.common.place;
  switch (service.locationKind) {
    case 'video':
      // Before the meeting exists: when the customer finds the link, as the widget says it (the join window).
      return where.url ? p.videoLink(where.url) : customer ? p.videoLater(joinOpensMinutes) : p.video;
    case 'link':
      return where.url ? p.link(where.url) : p.video;
    case 'phone':
      return service.locationDetail ? p.phone(service.locationDetail) : p.phoneUnknown;
    case 'in_person':
      return service.locationDetail ? p.inPerson(service.locationDetail) : p.inPersonUnknown;
    default:
      return null;
  }
}

async function agenda(deps: ServiceDeps, facts: Facts): Promise<Composed> {
  const { delivery, specialist, t, locale, zone } = facts;
  const now = deps.clock();
  if (now > delivery.dueAt + AGENDA_LATEST_MS) return { skip: 'the morning is over' };
  const date = (delivery.data as { date: string }).date;
  const sessions = await agendaOf(deps, specialist, date);
  if (sessions.length === 0) return { skip: 'no sessions that day' };
  const first = sessions[0]!.booking.startAt;
  const written = specialistAgenda({
    t,
    date: longDate(first, zone, locale),
    zone: zoneLabel(zone, first, locale),
    sessions: sessions.map((s) => ({ time: `${time(s.booking.startAt, zone, locale)} – ${time(s.booking.endAt, zone, locale)}`, customer: s.booking.customerName, service: s.serviceName })),
  });
  return finish(deps, facts, written, { footer: [t.common.footerSpecialist], from: deps.mailFrom, to: delivery.recipient });
}

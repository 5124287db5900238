import type { Template, TemplateInput } from './types.js';

/** The rows a specialist needs about one session: who, what, when, where, and the customer's note. */
function details({ t, booking }: TemplateInput): [string, string][] {
  return [
    [t.common.customer, `${booking.customer} <${booking.customerEmail}>`],
    [t.common.session, booking.service],
    [t.common.when, booking.when],
    [t.common.duration, t.common.minutes(booking.duration)],
    ...(booking.place ? ([[t.common.where, booking.place]] as [string, string][]) : []),
    ...(booking.notes ? ([[t.common.notes, booking.notes]] as [string, string][]) : []),
  ];
}

const join = ({ t, links }: TemplateInput) => (links.join ? [{ label: t.common.join, url: links.join }] : []);

export const specialistNewBooking: Template = (input) => {
  const { t, booking } = input;
  const s = t.specialistNewBooking;
  const paid = booking.paidWithCredit ? s.credit : booking.paid ? s.paid(booking.paid) : null;
  return {
    subject: s.subject(booking.customer, booking.whenShort),
    heading: s.heading,
    paragraphs: [s.intro(booking.customer, booking.service), ...(paid ? [paid] : []), t.common.invite, t.common.timesIn(booking.zone)],
    // What was paid (or why nothing was) follows from the code: the specialist's earnings too.
    details: [...details(input), ...(booking.promo ? ([[t.common.promoCode, booking.promo]] as [string, string][]) : [])],
    actions: join(input),
  };
};

export const specialistRescheduled: Template = (input) => {
  const { t, booking, change } = input;
  const s = t.specialistRescheduled;
  return {
    subject: s.subject(booking.customer, booking.whenShort),
    heading: s.heading,
    paragraphs: [s.intro(booking.customer, booking.service, change.actor), t.common.invite, t.common.timesIn(booking.zone)],
    details: [...details(input), ...(change.previously ? ([[s.previously, change.previously]] as [string, string][]) : [])],
    actions: join(input),
  };
};

export const specialistCancelled: Template = (input) => {
  const { t, booking, change } = input;
  const s = t.specialistCancelled;
  const money = change.refund ? s.refund(change.refund) : booking.paid ? s.noRefund : null;
  return {
    subject: s.subject(booking.customer, booking.whenShort),
    heading: s.heading,
    paragraphs: [s.intro(booking.customer, booking.service, booking.when, change.actor), ...(money ? [money] : []), s.freed, t.common.cancelInvite, t.common.timesIn(booking.zone)],
    details: [...details(input).slice(0, 3), ...(change.reason ? ([[s.reason, change.reason]] as [string, string][]) : [])],
  };
};

export const specialistReminder: Template = (input) => {
  const { t, booking, change } = input;
  const s = t.specialistReminder;
  return {
    subject: s.subject(booking.customer, booking.whenShort),
    heading: s.heading,
    paragraphs: [s.intro(booking.customer, booking.service, t.relative.inHours(change.hours ?? 1)), t.common.timesIn(booking.zone)],
    details: details(input),
    actions: join(input),
  };
};

/** A refund issued on one of their sessions: it changes what they are paid out. */
export const specialistRefund: Template = (input) => {
  const { t, booking, change } = input;
  const s = t.specialistRefund;
  const amount = change.refund ?? '';
  return {
    subject: s.subject(amount, booking.customer),
    heading: s.heading,
    paragraphs: [s.intro(amount, booking.customer, booking.service, booking.when), ...(change.refundCause === 'late_payment' ? [s.latePayment] : []), t.common.timesIn(booking.zone)],
    details: details(input).slice(0, 3),
  };
};

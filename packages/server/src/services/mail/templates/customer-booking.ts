import type { Template, TemplateInput } from './types.js';

/** The rows every message about one session shows the customer. */
export function sessionDetails({ t, booking }: TemplateInput): [string, string][] {
  return [
    [t.common.session, booking.service],
    [t.common.with, booking.specialist],
    [t.common.when, booking.when],
    [t.common.duration, t.common.minutes(booking.duration)],
    ...(booking.place ? ([[t.common.where, booking.place]] as [string, string][]) : []),
  ];
}

/**
 * The customer's way back to the booking (and to the meeting, once it exists). `over`: the booking
 * was cancelled or never made, so the link only shows it — "change" would promise what it cannot.
 */
export function customerActions({ t, links, booking }: TemplateInput, options: { join?: boolean; calendar?: boolean; over?: boolean } = {}) {
  // "View or change" only while it can still be changed online.
  const view = options.over || booking.changeable === false;
  return [
    ...(options.join && links.join ? [{ label: t.common.join, url: links.join }] : []),
    ...(links.manage ? [{ label: view ? t.common.view : t.common.manage, url: links.manage }] : []),
    ...(options.calendar && links.calendar ? [{ label: t.common.addToCalendar, url: links.calendar }] : []),
  ];
}

/** The promo code's row, when one was applied: what the customer was charged follows from it. */
const promoRow = ({ t, booking }: TemplateInput): [string, string][] => (booking.promo ? [[t.common.promoCode, booking.promo]] : []);

export const customerConfirmed: Template = (input) => {
  const { t, booking } = input;
  const s = t.customerConfirmed;
  return {
    subject: s.subject(booking.service, booking.whenShort),
    heading: s.heading,
    paragraphs: [t.common.greeting(booking.customer), s.intro(booking.service, booking.specialist), t.common.invite, t.common.timesIn(booking.zone)],
    // A code covering the whole price is why a priced session came with no payment.
    details: [...sessionDetails(input), ...promoRow(input)],
    actions: customerActions(input, { join: true, calendar: true }),
  };
};

export const customerPaymentReceived: Template = (input) => {
  const { t, booking, links } = input;
  const s = t.customerPaymentReceived;
  const amount = booking.paid ?? '';
  return {
    subject: s.subject(amount, booking.service),
    heading: s.heading,
    paragraphs: [t.common.greeting(booking.customer), s.intro(amount, booking.specialist), t.common.timesIn(booking.zone)],
    details: [[s.amount, amount], ...promoRow(input), ...sessionDetails(input)],
    actions: [...(links.receipt ? [{ label: t.common.receipt, url: links.receipt }] : []), ...customerActions(input)],
  };
};

export const customerRescheduled: Template = (input) => {
  const { t, booking, change } = input;
  const s = t.customerRescheduled;
  return {
    subject: s.subject(booking.service, booking.whenShort),
    heading: s.heading,
    paragraphs: [t.common.greeting(booking.customer), s.intro(booking.service, change.actor, booking.specialist), t.common.invite, t.common.timesIn(booking.zone)],
    details: [...sessionDetails(input), ...(change.previously ? ([[s.previously, change.previously]] as [string, string][]) : [])],
    actions: customerActions(input, { join: true, calendar: true }),
  };
};

export const customerCancelled: Template = (input) => {
  const { t, booking, change } = input;
  const s = t.customerCancelled;
  const money = change.credit === 'returned' ? s.creditReturned : change.credit === 'kept' ? s.creditKept : change.credit === 'revoked' ? s.creditRevoked : change.refund ? (change.testPayments ? s.refundTest : s.refund)(change.refund) : booking.paid ? s.noRefund : null;
  return {
    subject: s.subject(booking.service, booking.whenShort),
    heading: s.heading,
    paragraphs: [t.common.greeting(booking.customer), s.intro(booking.service, booking.when, change.actor, booking.specialist), ...(money ? [money] : []), t.common.cancelInvite, t.common.timesIn(booking.zone)],
    details: [[t.common.session, booking.service], [t.common.with, booking.specialist], [t.common.when, booking.when], ...(change.reason ? ([[s.reason, change.reason]] as [string, string][]) : [])],
    actions: customerActions(input, { over: true }),
  };
};

export const customerMeetingReady: Template = (input) => {
  const { t, booking } = input;
  const s = t.customerMeetingReady;
  return {
    subject: s.subject(booking.service),
    heading: s.heading,
    paragraphs: [t.common.greeting(booking.customer), s.intro(booking.service, booking.when), t.common.timesIn(booking.zone)],
    details: sessionDetails(input),
    actions: customerActions(input, { join: true, calendar: true }),
  };
};

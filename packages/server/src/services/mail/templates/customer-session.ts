import { customerActions, sessionDetails } from './customer-booking.js';
import type { Template } from './types.js';

/** A hold that lapsed unpaid (or whose payment was cancelled): nothing booked, nothing charged. */
export const customerHoldExpired: Template = (input) => {
  const { t, booking } = input;
  const s = t.customerHoldExpired;
  return {
    subject: s.subject(booking.service),
    heading: s.heading,
    paragraphs: [t.common.greeting(booking.customer), s.intro(booking.service, booking.when), s.again, t.common.timesIn(booking.zone)],
    details: [[t.common.session, booking.service], [t.common.with, booking.specialist], [t.common.when, booking.when]],
    actions: customerActions(input, { over: true }),
  };
};

/** A payment that arrived after its time was taken: refunded in full. */
export const customerLateRefund: Template = ({ t, booking, change, links }) => {
  const s = t.customerLateRefund;
  const amount = change.refund ?? booking.paid ?? '';
  return {
    subject: s.subject(amount),
    heading: s.heading,
    paragraphs: [t.common.greeting(booking.customer), s.intro(amount, booking.service, booking.when), s.again, t.common.timesIn(booking.zone)],
    details: [[t.common.session, booking.service], [t.common.with, booking.specialist], [t.common.when, booking.when]],
    actions: links.receipt ? [{ label: t.common.receipt, url: links.receipt }] : [],
  };
};

export const customerReminder: Template = (input) => {
  const { t, booking, change } = input;
  const s = t.customerReminder;
  return {
    subject: s.subject(booking.service, booking.whenShort),
    heading: s.heading,
    paragraphs: [t.common.greeting(booking.customer), s.intro(booking.service, booking.specialist, t.relative.inHours(change.hours ?? 1)), t.common.timesIn(booking.zone)],
    details: sessionDetails(input),
    actions: customerActions(input, { calendar: true }),
  };
};

/** When the join window opens: the link itself, or where it will appear. */
export const customerStarting: Template = (input) => {
  const { t, booking, links } = input;
  const s = t.customerStarting;
  return {
    subject: s.subject(booking.service),
    heading: s.heading,
    paragraphs: [t.common.greeting(booking.customer), s.intro(booking.service, booking.specialist, booking.startTime), links.join ? s.joinHint : s.noLinkYet, t.common.timesIn(booking.zone)],
    details: sessionDetails(input),
    actions: customerActions(input, { join: true }),
  };
};

/**
 * After the session: thanks, what the specialist shared (notes as text, the recording's link) as
 * the booking is when this is sent, and a request for feedback on the booking page.
 */
export const customerFollowUp: Template = ({ t, booking, links }) => {
  const s = t.customerFollowUp;
  const shared = booking.sharedNotes ? [s.sharedNotes(booking.specialist), booking.sharedNotes] : [];
  return {
    subject: s.subject(booking.specialist),
    heading: s.heading,
    paragraphs: [t.common.greeting(booking.customer), s.intro(booking.service, booking.specialist), ...shared, s.ask, t.common.timesIn(booking.zone)],
    details: [[t.common.session, booking.service], [t.common.when, booking.when]],
    actions: [...(booking.recordingUrl ? [{ label: s.recording, url: booking.recordingUrl }] : []), ...(links.manage ? [{ label: s.feedback, url: links.manage }] : [])],
  };
};

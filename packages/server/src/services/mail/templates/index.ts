import type { EmailKind } from '../kinds.js';
import { customerCancelled, customerConfirmed, customerMeetingReady, customerPaymentReceived, customerRescheduled } from './customer-booking.js';
import { customerFollowUp, customerHoldExpired, customerLateRefund, customerReminder, customerStarting } from './customer-session.js';
import { specialistCancelled, specialistNewBooking, specialistRefund, specialistReminder, specialistRescheduled } from './specialist.js';
import type { Template } from './types.js';

/** The template of every kind that is about one booking (the agenda has its own input). */
export const TEMPLATES: Record<Exclude<EmailKind, 'specialist.agenda'>, Template> = {
  'customer.confirmed': customerConfirmed,
  'customer.payment_received': customerPaymentReceived,
  'customer.rescheduled': customerRescheduled,
  'customer.cancelled': customerCancelled,
  'customer.hold_expired': customerHoldExpired,
  'customer.late_refund': customerLateRefund,
  'customer.meeting_ready': customerMeetingReady,
  'customer.reminder': customerReminder,
  'customer.starting': customerStarting,
  'customer.follow_up': customerFollowUp,
  'specialist.new_booking': specialistNewBooking,
  'specialist.rescheduled': specialistRescheduled,
  'specialist.cancelled': specialistCancelled,
  'specialist.reminder': specialistReminder,
  'specialist.refund': specialistRefund,
};

export { specialistAgenda } from './agenda.js';
export type { AgendaInput } from './agenda.js';
export type { Template, TemplateInput, TemplateOutput } from './types.js';

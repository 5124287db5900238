export type { RouteSpec } from './route-spec.js';
export { bodyErrors } from './route-spec.js';
import {
  Booking,
  BookingCancel,
  BookingCreate,
  BookingCreated,
  BookingList,
  BookingListQuery,
  BookingNotes,
  BookingParams,
  BookingReschedule,
  CancellationQuote,
  SessionCancelled,
  SpecialistBooking,
} from './bookings.js';
import { accountRoutes } from './account-routes.js';
import { calendarRoutes } from './calendar-routes.js';
import { customerRoutes } from './customer-routes.js';
import { dataRoutes } from './data-routes.js';
import { notificationRoutes } from './notification-routes.js';
import { recoveryRoutes } from './recovery-routes.js';
import { packageRoutes } from './package-routes.js';
import { reviewRoutes } from './review-routes.js';
import { directoryRoutes } from './directory-routes.js';
import { promoRoutes } from './promo-routes.js';
import { promoRefusals } from './promo-problems.js';
import { paymentRoutes } from './payment-routes.js';
import { webhookRoutes } from './webhook-routes.js';
import { operations, type OperationName } from './operations.js';
import { bodyErrors, type RouteSpec } from './route-spec.js';
import { Slots, SlotsQuery, Specialist, SpecialistParams, SpecialistQuery } from './specialists.js';
import {
  AvailabilityRules,
  CalendarFeed,
  CalendarFeedCreate,
  DateOverride,
  DateOverrideCreate,
  IdParams,
  Recurring,
  RecurringCreate,
  WeeklySchedule,
} from './availability.js';


const coreRoutes = {
  retrieveSpecialist: {
    ...operations.retrieveSpecialist,
    summary: "A specialist's public profile with their active services; with `include=slots`, also the preselected service's first open times.",
    tag: 'Specialists',
    params: SpecialistParams,
    query: SpecialistQuery,
    response: { status: 200, schema: Specialist, description: 'The profile.' },
    errors: ['invalid_request', 'specialist_not_found'],
  },
  listSlots: {
    ...operations.listSlots,
    summary: 'Open start times for a service, grouped by date in the visitor’s zone.',
    tag: 'Specialists',
    params: SpecialistParams,
    query: SlotsQuery,
    response: { status: 200, schema: Slots, description: 'Open start times.' },
    errors: ['invalid_request', 'specialist_not_found', 'service_not_found', 'duration_not_offered', 'invalid_range'],
  },
  createBooking: {
    ...operations.createBooking,
    summary: 'Book an open start time, paying with money or with a package credit. Returns the booking and its manage token.',
    tag: 'Bookings',
    body: BookingCreate,
    response: {
      status: 201,
      schema: BookingCreated,
      description: 'The booking: `confirmed` when free or paid with a credit, `held` until paid for a priced service.',
    },
    errors: [
      ...bodyErrors,
      'specialist_not_found',
      'service_not_found',
      'duration_not_offered',
      'not_a_slot',
      'slot_unavailable',
      'write_contention',
      'origin_not_allowed',
      'specialist_unavailable',
      'specialist_unverified',
      'too_many_holds',
      'credits_not_found',
      'credit_not_applicable',
      'no_credit',
      'rate_limited',
      'idempotency_key_reused',
      'idempotency_key_in_use',
      'stripe_account_required',
      'payment_provider_error',
      'payments_not_configured',
      'price_changed',
      ...promoRefusals,
    ],
  },
  retrieveBooking: {
    ...operations.retrieveBooking,
    summary: 'A booking, for the holder of its manage token.',
    tag: 'Bookings',
    params: BookingParams,
    response: { status: 200, schema: Booking, description: 'The booking.' },
    errors: ['manage_token_required', 'booking_not_found'],
  },
  cancelBooking: {
    ...operations.cancelBooking,
    summary: 'Cancel a booking as its customer; the time is offered again.',
    tag: 'Bookings',
    params: BookingParams,
    body: BookingCancel,
    response: { status: 200, schema: Booking, description: 'The cancelled booking.' },
    errors: [...bodyErrors, 'manage_token_required', 'booking_not_found', 'booking_not_cancellable', 'write_contention'],
  },
  releaseBooking: {
    ...operations.releaseBooking,
    summary:
      'Give up an unpaid hold at once (the customer chose another time): the time is offered again and the payment intent is cancelled. Idempotent.',
    tag: 'Bookings',
    params: BookingParams,
    response: { status: 200, schema: Booking, description: 'The booking, `expired` (or as it already was if it was no longer held).' },
    errors: ['manage_token_required', 'booking_not_found', 'booking_already_paid', 'write_contention'],
  },
  quoteCancellation: {
    ...operations.quoteCancellation,
    summary: 'What cancelling now would do: allowed or not, and the refund — to show before the customer confirms.',
    tag: 'Bookings',
    params: BookingParams,
    response: { status: 200, schema: CancellationQuote, description: 'The quote.' },
    errors: ['manage_token_required', 'booking_not_found'],
  },
  rescheduleBooking: {
    ...operations.rescheduleBooking,
    summary: 'Move a booking to another open time, within the service’s policy; the history is kept.',
    tag: 'Bookings',
    params: BookingParams,
    body: BookingReschedule,
    response: { status: 200, schema: Booking, description: 'The booking at its new time.' },
    errors: [...bodyErrors, 'manage_token_required', 'booking_not_found', 'booking_not_reschedulable', 'not_a_slot', 'slot_unavailable', 'write_contention'],
  },
  listMyBookings: {
    ...operations.listMyBookings,
    summary: 'The calling specialist’s bookings, by start time, filtered by status and dates.',
    tag: 'Specialist bookings',
    query: BookingListQuery,
    response: { status: 200, schema: BookingList, description: 'A page of bookings.' },
    errors: ['invalid_request', 'unauthorized', 'invalid_range'],
  },
  retrieveMyBooking: {
    ...operations.retrieveMyBooking,
    summary: 'One booking with private notes and its full history.',
    tag: 'Specialist bookings',
    params: BookingParams,
    response: { status: 200, schema: SpecialistBooking, description: 'The booking.' },
    errors: ['unauthorized', 'booking_not_found'],
  },
  completeMyBooking: {
    ...operations.completeMyBooking,
    summary: 'Mark a session that has started as completed.',
    tag: 'Specialist bookings',
    params: BookingParams,
    response: { status: 200, schema: SpecialistBooking, description: 'The booking.' },
    errors: ['unauthorized', 'booking_not_found', 'invalid_transition', 'write_contention'],
  },
  markMyBookingNoShow: {
    ...operations.markMyBookingNoShow,
    summary: 'Mark a session that has started as a no-show.',
    tag: 'Specialist bookings',
    params: BookingParams,
    response: { status: 200, schema: SpecialistBooking, description: 'The booking.' },
    errors: ['unauthorized', 'booking_not_found', 'invalid_transition', 'write_contention'],
  },
  cancelMyBooking: {
    ...operations.cancelMyBooking,
    summary: 'Cancel as the specialist: always allowed before the start, always a full refund.',
    tag: 'Specialist bookings',
    params: BookingParams,
    body: BookingCancel,
    response: { status: 200, schema: SpecialistBooking, description: 'The booking.' },
    errors: [...bodyErrors, 'unauthorized', 'booking_not_found', 'booking_not_cancellable', 'write_contention'],
  },
  cancelMySession: {
    ...operations.cancelMySession,
    summary: 'Cancel the whole session a booking is a seat of (a group service): every seat in force, each with a full refund and its attendee told.',
    tag: 'Specialist bookings',
    params: BookingParams,
    body: BookingCancel,
    response: { status: 200, schema: SessionCancelled, description: 'Every seat the cancellation cancelled.' },
    errors: [...bodyErrors, 'unauthorized', 'booking_not_found', 'booking_not_cancellable', 'write_contention'],
  },
  rescheduleMyBooking: {
    ...operations.rescheduleMyBooking,
    summary: 'Move a booking as the specialist (no policy limits); the history is kept.',
    tag: 'Specialist bookings',
    params: BookingParams,
    body: BookingReschedule,
    response: { status: 200, schema: SpecialistBooking, description: 'The booking.' },
    errors: [...bodyErrors, 'unauthorized', 'booking_not_found', 'booking_not_reschedulable', 'not_a_slot', 'slot_unavailable', 'write_contention'],
  },
  updateMyBookingNotes: {
    ...operations.updateMyBookingNotes,
    summary: 'Replace the private notes, and the notes and recording link shared with the customer, on a booking.',
    tag: 'Specialist bookings',
    params: BookingParams,
    body: BookingNotes,
    response: { status: 200, schema: SpecialistBooking, description: 'The booking.' },
    errors: [...bodyErrors, 'unauthorized', 'booking_not_found', 'write_contention'],
  },
  retrieveAvailability: {
    ...operations.retrieveAvailability,
    summary: 'Every availability rule of the calling specialist.',
    tag: 'Availability',
    response: { status: 200, schema: AvailabilityRules, description: 'The rules.' },
    errors: ['unauthorized'],
  },
  replaceWeeklySchedule: {
    ...operations.replaceWeeklySchedule,
    summary: 'Replace the weekly hours and breaks.',
    tag: 'Availability',
    body: WeeklySchedule,
    response: { status: 200, schema: AvailabilityRules, description: 'The rules after the change.' },
    errors: [...bodyErrors, 'unauthorized'],
  },
  createDateOverride: {
    ...operations.createDateOverride,
    summary: 'Other hours, or closed, for a date or a range of dates.',
    tag: 'Availability',
    body: DateOverrideCreate,
    response: { status: 201, schema: DateOverride, description: 'The override.' },
    errors: [...bodyErrors, 'unauthorized', 'limit_reached'],
  },
  deleteDateOverride: {
    ...operations.deleteDateOverride,
    summary: 'Remove a date override.',
    tag: 'Availability',
    params: IdParams,
    response: { status: 200, schema: DateOverride, description: 'The removed override.' },
    errors: ['unauthorized', 'availability_rule_not_found'],
  },
  createRecurring: {
    ...operations.createRecurring,
    summary: 'Extra hours on the dates of an RRULE (e.g. every other Saturday).',
    tag: 'Availability',
    body: RecurringCreate,
    response: { status: 201, schema: Recurring, description: 'The rule.' },
    errors: [...bodyErrors, 'unauthorized', 'invalid_recurrence', 'limit_reached'],
  },
  deleteRecurring: {
    ...operations.deleteRecurring,
    summary: 'Remove a recurring rule.',
    tag: 'Availability',
    params: IdParams,
    response: { status: 200, schema: Recurring, description: 'The removed rule.' },
    errors: ['unauthorized', 'availability_rule_not_found'],
  },
  createCalendarFeed: {
    ...operations.createCalendarFeed,
    summary: 'Block times from an outside calendar’s ICS feed.',
    tag: 'Availability',
    body: CalendarFeedCreate,
    response: { status: 201, schema: CalendarFeed, description: 'The feed.' },
    errors: [...bodyErrors, 'unauthorized', 'invalid_calendar_feed'],
  },
  deleteCalendarFeed: {
    ...operations.deleteCalendarFeed,
    summary: 'Stop using a calendar feed.',
    tag: 'Availability',
    params: IdParams,
    response: { status: 200, schema: CalendarFeed, description: 'The removed feed.' },
    errors: ['unauthorized', 'calendar_feed_not_found'],
  },
  syncCalendarFeed: {
    ...operations.syncCalendarFeed,
    summary: 'Fetch a calendar feed now and say how it went.',
    tag: 'Availability',
    params: IdParams,
    response: { status: 200, schema: CalendarFeed, description: 'The feed with its fresh sync status (a failed fetch is reported in `lastError`, not as an error).' },
    errors: ['unauthorized', 'calendar_feed_not_found', 'rate_limited'],
  },


} as const satisfies Record<string, RouteSpec>;

/**
 * Every endpoint's spec, keyed like `operations`: each is its operation (method, path, auth, kind
 * of input — spread in, written once) with the schemas. The server validates and documents with
 * these; the client is built from `operations` and takes its types from these.
 */
export const routes = { ...coreRoutes, ...accountRoutes, ...paymentRoutes, ...packageRoutes, ...promoRoutes, ...calendarRoutes, ...webhookRoutes, ...notificationRoutes, ...dataRoutes, ...recoveryRoutes, ...customerRoutes, ...reviewRoutes, ...directoryRoutes } satisfies {
  [K in OperationName]: RouteSpec & (typeof operations)[K];
};

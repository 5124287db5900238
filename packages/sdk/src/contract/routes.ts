import { z } from 'zod';
import { BookingCancel, BookingCreate, BookingCreated, BookingParams, Booking } from './bookings.js';
import type { ProblemCode } from './problems.js';
import { Slots, SlotsQuery, Specialist, SpecialistParams } from './specialists.js';
import {
  AvailabilityRules,
  CalendarFeed,
  CalendarFeedCreate,
  DateOverride,
  DateOverrideCreate,
  IdParams,
  Recurring,
  RecurringCreate,
  ServiceDetail,
  ServiceList,
  ServiceRulesUpdate,
  WeeklySchedule,
} from './availability.js';

/** One endpoint of the API: the server validates with these schemas and documents them. */
export interface RouteSpec {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path, `{param}` for parameters. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: { status: number; schema: z.ZodType; description: string };
  errors: ProblemCode[];
  /**
   * `manageToken`: `Authorization: Bearer <manage token>` of the booking;
   * `apiKey`: `Authorization: Bearer <secret API key>` of a specialist.
   */
  auth?: 'manageToken' | 'apiKey';
}

const bodyErrors: ProblemCode[] = ['invalid_request', 'invalid_json', 'payload_too_large', 'unsupported_media_type'];

export const routes = {
  retrieveSpecialist: {
    operationId: 'retrieveSpecialist',
    method: 'get',
    path: '/v1/specialists/{handle}',
    summary: "A specialist's public profile with their active services.",
    tag: 'Specialists',
    params: SpecialistParams,
    response: { status: 200, schema: Specialist, description: 'The profile.' },
    errors: ['invalid_request', 'specialist_not_found'],
  },
  listSlots: {
    operationId: 'listSlots',
    method: 'get',
    path: '/v1/specialists/{handle}/slots',
    summary: 'Open start times for a service, grouped by date in the visitor’s zone.',
    tag: 'Specialists',
    params: SpecialistParams,
    query: SlotsQuery,
    response: { status: 200, schema: Slots, description: 'Open start times.' },
    errors: ['invalid_request', 'specialist_not_found', 'service_not_found', 'duration_not_offered', 'invalid_range'],
  },
  createBooking: {
    operationId: 'createBooking',
    method: 'post',
    path: '/v1/bookings',
    summary: 'Book an open start time. Returns the booking and its manage token.',
    tag: 'Bookings',
    body: BookingCreate,
    response: { status: 201, schema: BookingCreated, description: 'The booking, confirmed.' },
    errors: [...bodyErrors, 'specialist_not_found', 'service_not_found', 'duration_not_offered', 'not_a_slot', 'slot_unavailable', 'payment_required'],
  },
  retrieveBooking: {
    operationId: 'retrieveBooking',
    method: 'get',
    path: '/v1/bookings/{id}',
    summary: 'A booking, for the holder of its manage token.',
    tag: 'Bookings',
    params: BookingParams,
    response: { status: 200, schema: Booking, description: 'The booking.' },
    errors: ['manage_token_required', 'booking_not_found'],
    auth: 'manageToken',
  },
  cancelBooking: {
    operationId: 'cancelBooking',
    method: 'post',
    path: '/v1/bookings/{id}/cancel',
    summary: 'Cancel a booking as its customer; the time is offered again.',
    tag: 'Bookings',
    params: BookingParams,
    body: BookingCancel,
    response: { status: 200, schema: Booking, description: 'The cancelled booking.' },
    errors: [...bodyErrors, 'manage_token_required', 'booking_not_found', 'booking_not_cancellable'],
    auth: 'manageToken',
  },
  retrieveAvailability: {
    operationId: 'retrieveAvailability',
    method: 'get',
    path: '/v1/me/availability',
    summary: 'Every availability rule of the calling specialist.',
    tag: 'Availability',
    response: { status: 200, schema: AvailabilityRules, description: 'The rules.' },
    errors: ['unauthorized'],
    auth: 'apiKey',
  },
  replaceWeeklySchedule: {
    operationId: 'replaceWeeklySchedule',
    method: 'put',
    path: '/v1/me/availability/weekly',
    summary: 'Replace the weekly hours and breaks.',
    tag: 'Availability',
    body: WeeklySchedule,
    response: { status: 200, schema: AvailabilityRules, description: 'The rules after the change.' },
    errors: [...bodyErrors, 'unauthorized'],
    auth: 'apiKey',
  },
  createDateOverride: {
    operationId: 'createDateOverride',
    method: 'post',
    path: '/v1/me/availability/overrides',
    summary: 'Other hours, or closed, for a date or a range of dates.',
    tag: 'Availability',
    body: DateOverrideCreate,
    response: { status: 201, schema: DateOverride, description: 'The override.' },
    errors: [...bodyErrors, 'unauthorized'],
    auth: 'apiKey',
  },
  deleteDateOverride: {
    operationId: 'deleteDateOverride',
    method: 'delete',
    path: '/v1/me/availability/overrides/{id}',
    summary: 'Remove a date override.',
    tag: 'Availability',
    params: IdParams,
    response: { status: 200, schema: DateOverride, description: 'The removed override.' },
    errors: ['unauthorized', 'availability_rule_not_found'],
    auth: 'apiKey',
  },
  createRecurring: {
    operationId: 'createRecurring',
    method: 'post',
    path: '/v1/me/availability/recurring',
    summary: 'Extra hours on the dates of an RRULE (e.g. every other Saturday).',
    tag: 'Availability',
    body: RecurringCreate,
    response: { status: 201, schema: Recurring, description: 'The rule.' },
    errors: [...bodyErrors, 'unauthorized'],
    auth: 'apiKey',
  },
  deleteRecurring: {
    operationId: 'deleteRecurring',
    method: 'delete',
    path: '/v1/me/availability/recurring/{id}',
    summary: 'Remove a recurring rule.',
    tag: 'Availability',
    params: IdParams,
    response: { status: 200, schema: Recurring, description: 'The removed rule.' },
    errors: ['unauthorized', 'availability_rule_not_found'],
    auth: 'apiKey',
  },
  createCalendarFeed: {
    operationId: 'createCalendarFeed',
    method: 'post',
    path: '/v1/me/calendar-feeds',
    summary: 'Block times from an outside calendar’s ICS feed.',
    tag: 'Availability',
    body: CalendarFeedCreate,
    response: { status: 201, schema: CalendarFeed, description: 'The feed.' },
    errors: [...bodyErrors, 'unauthorized', 'invalid_calendar_feed'],
    auth: 'apiKey',
  },
  deleteCalendarFeed: {
    operationId: 'deleteCalendarFeed',
    method: 'delete',
    path: '/v1/me/calendar-feeds/{id}',
    summary: 'Stop using a calendar feed.',
    tag: 'Availability',
    params: IdParams,
    response: { status: 200, schema: CalendarFeed, description: 'The removed feed.' },
    errors: ['unauthorized', 'calendar_feed_not_found'],
    auth: 'apiKey',
  },
  listMyServices: {
    operationId: 'listMyServices',
    method: 'get',
    path: '/v1/me/services',
    summary: 'The calling specialist’s services with their scheduling rules.',
    tag: 'Services',
    response: { status: 200, schema: ServiceList, description: 'The services.' },
    errors: ['unauthorized'],
    auth: 'apiKey',
  },
  updateServiceRules: {
    operationId: 'updateServiceRules',
    method: 'patch',
    path: '/v1/me/services/{id}',
    summary: 'Change a service’s durations and prices, step, buffers, notice, advance window and caps.',
    tag: 'Services',
    params: IdParams,
    body: ServiceRulesUpdate,
    response: { status: 200, schema: ServiceDetail, description: 'The service after the change.' },
    errors: [...bodyErrors, 'unauthorized', 'service_not_found'],
    auth: 'apiKey',
  },
} as const satisfies Record<string, RouteSpec>;

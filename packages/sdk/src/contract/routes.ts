import { z } from 'zod';
import { BookingCancel, BookingCreate, BookingCreated, BookingParams, Booking } from './bookings.js';
import type { ProblemCode } from './problems.js';
import { Slots, SlotsQuery, Specialist, SpecialistParams } from './specialists.js';

/** One endpoint of the API: the server validates with these schemas and documents them. */
export interface RouteSpec {
  operationId: string;
  method: 'get' | 'post';
  /** OpenAPI-style path, `{param}` for parameters. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: { status: number; schema: z.ZodType; description: string };
  errors: ProblemCode[];
  /** `manageToken`: `Authorization: Bearer <manage token>` of the booking. */
  auth?: 'manageToken';
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
} as const satisfies Record<string, RouteSpec>;

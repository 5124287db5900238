/**
 * Every error the API answers with. The `code` is stable: integrators branch on it, so a code is
 * never renamed or reused for another meaning.
 */
import { accountProblemCodes } from './account-problems.js';
import { dataProblemCodes } from './data-problems.js';
import { holdProblemCodes } from './hold-problems.js';
import { packageProblemCodes } from './package-problems.js';
import { reviewProblemCodes } from './review-problems.js';
import { promoProblemCodes } from './promo-problems.js';
import { webhookProblemCodes } from './webhook-problems.js';

const coreProblemCodes = {
  invalid_request: { status: 400, title: 'The request is not valid' },
  invalid_json: { status: 400, title: 'The body is not valid JSON' },
  manage_token_required: { status: 401, title: 'A manage token is required' },
  unauthorized: { status: 401, title: 'A valid API key is required' },
  not_found: { status: 404, title: 'Nothing here' },
  specialist_not_found: { status: 404, title: 'Specialist not found' },
  service_not_found: { status: 404, title: 'Service not found' },
  booking_not_found: { status: 404, title: 'Booking not found' },
  availability_rule_not_found: { status: 404, title: 'Availability rule not found' },
  calendar_feed_not_found: { status: 404, title: 'Calendar feed not found' },
  origin_not_allowed: { status: 403, title: 'This site may not book for this specialist' },
  invalid_signature: { status: 400, title: 'The webhook signature is not valid' },
  stripe_account_required: { status: 409, title: 'Connect a Stripe account first' },
  payment_not_found: { status: 404, title: 'Payment not found' },
  payment_provider_error: { status: 502, title: 'The payment provider did not answer as expected' },
  payments_not_configured: { status: 503, title: 'This server takes no payments' },
  write_contention: { status: 503, title: 'Too many changes to this calendar at once' },
  price_changed: { status: 409, title: 'The price changed meanwhile' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  slot_unavailable: { status: 409, title: 'That time is no longer available' },
  booking_not_cancellable: { status: 409, title: 'The booking cannot be cancelled' },
  booking_not_reschedulable: { status: 409, title: 'The booking cannot be rescheduled' },
  invalid_transition: { status: 409, title: 'The booking is not in a state that allows this' },
  idempotency_key_in_use: { status: 409, title: 'A request with this idempotency key is still running' },
  payload_too_large: { status: 413, title: 'The body is too large' },
  rate_limited: { status: 429, title: 'Too many requests' },
  customer_link_invalid: { status: 400, title: 'The "My bookings" link is not valid any more' },
  customer_session_required: { status: 401, title: 'A "My bookings" session is required' },
  customer_session_invalid: { status: 401, title: 'The "My bookings" session has ended' },
  too_many_holds: { status: 429, title: 'Too many unpaid bookings at once' },
  unsupported_media_type: { status: 415, title: 'Send JSON' },
  duration_not_offered: { status: 422, title: 'The service does not offer that duration' },
  idempotency_key_reused: { status: 422, title: 'The idempotency key was used for another request' },
  invalid_range: { status: 422, title: 'The date range is not valid' },
  not_a_slot: { status: 422, title: 'That time is not a bookable slot' },
  invalid_calendar_feed: { status: 422, title: 'The calendar feed cannot be used' },
  invalid_recurrence: { status: 422, title: 'The recurring rule cannot be used' },
  limit_reached: { status: 409, title: 'The limit for these is reached' },
  payment_required: { status: 422, title: 'The service needs payment' },
  not_supported_here: { status: 501, title: 'Not available on this server yet' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: number; title: string }>;

export const problemCodes = { ...coreProblemCodes, ...holdProblemCodes, ...accountProblemCodes, ...packageProblemCodes, ...promoProblemCodes, ...webhookProblemCodes, ...dataProblemCodes, ...reviewProblemCodes };

export type ProblemCode = keyof typeof problemCodes;

/** The `type` URI of a problem document for `code`. */
export function problemType(code: ProblemCode): string {
  return `https://slotwise.dev/problems/${code.replaceAll('_', '-')}`;
}

import type { ProblemCode } from './problems.js';
import { BookingParams } from './bookings.js';
import { IdParams } from './availability.js';
import { operations } from './operations.js';
import { Review, ReviewAnswer, ReviewCreate, ReviewDetail, ReviewDetailList, ReviewHide, ReviewList, ReviewListQuery } from './reviews.js';
import { bodyErrors, type RouteSpec } from './route-spec.js';
import { SpecialistParams } from './specialists.js';

const meErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];

/** Verified reviews: written by the customer of a completed booking, answered by the specialist, hidden by an operator. */
export const reviewRoutes = {
  createReview: {
    ...operations.createReview,
    summary: 'Review a completed session, once, with its manage token: a rating of 1–5 and a text.',
    tag: 'Reviews',
    params: BookingParams,
    body: ReviewCreate,
    response: { status: 201, schema: Review, description: 'The review, as it is shown on the profile.' },
    errors: [...bodyErrors, 'manage_token_required', 'booking_not_found', 'review_not_allowed', 'already_reviewed', 'rate_limited'],
  },
  retrieveBookingReview: {
    ...operations.retrieveBookingReview,
    summary: 'The review of this booking, if its customer wrote one.',
    tag: 'Reviews',
    params: BookingParams,
    response: { status: 200, schema: Review, description: 'The review (shown even when hidden to the one who wrote it).' },
    errors: ['manage_token_required', 'booking_not_found', 'review_not_found', 'rate_limited'],
  },
  listSpecialistReviews: {
    ...operations.listSpecialistReviews,
    summary: "A specialist's reviews, newest first, hidden ones left out; page with `cursor`.",
    tag: 'Reviews',
    params: SpecialistParams,
    query: ReviewListQuery,
    response: { status: 200, schema: ReviewList, description: 'One page of reviews.' },
    errors: ['invalid_request', 'specialist_not_found'],
  },
  listMyReviews: {
    ...operations.listMyReviews,
    summary: 'Your reviews, newest first, hidden ones included (with the reason).',
    tag: 'Reviews',
    query: ReviewListQuery,
    response: { status: 200, schema: ReviewDetailList, description: 'One page of reviews.' },
    errors: ['invalid_request', ...meErrors],
  },
  respondToMyReview: {
    ...operations.respondToMyReview,
    summary: 'Answer one of your reviews publicly, once.',
    tag: 'Reviews',
    params: IdParams,
    body: ReviewAnswer,
    response: { status: 200, schema: ReviewDetail, description: 'The review with your response.' },
    errors: [...bodyErrors, ...meErrors, 'review_not_found', 'review_already_answered'],
  },
  listOperatorSpecialistReviews: {
    ...operations.listOperatorSpecialistReviews,
    summary: "A specialist's reviews for an operator, newest first, hidden ones included (with who hid them and why); page with `cursor`.",
    tag: 'Operator',
    params: IdParams,
    query: ReviewListQuery,
    response: { status: 200, schema: ReviewDetailList, description: 'One page of reviews.' },
    errors: ['invalid_request', ...meErrors, 'specialist_not_found'],
  },
  hideReview: {
    ...operations.hideReview,
    summary: 'Hide a review with a reason: it is kept for audit, no longer shown nor counted in the rating.',
    tag: 'Operator',
    params: IdParams,
    body: ReviewHide,
    response: { status: 200, schema: ReviewDetail, description: 'The review, hidden.' },
    errors: [...bodyErrors, ...meErrors, 'review_not_found', 'review_already_hidden'],
  },
  showReview: {
    ...operations.showReview,
    summary: 'Show a hidden review again (one hidden by mistake): shown publicly and counted in the rating once more.',
    tag: 'Operator',
    params: IdParams,
    response: { status: 200, schema: ReviewDetail, description: 'The review, shown.' },
    errors: [...meErrors, 'review_not_found', 'review_not_hidden'],
  },
} as const satisfies Record<string, RouteSpec>;

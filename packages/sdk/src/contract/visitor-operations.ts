import type { Operation } from './operations.js';

/**
 * The operations a visitor's browser calls — the public profile and slots, a booking by its manage
 * token, paying, credits and "My bookings" — split from the rest of `operations` (which spreads
 * this table first) so the widget's client (`createVisitorClient`) ships these entries only, not
 * every endpoint of the API. Imports nothing at runtime, like `operations.ts`.
 */
export const visitorOperations = /* @__PURE__ */ named({
  // Public: profiles, slots, and a booking by its manage token
  retrieveSpecialist: { method: 'get', path: '/v1/specialists/{handle}', input: 'query' },
  listSlots: { method: 'get', path: '/v1/specialists/{handle}/slots', input: 'query' },
  checkPromoCode: { method: 'get', path: '/v1/specialists/{handle}/promo-codes/{code}', input: 'query' },
  createBooking: { method: 'post', path: '/v1/bookings', input: 'body' },
  retrieveBooking: { method: 'get', path: '/v1/bookings/{id}', auth: 'manageToken' },
  cancelBooking: { method: 'post', path: '/v1/bookings/{id}/cancel', auth: 'manageToken', input: 'body' },
  quoteCancellation: { method: 'get', path: '/v1/bookings/{id}/cancellation', auth: 'manageToken' },
  rescheduleBooking: { method: 'post', path: '/v1/bookings/{id}/reschedule', auth: 'manageToken', input: 'body' },
  releaseBooking: { method: 'post', path: '/v1/bookings/{id}/release', auth: 'manageToken' },

  // Reviews: a completed booking's customer writes one with its manage token; anyone reads them (review-routes.ts)
  createReview: { method: 'post', path: '/v1/bookings/{id}/review', auth: 'manageToken', input: 'body' },
  retrieveBookingReview: { method: 'get', path: '/v1/bookings/{id}/review', auth: 'manageToken' },
  listSpecialistReviews: { method: 'get', path: '/v1/specialists/{handle}/reviews', input: 'query' },

  // Paying for a booking or a package purchase (payment-routes.ts)
  syncBookingPayment: { method: 'post', path: '/v1/bookings/{id}/payment/sync', auth: 'manageToken' },
  confirmTestPayment: { method: 'post', path: '/v1/test-payments/{id}/confirm', auth: 'manageToken', input: 'body' },
  confirmTestPurchasePayment: { method: 'post', path: '/v1/test-payments/{id}/confirm-purchase', auth: 'creditsToken', input: 'body' },

  // Packages and credits, by a purchase's credits token (package-routes.ts)
  purchasePackage: { method: 'post', path: '/v1/packages/{id}/purchases', input: 'body' },
  retrieveCredits: { method: 'get', path: '/v1/credits', auth: 'creditsToken' },
  syncPurchasePayment: { method: 'post', path: '/v1/package-purchases/{id}/payment/sync', auth: 'creditsToken' },

  // "My bookings": a customer's own bookings by an emailed link (customer-routes.ts)
  requestCustomerLink: { method: 'post', path: '/v1/specialists/{handle}/my-bookings/link', input: 'body' },
  openCustomerSession: { method: 'post', path: '/v1/specialists/{handle}/my-bookings/session', input: 'body' },
  listCustomerBookings: { method: 'get', path: '/v1/my-bookings', auth: 'customerSession' },
  endCustomerSession: { method: 'post', path: '/v1/my-bookings/sign-out', input: 'body' },
});

export type VisitorOperationName = keyof typeof visitorOperations;

export type Entry = Omit<Operation, 'operationId'> & { operationId?: string };
export type Named<T extends Record<string, Entry>> = {
  [K in keyof T]: T[K] & { operationId: T[K] extends { operationId: infer Id extends string } ? Id : K & string };
};

/** Sets each entry's `operationId` to its key unless it says otherwise. */
export function named<const T extends Record<string, Entry>>(table: T): Named<T> {
  return Object.fromEntries(Object.entries(table).map(([key, entry]) => [key, { operationId: key, ...entry }])) as Named<T>;
}

/**
 * Every endpoint's method, path, credentials and kind of input, without its schemas. This module
 * imports nothing: the client is built from it at runtime (so no zod ships in the widget), and
 * the route specs (`routes.ts`) spread each entry and attach the schemas, so a method, a path or
 * an auth kind is written here and nowhere else.
 */
import { named, visitorOperations } from './visitor-operations.js';

export interface Operation {
  /** OpenAPI `operationId`: unique, stable. */
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path, `{param}` for parameters. */
  path: string;
  /**
   * `manageToken`: `Authorization: Bearer <manage token>` of the booking;
   * `apiKey`: `Authorization: Bearer <secret API key or access token>` of a specialist;
   * `operator`: `Authorization: Bearer <access token>` of an operator;
   * `creditsToken`: `Authorization: Bearer <credits token>` of a package purchase;
   * `customerSession`: `Authorization: Bearer <session token>` of "My bookings".
   * None: a public endpoint.
   */
  auth?: 'manageToken' | 'apiKey' | 'operator' | 'creditsToken' | 'customerSession';
  /** What the caller sends besides the path's parameters: a JSON `body`, or a `query`. */
  input?: 'body' | 'query';
}

/**
 * Keyed like `routes`. An operation's `operationId` is its key unless it says otherwise. The
 * visitor's operations are in `visitor-operations.ts`, spread first.
 */
// `Object.assign` marked pure rather than a spread, so bundlers drop the table when nothing reads it.
export const operations = /* @__PURE__ */ Object.assign({}, visitorOperations, /* @__PURE__ */ named({
  // The specialist's bookings
  listMyBookings: { method: 'get', path: '/v1/me/bookings', auth: 'apiKey', input: 'query' },
  retrieveMyBooking: { method: 'get', path: '/v1/me/bookings/{id}', auth: 'apiKey' },
  completeMyBooking: { method: 'post', path: '/v1/me/bookings/{id}/complete', auth: 'apiKey' },
  markMyBookingNoShow: { method: 'post', path: '/v1/me/bookings/{id}/no-show', auth: 'apiKey' },
  cancelMyBooking: { method: 'post', path: '/v1/me/bookings/{id}/cancel', auth: 'apiKey', input: 'body' },
  cancelMySession: { method: 'post', path: '/v1/me/bookings/{id}/cancel-session', auth: 'apiKey', input: 'body' },
  rescheduleMyBooking: { method: 'post', path: '/v1/me/bookings/{id}/reschedule', auth: 'apiKey', input: 'body' },
  updateMyBookingNotes: { method: 'put', path: '/v1/me/bookings/{id}/notes', auth: 'apiKey', input: 'body' },

  // Availability and calendar feeds
  retrieveAvailability: { method: 'get', path: '/v1/me/availability', auth: 'apiKey' },
  replaceWeeklySchedule: { method: 'put', path: '/v1/me/availability/weekly', auth: 'apiKey', input: 'body' },
  createDateOverride: { method: 'post', path: '/v1/me/availability/overrides', auth: 'apiKey', input: 'body' },
  deleteDateOverride: { method: 'delete', path: '/v1/me/availability/overrides/{id}', auth: 'apiKey' },
  createRecurring: { method: 'post', path: '/v1/me/availability/recurring', auth: 'apiKey', input: 'body' },
  deleteRecurring: { method: 'delete', path: '/v1/me/availability/recurring/{id}', auth: 'apiKey' },
  createCalendarFeed: { method: 'post', path: '/v1/me/calendar-feeds', auth: 'apiKey', input: 'body' },
  deleteCalendarFeed: { method: 'delete', path: '/v1/me/calendar-feeds/{id}', auth: 'apiKey' },
  syncCalendarFeed: { method: 'post', path: '/v1/me/calendar-feeds/{id}/sync', auth: 'apiKey' },

  // Sign-up and login
  signup: { method: 'post', path: '/v1/auth/signup', input: 'body' },
  login: { method: 'post', path: '/v1/auth/login', input: 'body' },
  refreshTokens: { method: 'post', path: '/v1/auth/refresh', input: 'body' },
  logout: { method: 'post', path: '/v1/auth/logout', input: 'body' },

  // Profile, API keys and services
  retrieveProfile: { method: 'get', path: '/v1/me', auth: 'apiKey' },
  updateProfile: { method: 'patch', path: '/v1/me', auth: 'apiKey', input: 'body' },
  listApiKeys: { method: 'get', path: '/v1/me/api-keys', auth: 'apiKey' },
  createApiKey: { method: 'post', path: '/v1/me/api-keys', auth: 'apiKey', input: 'body' },
  revokeApiKey: { method: 'delete', path: '/v1/me/api-keys/{id}', auth: 'apiKey' },
  rotateApiKey: { method: 'post', path: '/v1/me/api-keys/{id}/rotate', auth: 'apiKey' },
  listMyServices: { method: 'get', path: '/v1/me/services', auth: 'apiKey' },
  retrieveService: { method: 'get', path: '/v1/me/services/{id}', auth: 'apiKey' },
  createService: { method: 'post', path: '/v1/me/services', auth: 'apiKey', input: 'body' },
  // Keeps the key of the first version of this API (`routes.updateServiceRules`); the operation is `updateService`.
  updateServiceRules: { operationId: 'updateService', method: 'patch', path: '/v1/me/services/{id}', auth: 'apiKey', input: 'body' },
  archiveService: { method: 'delete', path: '/v1/me/services/{id}', auth: 'apiKey' },

  // Operator
  retrievePlatformSettings: { method: 'get', path: '/v1/operator/settings', auth: 'operator' },
  updatePlatformSettings: { method: 'patch', path: '/v1/operator/settings', auth: 'operator', input: 'body' },

  // Account recovery and verification, and the operator's specialists (recovery-routes.ts)
  requestPasswordReset: { method: 'post', path: '/v1/auth/password-reset', input: 'body' },
  confirmPasswordReset: { method: 'post', path: '/v1/auth/password-reset/confirm', input: 'body' },
  verifyEmail: { method: 'post', path: '/v1/auth/verify-email', input: 'body' },
  resendEmailVerification: { method: 'post', path: '/v1/me/email-verification', auth: 'apiKey' },
  listOperatorSpecialists: { method: 'get', path: '/v1/operator/specialists', auth: 'operator', input: 'query' },
  suspendSpecialist: { method: 'post', path: '/v1/operator/specialists/{id}/suspend', auth: 'operator', input: 'body' },
  reactivateSpecialist: { method: 'post', path: '/v1/operator/specialists/{id}/reactivate', auth: 'operator' },

  // Payments
  retrieveStripeStatus: { method: 'get', path: '/v1/me/stripe', auth: 'apiKey' },
  createStripeOnboarding: { method: 'post', path: '/v1/me/stripe/onboarding', auth: 'apiKey', input: 'body' },
  listMyPayments: { method: 'get', path: '/v1/me/payments', auth: 'apiKey', input: 'query' },
  retrieveMyEarnings: { method: 'get', path: '/v1/me/earnings', auth: 'apiKey', input: 'query' },

  // Packages and credits
  listMyPackages: { method: 'get', path: '/v1/me/packages', auth: 'apiKey' },
  createMyPackage: { method: 'post', path: '/v1/me/packages', auth: 'apiKey', input: 'body' },
  retrieveMyPackage: { method: 'get', path: '/v1/me/packages/{id}', auth: 'apiKey' },
  updateMyPackage: { method: 'patch', path: '/v1/me/packages/{id}', auth: 'apiKey', input: 'body' },
  archiveMyPackage: { method: 'delete', path: '/v1/me/packages/{id}', auth: 'apiKey' },
  listMyPackagePurchases: { method: 'get', path: '/v1/me/package-purchases', auth: 'apiKey', input: 'query' },
  refundMyPackagePurchase: { method: 'post', path: '/v1/me/package-purchases/{id}/refund', auth: 'apiKey', input: 'body' },

  // Promo codes (promo-routes.ts)
  listMyPromoCodes: { method: 'get', path: '/v1/me/promo-codes', auth: 'apiKey' },
  createMyPromoCode: { method: 'post', path: '/v1/me/promo-codes', auth: 'apiKey', input: 'body' },
  deactivateMyPromoCode: { method: 'delete', path: '/v1/me/promo-codes/{id}', auth: 'apiKey' },
  updateMyPromoCode: { method: 'patch', path: '/v1/me/promo-codes/{id}', auth: 'apiKey', input: 'body' },

  // The specialist's private calendar feed of bookings (the files themselves: calendar-files.ts)
  createBookingsFeed: { method: 'post', path: '/v1/me/calendar-feed', auth: 'apiKey' },
  revokeBookingsFeed: { method: 'delete', path: '/v1/me/calendar-feed', auth: 'apiKey' },

  // Outgoing webhooks (webhook-routes.ts)
  listWebhookEndpoints: { method: 'get', path: '/v1/me/webhooks', auth: 'apiKey' },
  createWebhookEndpoint: { method: 'post', path: '/v1/me/webhooks', auth: 'apiKey', input: 'body' },
  retrieveWebhookEndpoint: { method: 'get', path: '/v1/me/webhooks/{id}', auth: 'apiKey' },
  updateWebhookEndpoint: { method: 'patch', path: '/v1/me/webhooks/{id}', auth: 'apiKey', input: 'body' },
  deleteWebhookEndpoint: { method: 'delete', path: '/v1/me/webhooks/{id}', auth: 'apiKey' },
  rotateWebhookSecret: { method: 'post', path: '/v1/me/webhooks/{id}/rotate', auth: 'apiKey' },
  listWebhookDeliveries: { method: 'get', path: '/v1/me/webhooks/{id}/deliveries', auth: 'apiKey', input: 'query' },
  redeliverWebhook: { method: 'post', path: '/v1/me/webhooks/{id}/deliveries/{deliveryId}/redeliver', auth: 'apiKey' },

  // In-app notifications (notification-routes.ts)
  listMyNotifications: { method: 'get', path: '/v1/me/notifications', auth: 'apiKey', input: 'query' },
  markMyNotificationsRead: { method: 'post', path: '/v1/me/notifications/read', auth: 'apiKey', input: 'body' },

  // A specialist's data: export, closing the account; the operator's erasure (data-routes.ts; CSV files: data.ts)
  retrieveMyExport: { method: 'get', path: '/v1/me/export', auth: 'apiKey' },
  closeMyAccount: { method: 'post', path: '/v1/me/close', auth: 'apiKey', input: 'body' },
  // The public directory of specialists (directory-routes.ts)
  searchSpecialists: { method: 'get', path: '/v1/specialists', input: 'query' },
  // Reviews: the specialist's answers, the operator's hiding (review-routes.ts)
  listMyReviews: { method: 'get', path: '/v1/me/reviews', auth: 'apiKey', input: 'query' },
  respondToMyReview: { method: 'post', path: '/v1/me/reviews/{id}/response', auth: 'apiKey', input: 'body' },
  hideReview: { method: 'post', path: '/v1/operator/reviews/{id}/hide', auth: 'operator', input: 'body' },
  showReview: { method: 'post', path: '/v1/operator/reviews/{id}/show', auth: 'operator' },
  listOperatorSpecialistReviews: { method: 'get', path: '/v1/operator/specialists/{id}/reviews', auth: 'operator', input: 'query' },
  eraseCustomer: { method: 'post', path: '/v1/operator/customers/erase', auth: 'operator', input: 'body' },
  }),
);

export type OperationName = keyof typeof operations;

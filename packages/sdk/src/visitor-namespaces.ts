import type { VisitorOperationName } from './contract/visitor-operations.js';

/**
 * The namespaces a visitor's browser calls (the booking widget): profiles and slots, a booking by
 * its manage token, paying, packages and credits, "My bookings". Every leaf is an operation of
 * `visitorOperations`, so `createVisitorClient` needs that table only. `namespaces` spreads these
 * first: one tree, written once.
 */
export const visitorNamespaces = {
  specialists: {
    /** The public profile of `handle`, with its active services. */
    retrieve: 'retrieveSpecialist',
    /** Open start times, grouped by date in `query.timezone`. */
    slots: 'listSlots',
    /** What promo code `code` does to a service's price now (`{ service, duration? }`); the booking checks it again. */
    checkPromoCode: 'checkPromoCode',
  },
  bookings: {
    /** Books an open time. Keep the returned `manageToken`: it is shown once. */
    create: 'createBooking',
    retrieve: 'retrieveBooking',
    cancel: 'cancelBooking',
    /** What cancelling now would do — allowed or not, and the refund — to show before confirming. */
    cancellationQuote: 'quoteCancellation',
    /** Moves the booking to another open time, within the service's policy. */
    reschedule: 'rescheduleBooking',
    /** Gives up an unpaid hold at once (the payment step's way back): the time is offered again. Idempotent. */
    release: 'releaseBooking',
  },
  /** Verified reviews: only the customer of a completed booking writes one, once. */
  reviews: {
    /** Reviews the completed booking `id` with its manage token: `{ rating: 1–5, text }`. */
    create: 'createReview',
    /** The review the booking's customer wrote, if any. */
    retrieve: 'retrieveBookingReview',
    /** A specialist's visible reviews, newest first; pass `nextCursor` as `cursor`. */
    list: 'listSpecialistReviews',
  },
  payments: {
    /** Asks the server to read the payment from the provider now (after Stripe.js confirmed it). */
    sync: 'syncBookingPayment',
    /** Offline test-payments mode only: pay or decline as the booking's customer would. */
    confirmTest: 'confirmTestPayment',
    /** Offline test-payments mode only: pay or decline a package purchase as its customer would. */
    confirmTestPurchase: 'confirmTestPurchasePayment',
  },
  packages: {
    /** Buys package `id`. Keep the returned `creditsToken`: it is shown once. Pay with `paymentSession`. */
    purchase: 'purchasePackage',
    /** Asks the server to read the purchase's payment from the provider now; answers the purchase and its credits. */
    syncPayment: 'syncPurchasePayment',
  },
  credits: {
    /** What is left of the credits the token reaches, and when each lot expires. */
    retrieve: 'retrieveCredits',
  },
  /** A customer's own bookings with one specialist, by an emailed link: no account, no password. */
  myBookings: {
    /** Emails a single-use link (15 minutes) if the address has bookings or credits with `handle`; answers alike either way. */
    requestLink: 'requestCustomerLink',
    /** Spends the link's token (once) for a `sessionToken` (1 hour). */
    openSession: 'openCustomerSession',
    /** Upcoming and past bookings with the session's specialist, each with a manage token, and the credits left. */
    list: 'listCustomerBookings',
    /** Ends the session (`{ sessionToken }`): its token stops working. */
    signOut: 'endCustomerSession',
  },
} as const satisfies VisitorTree;

/** A tree whose leaves are visitor operations only: a leaf outside `visitorOperations` does not compile. */
interface VisitorTree {
  readonly [name: string]: VisitorOperationName | VisitorTree;
}

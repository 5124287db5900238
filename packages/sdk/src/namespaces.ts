import type { OperationName } from './contract/operations.js';
import { visitorNamespaces } from './visitor-namespaces.js';

/**
 * The client's namespaces: which method calls which operation. Everything else about a method —
 * HTTP method, path, credentials, argument and answer types — comes from the operation and its
 * route spec. `namespaces.test.ts` checks that every route spec has exactly one method here.
 */
export const namespaces = {
  // ── What a visitor's browser may call: `visitor-namespaces.ts`
  ...visitorNamespaces,
  /** The public directory of specialists (not in the visitor's client: the booking widget never searches). */
  directory: {
    /** Search, filter and sort listed specialists; pass `nextCursor` as `cursor` with the same filters. */
    search: 'searchSpecialists',
  },

  // ── Accounts ───────────────────────────────────────────────────────────────────────────────
  auth: {
    /** Creates a specialist account and its profile; returns tokens like `login`. */
    signup: 'signup',
    /** An access token (15 minutes) and a single-use refresh token. */
    login: 'login',
    /** Spends `refreshToken` for new tokens; keep the new refresh token, the old one is dead. */
    refresh: 'refreshTokens',
    /** Ends the login `refreshToken` belongs to. */
    logout: 'logout',
    passwordReset: {
      /** Emails a single-use reset link (1 hour); answers the same whether or not the email has an account. */
      request: 'requestPasswordReset',
      /** Sets the new password with the link's token, ends every other login, and returns tokens like `login`. */
      confirm: 'confirmPasswordReset',
    },
    /** Marks the login email verified with the token of the emailed link (24 hours). */
    verifyEmail: 'verifyEmail',
  },
  operator: {
    /** Platform settings; an operator's access token only. */
    settings: { retrieve: 'retrievePlatformSettings', update: 'updatePlatformSettings' },
    reviews: {
      /** Hides a review with a reason (kept for audit; no longer shown nor counted). */
      hide: 'hideReview',
      show: 'showReview',
      /** A specialist's reviews by the specialist's id, newest first, hidden ones included; page with `cursor`. */
      listForSpecialist: 'listOperatorSpecialistReviews',
    },
    customers: {
      /** Replaces a customer's personal data with a placeholder across specialists; payments' amounts stay. */
      erase: 'eraseCustomer',
    },
    specialists: {
      /** Newest first; `q` searches handle, name and email; pass the last id as `starting_after`. */
      list: 'listOperatorSpecialists',
      /** No new bookings until reactivated; existing bookings and their login stay. */
      suspend: 'suspendSpecialist',
      reactivate: 'reactivateSpecialist',
    },
  },

  /** The calling specialist's own data; needs `apiKey` (a secret key or an access token). */
  me: {
    profile: { retrieve: 'retrieveProfile', update: 'updateProfile' },
    /** Emails a new verification link to the login email (until `profile.emailVerified`). */
    emailVerification: { resend: 'resendEmailVerification' },
    apiKeys: {
      list: 'listApiKeys',
      /** The returned `key` is shown once. */
      create: 'createApiKey',
      revoke: 'revokeApiKey',
      /** A new key with the same name; the old one stops working at once. */
      rotate: 'rotateApiKey',
    },
    services: {
      list: 'listMyServices',
      retrieve: 'retrieveService',
      create: 'createService',
      /** Changes any field: name, durations and prices, scheduling rules, policy, `active`. */
      update: 'updateServiceRules',
      /** Stops offering the service; its bookings stay. `update(id, { active: true })` offers it again. */
      archive: 'archiveService',
    },
    bookings: {
      /** By start time; `status` is a list; pass the last id as `starting_after` for the next page. */
      list: 'listMyBookings',
      /** With private notes and the full event history. */
      retrieve: 'retrieveMyBooking',
      complete: 'completeMyBooking',
      markNoShow: 'markMyBookingNoShow',
      /** Always allowed before the start; refunds in full. */
      cancel: 'cancelMyBooking',
      /** Every seat of the session this booking is a seat of (group services); each refunded in full. */
      cancelSession: 'cancelMySession',
      reschedule: 'rescheduleMyBooking',
      updateNotes: 'updateMyBookingNotes',
    },
    reviews: {
      /** Newest first, hidden ones included; pass `nextCursor` as `cursor`. */
      list: 'listMyReviews',
      /** Your public answer to a review, once. */
      respond: 'respondToMyReview',
    },
    availability: {
      retrieve: 'retrieveAvailability',
      /** Replaces all weekly hours and breaks at once. */
      replaceWeekly: 'replaceWeeklySchedule',
      overrides: { create: 'createDateOverride', delete: 'deleteDateOverride' },
      recurring: { create: 'createRecurring', delete: 'deleteRecurring' },
    },
    calendarFeeds: { create: 'createCalendarFeed', delete: 'deleteCalendarFeed', sync: 'syncCalendarFeed' },
    stripe: {
      retrieve: 'retrieveStripeStatus',
      /** A single-use onboarding link; send the specialist there. */
      onboarding: 'createStripeOnboarding',
    },
    payments: { list: 'listMyPayments' },
    earnings: { retrieve: 'retrieveMyEarnings' },
    packages: {
      /** Archived ones included. */
      list: 'listMyPackages',
      create: 'createMyPackage',
      retrieve: 'retrieveMyPackage',
      /** Later purchases get the new terms; earlier ones keep theirs. */
      update: 'updateMyPackage',
      /** Stops selling it; credits already bought stay valid. `update(id, { active: true })` sells it again. */
      archive: 'archiveMyPackage',
    },
    promoCodes: {
      /** Inactive ones included, each with its count of uses. */
      list: 'listMyPromoCodes',
      /** Usable at once; the text is unique among your codes whatever its case. */
      create: 'createMyPromoCode',
      /** Later bookings cannot use it; bookings made with it keep their price. */
      deactivate: 'deactivateMyPromoCode',
      /** Its end, its limits, or `{ active: true }` to use it again; text, discount and services stay. */
      update: 'updateMyPromoCode',
    },
    packagePurchases: {
      /** Newest first; pass the last id as `starting_after` for the next page. */
      list: 'listMyPackagePurchases',
      /** Refunds what is left (or `{ amount }`) and takes back the unspent credits; send an `idempotencyKey` to retry safely. */
      refund: 'refundMyPackagePurchase',
    },
    notifications: {
      /** Newest first, with the unread count; `{ unread: true }` for unread ones only; pass the last id as `starting_after`. */
      list: 'listMyNotifications',
      /** `{ ids: [...] }` or `{ all: true }`; answers how many were marked and how many are still unread. */
      markRead: 'markMyNotificationsRead',
    },
    webhooks: {
      list: 'listWebhookEndpoints',
      /** The returned `secret` (`whsec_…`) is shown once: verify deliveries with it (`verifyWebhook`). */
      create: 'createWebhookEndpoint',
      retrieve: 'retrieveWebhookEndpoint',
      update: 'updateWebhookEndpoint',
      /** Pending deliveries to it are not sent. */
      delete: 'deleteWebhookEndpoint',
      /** A new secret, shown once; the previous one keeps signing alongside it for 24 hours. */
      rotateSecret: 'rotateWebhookSecret',
      deliveries: {
        /** Newest first; pass the last id as `starting_after` for the next page. */
        list: 'listWebhookDeliveries',
        /** `(endpointId, deliveryId)`: the same message (same `webhook-id`) sent again as a new delivery. */
        redeliver: 'redeliverWebhook',
      },
    },
    /**
     * Your private calendar feed of bookings. `create` makes it or rotates it (the old address dies)
     * and answers the new address once; `revoke` ends it. The feed itself is fetched by calendar apps.
     */
    bookingsFeed: { create: 'createBookingsFeed', revoke: 'revokeBookingsFeed' },
    /** Everything of yours as one JSON document; the tables as CSV by URL: `exportCsvUrl(baseURL, table)`. */
    export: { retrieve: 'retrieveMyExport' },
    account: {
      /** `{ password, confirm: handle }`. Cancels future bookings with full refunds, ends every login. Cannot be undone. */
      close: 'closeMyAccount',
    },
  },
} as const satisfies Namespaces;

/** A tree of namespaces whose leaves name operations. */
export interface Namespaces {
  readonly [name: string]: OperationName | Namespaces;
}

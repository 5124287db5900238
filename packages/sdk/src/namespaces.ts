import type { OperationName } from './contract/operations.js';

/**
 * The client's namespaces: which method calls which operation. Everything else about a method —
 * HTTP method, path, credentials, argument and answer types — comes from the operation and its
 * route spec. `namespaces.test.ts` checks that every route spec has exactly one method here.
 */
export const namespaces = {
  // ── What a visitor's browser may call ──────────────────────────────────────────────────────
  specialists: {
    /** The public profile of `handle`, with its active services. */
    retrieve: 'retrieveSpecialist',
    /** Open start times, grouped by date in `query.timezone`. */
    slots: 'listSlots',
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
      reschedule: 'rescheduleMyBooking',
      updateNotes: 'updateMyBookingNotes',
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
    packagePurchases: {
      /** Newest first; pass the last id as `starting_after` for the next page. */
      list: 'listMyPackagePurchases',
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

import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Instants are integer milliseconds since the Unix epoch, UTC. Money is integer minor units. */

export const specialists = sqliteTable(
  'specialists',
  {
    id: text('id').primaryKey(),
    handle: text('handle').notNull(),
    name: text('name').notNull(),
    bio: text('bio').notNull().default(''),
    timeZone: text('time_zone').notNull(),
    currency: text('currency').notNull(),
    /**
     * Bumped in the same transaction as every write that can change open slots (rules, services,
     * bookings, feeds). Slot caches key on it, so every process sees a change at once.
     */
    availabilityVersion: integer('availability_version').notNull().default(0),
    /**
     * Bumped, by trigger, by every write that can change what a booking checks EXCEPT other
     * bookings: the rules, services, feeds and any column of this row but the two versions.
     * A booking that checked its time against rules read at this version needs no fresh
     * snapshot: its batch is guarded on this version plus an overlap check the database runs
     * (`services/bookings/warm.ts`), so bookings of other times do not refuse each other.
     */
    rulesVersion: integer('rules_version').notNull().default(0),
    /** Origins allowed to embed the widget (`https://coach.example`); empty = any (development). */
    allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** The Stripe Connect account priced sessions are paid out to, once onboarded. */
    stripeAccountId: text('stripe_account_id'),
    stripeChargesEnabled: integer('stripe_charges_enabled', { mode: 'boolean' }).notNull().default(false),
    /** Hours before a session the customer (and the specialist) are reminded, e.g. `[24, 1]`. */
    reminderHours: text('reminder_hours', { mode: 'json' }).$type<number[]>().notNull().default(sql`'[24,1]'`),
    /** Where the specialist's own notices go; null: their account's login email. */
    notificationEmail: text('notification_email'),
    /** A morning email with the day's sessions (opt-in). */
    dailyAgenda: integer('daily_agenda', { mode: 'boolean' }).notNull().default(false),
    /** The specialist's language for their notices (BCP 47). */
    locale: text('locale').notNull().default('en'),
    /** SHA-256 of the token of their private ICS feed of bookings; null: no feed (revoked or never made). */
    feedTokenHash: text('feed_token_hash'),
    /** A fixed meeting link of their own (their permanent room), for services whose location is `link`. */
    meetingLink: text('meeting_link'),
    /** An https address of their photo, shown on the hosted page and in link previews. */
    photoUrl: text('photo_url'),
    /**
     * `active` takes bookings; `suspended` (by the operator) and `closed` (by the specialist) take
     * none — their public profile says so, their slots are empty — while existing bookings stay as
     * they are and their login still works (the console shows them why).
     */
    status: text('status', { enum: ['active', 'suspended', 'closed'] }).notNull().default('active'),
    /** When `status` last changed (null: active since creation). */
    statusChangedAt: integer('status_changed_at'),
    /** Why (the operator's words on suspension), shown to the specialist and the operator only. */
    statusReason: text('status_reason'),
    createdAt: integer('created_at').notNull(),
    /** One line under their name in the directory (`Career coach for engineers`). */
    headline: text('headline').notNull().default(''),
    /** Directory categories, lower-case slugs (`career-coaching`), at most 5. */
    categories: text('categories', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Languages they hold sessions in, ISO 639-1 codes (`en`, `de`), at most 10. */
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /**
     * Whether they appear in the public directory once verified and bookable (the default, as on
     * a marketplace: a specialist who signed up wants to be found); false: they opted out.
     */
    directoryListed: integer('directory_listed', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('specialists_handle_unique').on(t.handle)],
);

/**
 * What the directory (`services/directory/`) sorts and filters on, one row per specialist, kept by
 * the database itself: triggers of migration 0012 make the row with the specialist, recount the
 * rating when a review is written or hidden and recompute the cheapest price when a service
 * changes. `id` is the rowid of the full-text index `specialist_search` (raw SQL in that
 * migration; drizzle has no virtual tables), an INTEGER PRIMARY KEY so VACUUM never renumbers it.
 * The next open time is a cache the directory refreshes itself (`next_open_version` is the
 * availability version it was computed at) and re-checks with the slot engine before showing.
 */
export const directoryEntries = sqliteTable(
  'directory_entries',
  {
    id: integer('id').primaryKey(),
    specialistId: text('specialist_id').notNull(),
    /** Visible (not hidden) reviews: how many and the sum of their ratings. */
    ratingCount: integer('rating_count').notNull().default(0),
    ratingSum: integer('rating_sum').notNull().default(0),
    /** The cheapest duration of their active services (minor units) and its currency; null: no active service. */
    priceFrom: integer('price_from'),
    priceCurrency: text('price_currency'),
    /** Their first open start within the directory's horizon, and of which service; null: none (or not computed yet). */
    nextOpenAt: integer('next_open_at'),
    nextOpenService: text('next_open_service'),
    /** The availability version `next_open_at` was computed at; -1: never. */
    nextOpenVersion: integer('next_open_version').notNull().default(-1),
    /** When `next_open_at` was last computed: the horizon moves with time, so an old answer is recomputed. */
    nextOpenCheckedAt: integer('next_open_checked_at'),
  },
  (t) => [uniqueIndex('directory_entries_specialist_unique').on(t.specialistId), index('directory_entries_next_open_idx').on(t.nextOpenAt)],
);

/** A person who logs in: a specialist (linked to their specialist row) or an operator. */
export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    /** Lower-cased. */
    email: text('email').notNull(),
    /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`. */
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['specialist', 'operator'] }).notNull(),
    specialistId: text('specialist_id').references(() => specialists.id),
    /**
     * When the login email was proven to reach its owner (a link from a verification email was
     * followed); null: not yet — such a specialist takes no paid bookings. Accounts older than
     * verification (migration 0005) count as verified since their creation.
     */
    emailVerifiedAt: integer('email_verified_at'),
    /**
     * Access tokens issued before this instant (ms, a whole second) are refused: set when a
     * password reset ends every login, so a token taken before it stops at once instead of
     * running out its 15 minutes. Null: none refused.
     */
    sessionsSince: integer('sessions_since'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('accounts_email_unique').on(t.email), index('accounts_specialist_idx').on(t.specialistId)],
);

/**
 * Single-use tokens emailed to an account's owner (a password reset, an email verification),
 * stored hashed and minted when the email is sent. At most one per account and purpose is live:
 * minting a new one voids the older ones (`usedAt` set), and using one sets its `usedAt`.
 */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    purpose: text('purpose', { enum: ['password_reset', 'email_verification'] }).notNull(),
    /** SHA-256 of the token, hex (`hashToken`). */
    tokenHash: text('token_hash').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** Used, or voided by a newer token of the same purpose; either way it no longer works. */
    usedAt: integer('used_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('account_tokens_hash_unique').on(t.tokenHash), index('account_tokens_account_idx').on(t.accountId, t.purpose)],
);

/** Long-lived, single-use tokens that mint short-lived access tokens; stored hashed. */
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    tokenHash: text('token_hash').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** Set when used (rotated) or on logout; a used token presented again revokes its family. */
    revokedAt: integer('revoked_at'),
    family: text('family').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('refresh_tokens_hash_unique').on(t.tokenHash), index('refresh_tokens_family_idx').on(t.family)],
);

/** Platform-wide settings, one row per key, changed by operators only. */
export const platformSettings = sqliteTable('platform_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id')
      .notNull()
      .references(() => specialists.id),
    name: text('name').notNull(),
    /** The first characters of the key, to recognise it in a list; never enough to use it. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the whole key, hex. */
    secretHash: text('secret_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_secret_hash_unique').on(t.secretHash), index('api_keys_specialist_idx').on(t.specialistId)],
);

export interface DurationOption {
  minutes: number;
  price: number;
}

export const services = sqliteTable(
  'services',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id')
      .notNull()
      .references(() => specialists.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    currency: text('currency').notNull(),
    /** JSON array of `{ minutes, price }`, the first is the default. */
    durations: text('durations', { mode: 'json' }).$type<DurationOption[]>().notNull(),
    /** Minutes between offered start times; null means the chosen duration. */
    slotStep: integer('slot_step'),
    bufferBefore: integer('buffer_before').notNull().default(0),
    bufferAfter: integer('buffer_after').notNull().default(0),
    /** Minutes. */
    minNotice: integer('min_notice').notNull().default(0),
    maxAdvanceDays: integer('max_advance_days'),
    maxPerDay: integer('max_per_day'),
    maxPerWeek: integer('max_per_week'),
    /** Seats per session: 1 is a one-to-one service; above 1 a group session, open until its seats are taken. */
    capacity: integer('capacity').notNull().default(1),
    /** Policy, in hours before the start: a customer may cancel until / reschedule until. */
    cancelUntilHours: integer('cancel_until_hours').notNull().default(24),
    rescheduleUntilHours: integer('reschedule_until_hours').notNull().default(24),
    maxReschedules: integer('max_reschedules').notNull().default(2),
    /** Refund: full when cancelled at least `fullRefundHours` before; `partialRefundPercent` when at least `partialRefundHours` before; none after. */
    fullRefundHours: integer('full_refund_hours').notNull().default(48),
    partialRefundHours: integer('partial_refund_hours').notNull().default(24),
    partialRefundPercent: integer('partial_refund_percent').notNull().default(50),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull().default(0),
    /**
     * Where the session happens: `video` (a meeting made by `meetingProvider`: `jitsi`, the default
     * that needs no account, or `zoom`), `link` (the specialist's fixed meeting link), `phone`,
     * `in_person` (at `locationDetail`, an address) or `none`.
     */
    locationKind: text('location_kind', { enum: ['video', 'link', 'phone', 'in_person', 'none'] }).notNull().default('video'),
    meetingProvider: text('meeting_provider', { enum: ['jitsi', 'zoom'] }).notNull().default('jitsi'),
    /** The address (in person) or phone number (phone) the customer is told. */
    locationDetail: text('location_detail'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('services_specialist_idx').on(t.specialistId, t.position)],
);

export const weeklyHours = sqliteTable(
  'weekly_hours',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id')
      .notNull()
      .references(() => specialists.id),
    /** `open` hours, or a `break` taken out of them. */
    kind: text('kind', { enum: ['open', 'break'] }).notNull().default('open'),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: integer('weekday').notNull(),
    /** Minutes after local midnight in the specialist's zone; `end` may be 1440. */
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
  },
  (t) => [index('weekly_hours_specialist_idx').on(t.specialistId)],
);

export interface MinuteRange {
  start: number;
  end: number;
}

export const dateOverrides = sqliteTable(
  'date_overrides',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id')
      .notNull()
      .references(() => specialists.id),
    /** Inclusive local dates, `YYYY-MM-DD` (they sort as text). */
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    /** JSON `[{ start, end }]` in minutes after local midnight; empty = closed. */
    intervals: text('intervals', { mode: 'json' }).$type<MinuteRange[]>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('date_overrides_specialist_idx').on(t.specialistId, t.toDate)],
);

export const recurringAvailability = sqliteTable(
  'recurring_availability',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id')
      .notNull()
      .references(() => specialists.id),
    rrule: text('rrule').notNull(),
    anchorDate: text('anchor_date').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('recurring_specialist_idx').on(t.specialistId)],
);

export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id')
      .notNull()
      .references(() => specialists.id),
    url: text('url').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('calendar_feeds_specialist_idx').on(t.specialistId)],
);

/** Append-only: one row per transition or change of a booking, never updated or deleted. */
export const bookingEvents = sqliteTable(
  'booking_events',
  {
    id: text('id').primaryKey(),
    bookingId: text('booking_id').notNull(),
    specialistId: text('specialist_id').notNull(),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actor: text('actor', { enum: ['customer', 'specialist', 'system', 'operator'] }).notNull(),
    reason: text('reason'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    at: integer('at').notNull(),
  },
  (t) => [index('booking_events_booking_idx').on(t.bookingId, t.at)],
);

/** Stored answers to POSTs sent with an `Idempotency-Key`, replayed for a retry of the same request. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    id: text('id').primaryKey(),
    /** Who sent it (an API key, a manage token's hash, or the client's IP hash) + the key. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    /** Null while the first request is still being handled. */
    status: integer('status'),
    responseBody: text('response_body'),
    responseHeaders: text('response_headers', { mode: 'json' }).$type<Record<string, string>>(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [uniqueIndex('idempotency_scope_key_unique').on(t.scope, t.key), index('idempotency_expires_idx').on(t.expiresAt)],
);

/**
 * What each booking write did to its specialist's calendar, under the availability version it
 * produced: the booking's time `[from_at, to_at)` (epoch ms; for a moved booking, from its old
 * start or new start, whichever is earlier, to the later end). Written only by the bookings
 * triggers (migration 0014), in the writing transaction. A version moved by anything else
 * (hours, services, the zone, the specialist's standing) has no row, and that gap means "compute
 * again". With these rows, a slots answer of an older version whose window lies clear of every
 * change since is still exact, and is served again (`services/availability/carry.ts`). The
 * triggers keep each specialist's last 64 versions.
 */
export const slotChanges = sqliteTable(
  'slot_changes',
  {
    specialistId: text('specialist_id').notNull(),
    version: integer('version').notNull(),
    fromAt: integer('from_at').notNull(),
    toAt: integer('to_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.specialistId, t.version] })],
);

/**
 * A handle its specialist gave up by renaming, kept for them for `HANDLE_HOLD_DAYS`
 * (`services/catalog/handles.ts`): nobody else can take it meanwhile, so the pages, embeds and
 * links that still name it cannot start selling someone else's sessions. Its owner can take it back.
 */
export const releasedHandles = sqliteTable('released_handles', {
  handle: text('handle').primaryKey(),
  specialistId: text('specialist_id')
    .notNull()
    .references(() => specialists.id, { onDelete: 'cascade' }),
  releasedAt: integer('released_at').notNull(),
});

export const bookings = sqliteTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id')
      .notNull()
      .references(() => specialists.id),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    status: text('status', {
      enum: ['held', 'confirmed', 'cancelled', 'expired', 'completed', 'no_show'],
    }).notNull(),
    startAt: integer('start_at').notNull(),
    endAt: integer('end_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** The service's buffers when booked: the booking occupies `[start − before, end + after)`. */
    bufferBefore: integer('buffer_before').notNull().default(0),
    bufferAfter: integer('buffer_after').notNull().default(0),
    /** When a `held` booking stops holding its time. */
    holdExpiresAt: integer('hold_expires_at'),
    /** SHA-256 of the client (IP) that created it, for the limit on simultaneous holds. */
    clientHash: text('client_hash'),
    /** Paid with a credit from this lot (instead of money). */
    creditLotId: text('credit_lot_id'),
    rescheduleCount: integer('reschedule_count').notNull().default(0),
    /** The specialist's private notes; never shown to the customer. */
    specialistNotes: text('specialist_notes').notNull().default(''),
    /** Notes the specialist shares with the customer (their booking view, the follow-up email). */
    sharedNotes: text('shared_notes'),
    /** An https link to the session's recording, shared with the customer like `sharedNotes`. */
    recordingUrl: text('recording_url'),
    cancelledBy: text('cancelled_by', { enum: ['customer', 'specialist', 'system', 'operator'] }),
    customerName: text('customer_name').notNull(),
    customerEmail: text('customer_email').notNull(),
    customerTimeZone: text('customer_time_zone').notNull(),
    notes: text('notes').notNull().default(''),
    price: integer('price').notNull(),
    currency: text('currency').notNull(),
    /** SHA-256 of the manage token, hex; the token itself is never stored. */
    manageTokenHash: text('manage_token_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    cancelledAt: integer('cancelled_at'),
    cancellationReason: text('cancellation_reason'),
    /** The customer's language for their messages (BCP 47), from the widget. */
    customerLocale: text('customer_locale').notNull().default('en'),
    /** E.164; with `smsConsent`, SMS reminders go there. */
    customerPhone: text('customer_phone'),
    smsConsent: integer('sms_consent', { mode: 'boolean' }).notNull().default(false),
    /** The session's meeting, once made: where to join, and the provider's id for updates. */
    meetingUrl: text('meeting_url'),
    meetingRef: text('meeting_ref'),
    /** Rises with every change an invite must carry (ICS `SEQUENCE`). */
    inviteSequence: integer('invite_sequence').notNull().default(0),
    /**
     * SHA-256 of the widget's visitor id (random, kept in the visitor's browser): the limit on
     * simultaneous unpaid holds counts per visitor, not per network address others may share.
     */
    visitorHash: text('visitor_hash'),
    /** Where the booking came from: `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content` as given. */
    utm: text('utm', { mode: 'json' }).$type<Record<string, string>>(),
    /** The promo code applied, as the specialist wrote it; `price` is already the price after it. */
    promoCode: text('promo_code'),
    /** What the code took off the service's price, in minor units (with `promoCode`). */
    promoAmountOff: integer('promo_amount_off'),
  },
  (t) => [
    index('bookings_specialist_time_idx').on(t.specialistId, t.startAt),
    index('bookings_service_time_idx').on(t.serviceId, t.startAt),
    index('bookings_held_idx').on(t.holdExpiresAt).where(sql`status = 'held'`),
    index('bookings_active_idx')
      .on(t.specialistId, t.startAt)
      .where(sql`status in ('held', 'confirmed')`),
  ],
);

/** One payment for a booking (or, later, a package): what was charged, the fee, the share. */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id')
      .notNull()
      .references(() => specialists.id),
    bookingId: text('booking_id'),
    /** Or the package purchase it pays for. */
    packagePurchaseId: text('package_purchase_id'),
    /** The provider's PaymentIntent (`pi_…`). */
    providerPaymentId: text('provider_payment_id'),
    mode: text('mode', { enum: ['stripe', 'test'] }).notNull(),
    status: text('status', { enum: ['requires_payment', 'succeeded', 'failed', 'canceled'] }).notNull(),
    amount: integer('amount').notNull(),
    /** The platform's fee (application_fee_amount), rounded half-up from the basis points. */
    feeAmount: integer('fee_amount').notNull(),
    feeBps: integer('fee_bps').notNull(),
    /** amount − fee: what the specialist receives before refunds. */
    specialistShare: integer('specialist_share').notNull(),
    currency: text('currency').notNull(),
    customerEmail: text('customer_email').notNull(),
    destinationAccount: text('destination_account'),
    /** Sum of succeeded refunds, and of the fee given back with them. */
    amountRefunded: integer('amount_refunded').notNull().default(0),
    feeRefunded: integer('fee_refunded').notNull().default(0),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    succeededAt: integer('succeeded_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('payments_provider_unique').on(t.providerPaymentId),
    index('payments_booking_idx').on(t.bookingId),
    index('payments_package_purchase_idx').on(t.packagePurchaseId),
    index('payments_specialist_idx').on(t.specialistId, t.createdAt),
  ],
);

/** A refund to issue or issued; retried until the provider takes it, never dropped. */
export const refunds = sqliteTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    amount: integer('amount').notNull(),
    /** The share of the platform fee given back with it (proportional, half-up). */
    feeAmount: integer('fee_amount').notNull(),
    /**
     * Why: a policy's (`cancellation`, `late_payment`), the specialist's own (`specialist`, e.g. a
     * cancellation by them or a refund in Stripe's dashboard), or a specialist's refund of a package
     * purchase with Stripe's reason (`requested_by_customer`, `duplicate`, `fraudulent`), sent on.
     * Plain text in SQL: widening the list needs no migration.
     */
    reason: text('reason', { enum: ['cancellation', 'late_payment', 'specialist', 'requested_by_customer', 'duplicate', 'fraudulent'] }).notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    providerRefundId: text('provider_refund_id'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('refunds_payment_idx').on(t.paymentId), index('refunds_due_idx').on(t.status, t.nextAttemptAt)],
);

/** Each verified webhook event once: inserted in the same transaction as its effect. */
export const webhookEvents = sqliteTable('webhook_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: integer('received_at').notNull(),
});

/**
 * Domain events waiting to be delivered (email, meetings, outgoing webhooks come from here), each
 * written in the same transaction as what it tells of, and never sent from a request handler: the
 * dispatcher (`services/delivery/`) plans its deliveries after the commit (`plannedAt`), once.
 * A booking change (`booking.<event type>`) is written by the one road (`services/bookings/road.ts`)
 * with its `booking_events` row and the booking as it is after the change; a package's events
 * (`package.purchased`, `credits.low`) by `services/packages/outbox.ts`, with the purchase.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    /** `booking.<event type>` (e.g. `booking.confirmed`), `package.purchased`, `credits.low` or `account.<kind>`. */
    topic: text('topic').notNull(),
    /** The booking a `booking.*` event is about; null for other events. */
    bookingId: text('booking_id'),
    specialistId: text('specialist_id').notNull(),
    /** The `booking_events` row a booking change appended (unique); null for other events. */
    eventId: text('event_id'),
    /** The package purchase a `package.*` or `credits.*` event is about. */
    purchaseId: text('purchase_id'),
    /** The login account an `account.*` event is about (a password reset, a verification). */
    accountId: text('account_id'),
    /**
     * What happened, with what it happened to as it is after it — `{ event, booking }` or
     * `{ event, purchase, … }` — with no secrets (no token hashes, no private notes).
     */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer('created_at').notNull(),
    /** When its deliveries were planned (null: not yet — a crash after the commit leaves it so). */
    plannedAt: integer('planned_at'),
  },
  (t) => [
    uniqueIndex('outbox_event_unique').on(t.eventId),
    index('outbox_booking_idx').on(t.bookingId),
    index('outbox_purchase_idx').on(t.purchaseId),
    index('outbox_created_idx').on(t.createdAt),
    index('outbox_unplanned_idx').on(t.createdAt).where(sql`planned_at is null`),
  ],
);

/**
 * One message or call to make for an outbox event: per change × channel × recipient, keyed so it
 * is made once (`idempotencyKey`, also handed to the provider where it takes one). Retried with
 * backoff until sent, then `dead` after a bound; a lease (`leaseUntil`) lets any process pick up
 * what a crashed one was sending. Reminders are deliveries due later (`dueAt`).
 */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: text('id').primaryKey(),
    /** The change that caused it (null for scheduled ones made from a later change). */
    outboxId: text('outbox_id'),
    bookingId: text('booking_id'),
    specialistId: text('specialist_id').notNull(),
    /** `email`, `sms`, `webhook`, `meeting`, `in_app`. */
    channel: text('channel').notNull(),
    /** What to send: a template (`customer.confirmed`, `reminder.24h`) or an operation (`meeting.create`). */
    kind: text('kind').notNull(),
    /** Who or what receives it: an email address, a phone number, an endpoint id, a specialist id. */
    recipient: text('recipient').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** What the channel needs beyond the booking (the event, the old time, the refund). */
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed', 'dead', 'skipped', 'cancelled'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Not before this instant (reminders); also when the first attempt is due. */
    dueAt: integer('due_at').notNull(),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** While `sending`: until when the claiming process owns it; after that anyone may retry it. */
    leaseUntil: integer('lease_until'),
    /** Another delivery that must be done (sent, dead or skipped) first, e.g. the meeting before the invite. */
    waitsFor: text('waits_for'),
    lastError: text('last_error'),
    /** What the provider answered: a Message-ID, a meeting id, an HTTP status. */
    providerRef: text('provider_ref'),
    sentAt: integer('sent_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('deliveries_key_unique').on(t.idempotencyKey),
    index('deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('deliveries_booking_idx').on(t.bookingId),
    index('deliveries_specialist_idx').on(t.specialistId, t.createdAt),
  ],
);

/** A specialist's endpoint for outgoing webhooks (Standard Webhooks signatures). */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** Event types it receives (`booking.confirmed`, …); `["*"]` for all. */
    eventTypes: text('event_types', { mode: 'json' }).$type<string[]>().notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** The signing secret (`whsec_…`), sealed with the server's key: signing needs it back. */
    secretSealed: text('secret_sealed').notNull(),
    /** The secret before a rotation, still signed with until `previousSecretUntil`. */
    previousSecretSealed: text('previous_secret_sealed'),
    previousSecretUntil: integer('previous_secret_until'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('webhook_endpoints_specialist_idx').on(t.specialistId)],
);

/** What a specialist sees in the app: one row per notice, read or not. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id').notNull(),
    /** `booking.confirmed`, `booking.cancelled`, `meeting.failed`, … */
    kind: text('kind').notNull(),
    bookingId: text('booking_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    readAt: integer('read_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('notifications_specialist_idx').on(t.specialistId, t.createdAt)],
);

/** Addresses that asked for no more of one kind of non-transactional email (`List-Unsubscribe`). */
export const emailOptOuts = sqliteTable(
  'email_opt_outs',
  {
    id: text('id').primaryKey(),
    /** Lower-cased. */
    email: text('email').notNull(),
    /** Whose messages (a customer may stop one specialist's reminders and keep another's). */
    specialistId: text('specialist_id').notNull(),
    /** The kind stopped (`feedback`, `reminder`, `credits`, `agenda`), or `*`. */
    kind: text('kind').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('email_opt_outs_unique').on(t.email, t.specialistId, t.kind)],
);

/**
 * Extra manage tokens of a booking (stored hashed): each email carries a link with a token of its
 * own, minted when it is sent — the one answered at creation is never stored in the clear.
 */
export const bookingTokens = sqliteTable(
  'booking_tokens',
  {
    id: text('id').primaryKey(),
    bookingId: text('booking_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Why it exists (`email`). */
    purpose: text('purpose').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('booking_tokens_hash_unique').on(t.tokenHash), index('booking_tokens_booking_idx').on(t.bookingId)],
);

/**
 * The offline test-payments mode's simulated Stripe account (demo and tests only, never with real
 * Stripe): its objects as one JSON snapshot, so a restart keeps the intents it created and two
 * processes on one file see the same account.
 */
export const testPaymentsState = sqliteTable('test_payments_state', {
  id: text('id').primaryKey(),
  snapshot: text('snapshot').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** A bundle a specialist sells: N sessions of some services, used within a number of days. */
export const packages = sqliteTable(
  'packages',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id')
      .notNull()
      .references(() => specialists.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sessionCount: integer('session_count').notNull(),
    /** The services a credit can book (JSON array of ids). */
    serviceIds: text('service_ids', { mode: 'json' }).$type<string[]>().notNull(),
    price: integer('price').notNull(),
    currency: text('currency').notNull(),
    validityDays: integer('validity_days').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('packages_specialist_idx').on(t.specialistId)],
);

export const packagePurchases = sqliteTable(
  'package_purchases',
  {
    id: text('id').primaryKey(),
    packageId: text('package_id')
      .notNull()
      .references(() => packages.id),
    specialistId: text('specialist_id').notNull(),
    /** Lower-cased. */
    customerEmail: text('customer_email').notNull(),
    customerName: text('customer_name').notNull(),
    customerTimeZone: text('customer_time_zone').notNull(),
    status: text('status', { enum: ['pending', 'paid', 'canceled'] }).notNull(),
    /**
     * The terms as sold, copied from the package when the purchase is made: a later edit of the
     * package (its services, count, validity or price) never changes what a customer bought.
     */
    sessionCount: integer('session_count').notNull(),
    validityDays: integer('validity_days').notNull(),
    serviceIds: text('service_ids', { mode: 'json' }).$type<string[]>().notNull(),
    price: integer('price').notNull(),
    currency: text('currency').notNull(),
    /** SHA-256 of the customer's credits token (sent by email): shows the balance, books with a credit. */
    accessTokenHash: text('access_token_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    /** The customer's language for their messages about it (BCP 47). */
    customerLocale: text('customer_locale').notNull().default('en'),
  },
  (t) => [index('package_purchases_customer_idx').on(t.specialistId, t.customerEmail), uniqueIndex('package_purchases_token_unique').on(t.accessTokenHash)],
);

/**
 * Extra credits tokens of a purchase (stored hashed): each email about it carries a token of its
 * own, minted when it is sent — the one answered at purchase is never stored in the clear. Any of
 * them reaches the purchase's credits as the first one does (`purchaseByToken`).
 */
export const purchaseTokens = sqliteTable(
  'purchase_tokens',
  {
    id: text('id').primaryKey(),
    purchaseId: text('purchase_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Why it exists (`email`). */
    purpose: text('purpose').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('purchase_tokens_hash_unique').on(t.tokenHash), index('purchase_tokens_purchase_idx').on(t.purchaseId)],
);

/**
 * Credits as an append-only ledger: a `grant` row opens a lot (+N, with an expiry); `debit`
 * (−1, a booking), `return` (+1, a cancellation inside the policy), `expire` (−rest) and `revoke`
 * (−rest, the purchase was refunded) rows point at their lot. A balance is always derived: the sum of a lot's rows, if it has not expired.
 */
export const creditLedger = sqliteTable(
  'credit_ledger',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id').notNull(),
    customerEmail: text('customer_email').notNull(),
    /** The grant row's id (a grant points at itself). */
    lotId: text('lot_id').notNull(),
    /**
     * Free text in the database: `revoke` (a refunded purchase's unspent rest) and `restore` (what a
     * revoke took, given back when its refund failed at the provider) needed no migration.
     */
    kind: text('kind', { enum: ['grant', 'debit', 'return', 'expire', 'revoke', 'restore'] }).notNull(),
    delta: integer('delta').notNull(),
    packagePurchaseId: text('package_purchase_id'),
    bookingId: text('booking_id'),
    /** On grants: when the lot's credits can no longer be spent. */
    expiresAt: integer('expires_at'),
    at: integer('at').notNull(),
  },
  (t) => [
    index('credit_ledger_customer_idx').on(t.specialistId, t.customerEmail),
    index('credit_ledger_lot_idx').on(t.lotId),
    index('credit_ledger_booking_idx').on(t.bookingId),
    index('credit_ledger_purchase_idx').on(t.packagePurchaseId),
    // The scheduler looks for lots past their expiry.
    index('credit_ledger_grant_expiry_idx').on(t.expiresAt).where(sql`kind = 'grant'`),
  ],
);

/**
 * A customer's way into "My bookings" with one specialist, without an account: a single-use,
 * short-lived `link` token emailed to the address, exchanged for a short-lived `session` token the
 * widget keeps. Both stored hashed; a used or expired token never works again.
 */
export const customerTokens = sqliteTable(
  'customer_tokens',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id')
      .notNull()
      .references(() => specialists.id),
    /** Lower-cased. */
    customerEmail: text('customer_email').notNull(),
    kind: text('kind', { enum: ['link', 'session'] }).notNull(),
    /** SHA-256 of the token, hex (`hashToken`). */
    tokenHash: text('token_hash').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** Set when a link is exchanged (or a session ended); it no longer works. */
    usedAt: integer('used_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('customer_tokens_hash_unique').on(t.tokenHash),
    index('customer_tokens_customer_idx').on(t.specialistId, t.customerEmail),
  ],
);

/**
 * A verified review: one per booking (the unique index refuses a second), written by the customer of
 * a completed booking with its manage token. The reviewer's name is never copied here: it is read
 * from the booking (first name and initial), so erasing the customer's data reaches the review too.
 * `hidden*` are the operator's: a hidden review is kept for audit, never shown nor counted.
 */
export const reviews = sqliteTable(
  'reviews',
  {
    id: text('id').primaryKey(),
    bookingId: text('booking_id')
      .notNull()
      .references(() => bookings.id),
    specialistId: text('specialist_id')
      .notNull()
      .references(() => specialists.id),
    /** 1–5. */
    rating: integer('rating').notNull(),
    /** Trimmed, at most 2,000 characters; stored as written, escaped wherever it is shown. */
    text: text('text').notNull(),
    /** The specialist's public answer, written once. */
    response: text('response'),
    respondedAt: integer('responded_at'),
    hiddenAt: integer('hidden_at'),
    hiddenReason: text('hidden_reason'),
    /** The operator's account id. */
    hiddenBy: text('hidden_by'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('reviews_booking_unique').on(t.bookingId), index('reviews_specialist_time_idx').on(t.specialistId, t.createdAt, t.id)],
);

/**
 * A specialist's promo code: `percent` (1–100) or `amount` (minor units of `currency`) off the
 * price, for `serviceIds` (null: every service), inside `[validFrom, validUntil)` when set, at most
 * `maxRedemptions` uses in all and `maxPerCustomer` per email. `codeKey` is the code lower-cased:
 * codes are unique per specialist whatever their case, and looked up by it.
 */
export const promoCodes = sqliteTable(
  'promo_codes',
  {
    id: text('id').primaryKey(),
    specialistId: text('specialist_id')
      .notNull()
      .references(() => specialists.id),
    /** As the specialist wrote it (shown back); `codeKey` is what matches. */
    code: text('code').notNull(),
    codeKey: text('code_key').notNull(),
    kind: text('kind', { enum: ['percent', 'amount'] }).notNull(),
    /** Percent off (1–100) or minor units off, by `kind`. */
    value: integer('value').notNull(),
    /** For `amount` codes: the currency of `value`; a service priced in another one is not discounted. */
    currency: text('currency'),
    serviceIds: text('service_ids', { mode: 'json' }).$type<string[]>(),
    validFrom: integer('valid_from'),
    validUntil: integer('valid_until'),
    maxRedemptions: integer('max_redemptions'),
    maxPerCustomer: integer('max_per_customer'),
    firstBookingOnly: integer('first_booking_only', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('promo_codes_specialist_key_unique').on(t.specialistId, t.codeKey)],
);

/**
 * One use of a promo code: written in the booking's own batch, behind a guard on the code's
 * limits (`services/promo/redeem.ts`). A use counts while its booking is held or went ahead: an
 * expired hold or a cancelled booking gives it back.
 */
export const promoRedemptions = sqliteTable(
  'promo_redemptions',
  {
    id: text('id').primaryKey(),
    codeId: text('code_id')
      .notNull()
      .references(() => promoCodes.id),
    bookingId: text('booking_id')
      .notNull()
      .references(() => bookings.id),
    /** Lower-cased. */
    customerEmail: text('customer_email').notNull(),
    amountOff: integer('amount_off').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('promo_redemptions_booking_unique').on(t.bookingId),
    index('promo_redemptions_code_customer_idx').on(t.codeId, t.customerEmail),
  ],
);

export type PromoCodeRow = typeof promoCodes.$inferSelect;
export type PromoRedemptionRow = typeof promoRedemptions.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type PackageRow = typeof packages.$inferSelect;
export type PackagePurchaseRow = typeof packagePurchases.$inferSelect;
export type CreditLedgerRow = typeof creditLedger.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type SpecialistRow = typeof specialists.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type WeeklyHoursRow = typeof weeklyHours.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;
export type DateOverrideRow = typeof dateOverrides.$inferSelect;
export type RecurringRow = typeof recurringAvailability.$inferSelect;
export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;
export type AccountTokenRow = typeof accountTokens.$inferSelect;
export type BookingEventRow = typeof bookingEvents.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type CustomerTokenRow = typeof customerTokens.$inferSelect;
export type DirectoryEntryRow = typeof directoryEntries.$inferSelect;

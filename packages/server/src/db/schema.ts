import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('specialists_handle_unique').on(t.handle)],
);

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
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull().default(0),
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
  },
  (t) => [
    index('bookings_specialist_time_idx').on(t.specialistId, t.startAt),
    index('bookings_active_idx')
      .on(t.specialistId, t.startAt)
      .where(sql`status in ('held', 'confirmed')`),
  ],
);

export type SpecialistRow = typeof specialists.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type WeeklyHoursRow = typeof weeklyHours.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;
export type DateOverrideRow = typeof dateOverrides.$inferSelect;
export type RecurringRow = typeof recurringAvailability.$inferSelect;
export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;

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
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('specialists_handle_unique').on(t.handle)],
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
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: integer('weekday').notNull(),
    /** Minutes after local midnight in the specialist's zone; `end` may be 1440. */
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
  },
  (t) => [index('weekly_hours_specialist_idx').on(t.specialistId)],
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
      .on(t.specialistId, t.endAt)
      .where(sql`status in ('held', 'confirmed')`),
  ],
);

export type SpecialistRow = typeof specialists.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type WeeklyHoursRow = typeof weeklyHours.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;

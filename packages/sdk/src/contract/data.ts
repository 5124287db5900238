import { z } from 'zod';
import { AvailabilityRules } from './availability.js';
import { MyService, PASSWORD_MAX_LENGTH, Profile } from './account.js';
import { SpecialistBooking } from './bookings.js';
import { Email, Instant } from './common.js';
import { MyPackage, SpecialistPackagePurchase } from './packages.js';
import { SpecialistPayment } from './payments.js';
import { say } from './messages.js';
import { ReviewDetail } from './reviews.js';

// ── Export ────────────────────────────────────────────────────────────────────────────────────

export const ExportCustomer = z
  .strictObject({
    email: z.string(),
    name: z.string().meta({ description: 'The name they gave most recently.' }),
    bookings: z.number().int(),
    purchases: z.number().int(),
    lastSeenAt: Instant.meta({ description: 'When they last booked or bought.' }),
  })
  .meta({ id: 'ExportCustomer', description: 'Everyone who booked or bought under one email address.' });

export const AccountExport = z
  .strictObject({
    format: z.literal('slotwise.export.v1'),
    exportedAt: Instant,
    profile: Profile,
    services: z.array(MyService),
    availability: AvailabilityRules,
    packages: z.array(MyPackage),
    bookings: z.array(SpecialistBooking).meta({ description: 'By start time, each with its events, payment and notes.' }),
    customers: z.array(ExportCustomer).meta({ description: 'By email.' }),
    payments: z.array(SpecialistPayment).meta({ description: 'Newest first, with refunds.' }),
    purchases: z.array(SpecialistPackagePurchase).meta({ description: 'Package sales, newest first, with their credits.' }),
    reviews: z.array(ReviewDetail).meta({ description: 'Reviews of your sessions, newest first, hidden ones included with the reason.' }),
  })
  .meta({
    id: 'AccountExport',
    description: 'Everything of yours, streamed as one JSON document. No secrets: no key or token hashes, no webhook secrets.',
  });

// ── Closing an account ────────────────────────────────────────────────────────────────────────

export const AccountClose = z
  .strictObject({
    password: z.string().min(1, { message: say('password_confirm_required') }).max(PASSWORD_MAX_LENGTH),
    confirm: z.string().min(1, { message: say('handle_confirm_required') }).max(64).meta({ description: 'Your handle, typed again: closing cannot be undone.' }),
  })
  .meta({ id: 'AccountClose' });

export const AccountClosed = z
  .strictObject({
    closedAt: Instant,
    bookingsCancelled: z.number().int().meta({ description: 'Future confirmed or held bookings cancelled by you (each customer is emailed).' }),
    refundsQueued: z.number().int().meta({ description: 'Full refunds queued for them; they are issued with the payment provider right after.' }),
    servicesDeactivated: z.number().int(),
    packagesArchived: z.number().int(),
    apiKeysRevoked: z.number().int(),
    webhookEndpointsDisabled: z.number().int(),
  })
  .meta({ id: 'AccountClosed', description: 'What closing did. Past bookings and payment records are kept, as the law requires.' });

// ── Erasure (operator) ────────────────────────────────────────────────────────────────────────

export const CustomerErase = z.strictObject({ email: Email.meta({ description: 'The customer’s email, as they booked with it.' }) }).meta({ id: 'CustomerErase' });

export const CustomerErased = z
  .strictObject({
    placeholder: z.string().meta({ description: 'The address that now stands in for theirs (`erased-<hash>@invalid`).', example: 'erased-3f9a1c0b7d2e@invalid' }),
    bookings: z.number().int(),
    purchases: z.number().int(),
    payments: z.number().int(),
    messagesStopped: z.number().int().meta({ description: 'Emails and texts to them that were queued and are now skipped.' }),
    specialists: z.number().int().meta({ description: 'How many specialists’ records held them.' }),
  })
  .meta({ id: 'CustomerErased', description: 'How many records held the customer’s personal data (0 everywhere: nothing held it, or it was already erased).' });

export type ExportCustomer = z.infer<typeof ExportCustomer>;
export type AccountExport = z.infer<typeof AccountExport>;
export type AccountClose = z.input<typeof AccountClose>;
export type AccountClosed = z.infer<typeof AccountClosed>;
export type CustomerErase = z.input<typeof CustomerErase>;
export type CustomerErased = z.infer<typeof CustomerErased>;

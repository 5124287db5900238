import { z } from 'zod';
import { Currency, Instant, IsoDate, MinorAmount } from './common.js';
import { say } from './messages.js';

/** What the browser needs to take a payment for a held booking. */
export const PaymentSession = z
  .strictObject({
    id: z.string().meta({ example: 'pay_4kq0m3x9c2v1x7ab' }),
    /** `stripe`: mount Stripe's Payment Element; `test`: the offline test-payments mode (no money moves). */
    mode: z.enum(['stripe', 'test']),
    publishableKey: z.string(),
    /** Stripe's PaymentIntent client secret: lets the browser confirm this one payment. */
    clientSecret: z.string(),
    amount: MinorAmount,
    currency: Currency,
    /** Pay before this, or the time is offered again and the payment cancelled. */
    holdExpiresAt: Instant,
  })
  .meta({ id: 'PaymentSession' });

export const PaymentStatus = z.enum(['requires_payment', 'succeeded', 'failed', 'canceled']);

/** A booking's payment as its customer sees it. */
export const BookingPayment = z
  .strictObject({
    id: z.string(),
    status: PaymentStatus,
    amount: MinorAmount,
    amountRefunded: MinorAmount,
    currency: Currency,
    /** Why the last attempt failed (e.g. `card_declined`); null once paid. */
    lastError: z.string().nullable(),
    /** Refunds issued or still being issued. */
    refunds: z.array(z.strictObject({ amount: MinorAmount, status: z.enum(['pending', 'succeeded', 'failed']), createdAt: Instant })),
  })
  .meta({ id: 'BookingPayment' });

/** A payment as the specialist sees it, with the fee and their share. */
export const SpecialistPayment = BookingPayment.extend({
  bookingId: z.string().nullable(),
  /** Or the package purchase it paid for. */
  packagePurchaseId: z.string().nullable(),
  fee: MinorAmount,
  feeRefunded: MinorAmount,
  specialistShare: MinorAmount,
  customerEmail: z.string(),
  createdAt: Instant,
  succeededAt: Instant.nullable(),
}).meta({ id: 'SpecialistPayment' });

export const PaymentList = z.strictObject({ data: z.array(SpecialistPayment), hasMore: z.boolean() }).meta({ id: 'PaymentList' });

export const PaymentListQuery = z.strictObject({
  limit: z.coerce.number<number>().int().min(1).max(100).default(20),
  starting_after: z.string().max(64).optional(),
});

export const EarningsQuery = z.strictObject({
  from: IsoDate.optional().meta({ description: 'First day (UTC) of payments counted; default: 12 months ago.' }),
  to: IsoDate.optional().meta({ description: 'Last day (UTC), inclusive; default: today.' }),
});

export const EarningsMonth = z.strictObject({
  month: z.string().meta({ example: '2026-11' }),
  currency: Currency,
  /** Paid by customers. */
  gross: MinorAmount,
  /** The platform's fees, net of fees given back with refunds. */
  fees: MinorAmount,
  /** Refunded to customers. */
  refunds: MinorAmount,
  /** What the specialist keeps: gross − fees − refunds + fees given back… i.e. share after refunds. */
  net: z.number().int(),
  payments: z.number().int(),
});

export const Earnings = z.strictObject({ data: z.array(EarningsMonth) }).meta({ id: 'Earnings' });

export const StripeStatus = z
  .strictObject({
    accountId: z.string().nullable(),
    chargesEnabled: z.boolean(),
    payoutsEnabled: z.boolean(),
    detailsSubmitted: z.boolean(),
    /** Payments can run in this mode; `test` moves no money. */
    mode: z.enum(['stripe', 'test']),
  })
  .meta({ id: 'StripeStatus' });

export const StripeOnboardingCreate = z
  .strictObject({
    returnUrl: z.url({ protocol: /^https?$/, message: say('stripe_return_url') }).max(2000).optional().meta({ description: 'Where Stripe sends you back (http or https); default: the API’s status page.' }),
    refreshUrl: z.url({ protocol: /^https?$/, message: say('stripe_return_url') }).max(2000).optional().meta({ description: 'Where Stripe sends you when the link has expired (http or https).' }),
  })
  .meta({ id: 'StripeOnboardingCreate' });

export const StripeOnboardingLink = z.strictObject({ url: z.string(), expiresAt: Instant }).meta({ id: 'StripeOnboardingLink' });

export const TestPaymentConfirm = z
  .strictObject({ outcome: z.enum(['succeed', 'decline']) })
  .meta({ id: 'TestPaymentConfirm' });

export const PaymentIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export type PaymentSession = z.infer<typeof PaymentSession>;
export type PaymentStatus = z.infer<typeof PaymentStatus>;
export type BookingPayment = z.infer<typeof BookingPayment>;
export type SpecialistPayment = z.infer<typeof SpecialistPayment>;
export type PaymentList = z.infer<typeof PaymentList>;
export type PaymentListQuery = z.input<typeof PaymentListQuery>;
export type EarningsQuery = z.input<typeof EarningsQuery>;
export type EarningsMonth = z.infer<typeof EarningsMonth>;
export type Earnings = z.infer<typeof Earnings>;
export type StripeStatus = z.infer<typeof StripeStatus>;
export type StripeOnboardingCreate = z.input<typeof StripeOnboardingCreate>;
export type StripeOnboardingLink = z.infer<typeof StripeOnboardingLink>;
export type TestPaymentConfirm = z.input<typeof TestPaymentConfirm>;

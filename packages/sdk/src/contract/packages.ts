import { z } from 'zod';
import { BookingNotifications, Customer } from './bookings.js';
import { Currency, Handle, Instant, Locale, MinorAmount } from './common.js';
import { BookingPayment, PaymentListQuery, PaymentSession } from './payments.js';
import { say } from './messages.js';

// ── A specialist's packages ──────────────────────────────────────────────────────────────────

const PackageName = z.string().trim().min(1, { message: say('package_name_required') }).max(120);
const SessionCount = z.number().int().min(1).max(100).meta({ description: 'How many sessions (credits) one purchase grants, 1–100.' });
const ValidityDays = z.number().int().min(1).max(1095).meta({ description: 'Days the credits can be spent after payment, 1–1095.' });
const ServiceIds = z
  .array(z.string().min(1).max(64))
  .min(1, { message: say('package_services_required') })
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, { message: say('package_services_unique') })
  .meta({ description: 'The ids of your active services a credit can book.' });

export const PackageCreate = z
  .strictObject({
    name: PackageName,
    description: z.string().trim().max(2000).optional(),
    sessionCount: SessionCount,
    serviceIds: ServiceIds,
    price: MinorAmount.meta({ description: 'What the package costs, in minor units; above 0 needs a connected Stripe account.' }),
    currency: Currency.optional().meta({ description: 'Defaults to your profile’s currency.' }),
    validityDays: ValidityDays,
  })
  .meta({ id: 'PackageCreate' });

export const PackageUpdate = z
  .strictObject({
    name: PackageName.optional(),
    description: z.string().trim().max(2000).optional(),
    sessionCount: SessionCount.optional(),
    serviceIds: ServiceIds.optional(),
    price: MinorAmount.optional(),
    currency: Currency.optional(),
    validityDays: ValidityDays.optional(),
    active: z.boolean().optional().meta({ description: 'false stops selling it (as DELETE does); true sells it again.' }),
  })
  .meta({ id: 'PackageUpdate', description: 'Changes apply to later purchases only: a purchase keeps the terms it was sold with.' });

/** A package as the public profile shows it. */
export const Package = z
  .strictObject({
    id: z.string().meta({ example: 'pkg_4kq0m3x9c2vbn7wd' }),
    name: z.string(),
    description: z.string(),
    sessionCount: z.number().int(),
    /** The service ids one credit can book. */
    services: z.array(z.string()),
    price: MinorAmount,
    currency: Currency,
    validityDays: z.number().int(),
  })
  .meta({ id: 'Package' });

export const MyPackage = Package.extend({ active: z.boolean(), createdAt: Instant }).meta({ id: 'MyPackage' });
export const MyPackageList = z.strictObject({ data: z.array(MyPackage) }).meta({ id: 'MyPackageList' });
export const PackageParams = z.strictObject({ id: z.string().min(1).max(64) });

// ── Purchases ────────────────────────────────────────────────────────────────────────────────

export const PackagePurchaseCreate = z
  .strictObject({
    customer: Customer.extend({
      locale: Locale.optional().meta({ description: "The customer's language: their emails and credits page follow it (English by default). The widget sends its own." }),
    }),
  })
  .meta({ id: 'PackagePurchaseCreate' });

export const PackagePurchaseStatus = z.enum(['pending', 'paid', 'canceled']);

/** The package as it was sold: a later edit of the package does not change a purchase. */
export const PurchasedPackage = Package.omit({ description: true }).meta({ id: 'PurchasedPackage' });

export const PackagePurchase = z
  .strictObject({
    id: z.string().meta({ example: 'pp_4kq0m3x9c2vbn7wd' }),
    /** `pending` until the payment succeeds (credits are granted then); `canceled` if it never will. */
    status: PackagePurchaseStatus,
    package: PurchasedPackage,
    customerEmail: z.string(),
    createdAt: Instant,
  })
  .meta({ id: 'PackagePurchase' });

/** How to pay for a package: like a booking's, without a hold (no time is reserved). */
export const PurchasePaymentSession = PaymentSession.omit({ holdExpiresAt: true }).meta({ id: 'PurchasePaymentSession' });

export const PackagePurchaseCreated = z
  .strictObject({
    purchase: PackagePurchase,
    creditsToken: z.string().meta({
      description:
        'Shown once (only its hash is stored). Send it as `Authorization: Bearer <token>` to GET /v1/credits, and as `credit.token` when booking.',
    }),
    /** Null for a free package: its credits are granted at once. */
    paymentSession: PurchasePaymentSession.nullable(),
  })
  .meta({ id: 'PackagePurchaseCreated' });

/** A purchase as the specialist sees it: the customer, the payment and what is left of the credits. */
export const SpecialistPackagePurchase = PackagePurchase.extend({
  customerName: z.string(),
  payment: BookingPayment.nullable(),
  /** Null until paid. `remaining` is 0 once expired. */
  credits: z.strictObject({ granted: z.number().int(), remaining: z.number().int(), expiresAt: Instant, expired: z.boolean() }).nullable(),
}).meta({ id: 'SpecialistPackagePurchase' });

export const PackagePurchaseList = z
  .strictObject({ data: z.array(SpecialistPackagePurchase), hasMore: z.boolean() })
  .meta({ id: 'PackagePurchaseList', description: 'Newest first; pass the last id as `starting_after` for the next page.' });

export const PackagePurchaseListQuery = PaymentListQuery;

/**
 * A refund of a purchase from Slotwise. `amount` defaults to all that is left (paid less what was
 * refunded already); `reason` is Stripe's and shows on the refund at the provider.
 */
export const PackagePurchaseRefundCreate = z
  .strictObject({
    amount: z.number().int().positive().optional().meta({ description: 'Minor units; default: the amount paid less anything refunded already.', example: 24000 }),
    reason: z.enum(['requested_by_customer', 'duplicate', 'fraudulent']).optional(),
  })
  .meta({ id: 'PackagePurchaseRefundCreate' });

/** The refund created, the purchase after it, and how many unspent credits it took back. */
export const PackagePurchaseRefund = z
  .strictObject({
    refund: z.strictObject({ amount: z.number().int(), currency: z.string(), status: z.enum(['pending', 'succeeded', 'failed']) }),
    /** Unspent credits removed by this refund (0 when none were left, or an earlier refund took them). */
    revoked: z.number().int().nonnegative(),
    purchase: SpecialistPackagePurchase,
  })
  .meta({ id: 'PackagePurchaseRefund' });

// ── Credits ──────────────────────────────────────────────────────────────────────────────────

export const CreditLot = z.strictObject({
  package: z.strictObject({ id: z.string(), name: z.string() }),
  /** Credits left to spend; 0 once expired. */
  remaining: z.number().int().nonnegative(),
  expiresAt: Instant,
  expired: z.boolean(),
});

export const CreditBalance = z
  .strictObject({
    customerEmail: z.string(),
    specialist: z.strictObject({ handle: Handle, name: z.string() }),
    /** Credits that can be spent now. */
    total: z.number().int().nonnegative(),
    /** The ids of the services a credit can book (the package's, as sold). */
    services: z.array(z.string()),
    /** Soonest expiry first: the order credits are spent in. */
    lots: z.array(CreditLot),
  })
  .meta({ id: 'CreditBalance' });

/** A purchase as its customer's credits token sees it after asking the server to read the payment. */
export const PackagePurchaseState = z
  .strictObject({
    /** `paid` once the provider said so (webhook or this read); the credits exist from then on. */
    purchase: PackagePurchase,
    credits: CreditBalance,
    /** The email with the credits code: `queued` once paid, `on_payment` while pending, `off` when this server sends none. */
    notifications: BookingNotifications,
  })
  .meta({ id: 'PackagePurchaseState' });

export type PackagePurchaseState = z.infer<typeof PackagePurchaseState>;
export type PackageCreate = z.input<typeof PackageCreate>;
export type PackageUpdate = z.input<typeof PackageUpdate>;
export type Package = z.infer<typeof Package>;
export type MyPackage = z.infer<typeof MyPackage>;
export type MyPackageList = z.infer<typeof MyPackageList>;
export type PackagePurchaseCreate = z.input<typeof PackagePurchaseCreate>;
export type PackagePurchaseStatus = z.infer<typeof PackagePurchaseStatus>;
export type PurchasedPackage = z.infer<typeof PurchasedPackage>;
export type PackagePurchase = z.infer<typeof PackagePurchase>;
export type PurchasePaymentSession = z.infer<typeof PurchasePaymentSession>;
export type PackagePurchaseCreated = z.infer<typeof PackagePurchaseCreated>;
export type SpecialistPackagePurchase = z.infer<typeof SpecialistPackagePurchase>;
export type PackagePurchaseList = z.infer<typeof PackagePurchaseList>;
export type PackagePurchaseListQuery = z.input<typeof PackagePurchaseListQuery>;
export type PackagePurchaseRefundCreate = z.input<typeof PackagePurchaseRefundCreate>;
export type PackagePurchaseRefund = z.infer<typeof PackagePurchaseRefund>;
export type CreditLot = z.infer<typeof CreditLot>;
export type CreditBalance = z.infer<typeof CreditBalance>;

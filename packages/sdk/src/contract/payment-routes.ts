import { Booking, BookingParams } from './bookings.js';
import { CreditBalance } from './packages.js';
import {
  Earnings,
  EarningsQuery,
  PaymentIdParams,
  PaymentList,
  PaymentListQuery,
  StripeOnboardingCreate,
  StripeOnboardingLink,
  StripeStatus,
  TestPaymentConfirm,
} from './payments.js';
import { operations } from './operations.js';
import { bodyErrors, type RouteSpec } from './route-spec.js';

/** Checkout, Stripe Connect, payment records and earnings. */
export const paymentRoutes = {
  syncBookingPayment: {
    ...operations.syncBookingPayment,
    summary: 'Read the payment from the provider now and apply it (the browser’s word alone confirms nothing).',
    tag: 'Payments',
    params: BookingParams,
    response: { status: 200, schema: Booking, description: 'The booking after the payment’s state was applied.' },
    errors: ['manage_token_required', 'booking_not_found', 'payment_not_found', 'payment_provider_error'],
  },
  confirmTestPayment: {
    ...operations.confirmTestPayment,
    summary: 'Offline test-payments mode only: pay (or decline) a payment intent as its customer would (with the booking’s manage token). Answers 404 with real Stripe.',
    tag: 'Payments',
    params: PaymentIdParams,
    body: TestPaymentConfirm,
    response: { status: 200, schema: Booking, description: 'The booking after the (test) payment.' },
    errors: [...bodyErrors, 'not_found', 'payment_not_found', 'manage_token_required'],
  },
  confirmTestPurchasePayment: {
    ...operations.confirmTestPurchasePayment,
    summary: 'Offline test-payments mode only: pay (or decline) a package purchase as its customer would (with the credits token). Answers 404 with real Stripe.',
    tag: 'Payments',
    params: PaymentIdParams,
    body: TestPaymentConfirm,
    response: { status: 200, schema: CreditBalance, description: 'The credits after the (test) payment.' },
    errors: [...bodyErrors, 'not_found', 'payment_not_found', 'credits_token_required', 'credits_not_found'],
  },
  retrieveStripeStatus: {
    ...operations.retrieveStripeStatus,
    summary: 'Whether your Stripe account can take payments.',
    tag: 'Payments',
    response: { status: 200, schema: StripeStatus, description: 'The status.' },
    errors: ['unauthorized', 'payment_provider_error', 'payments_not_configured'],
  },
  createStripeOnboarding: {
    ...operations.createStripeOnboarding,
    summary: 'A single-use Stripe Connect onboarding link (creates your connected account the first time).',
    tag: 'Payments',
    body: StripeOnboardingCreate,
    response: { status: 201, schema: StripeOnboardingLink, description: 'The link.' },
    errors: [...bodyErrors, 'unauthorized', 'payment_provider_error', 'payments_not_configured'],
  },
  listMyPayments: {
    ...operations.listMyPayments,
    summary: 'Your payments, newest first: amount, fee, your share, refunds.',
    tag: 'Payments',
    query: PaymentListQuery,
    response: { status: 200, schema: PaymentList, description: 'A page of payments.' },
    errors: ['invalid_request', 'unauthorized'],
  },
  retrieveMyEarnings: {
    ...operations.retrieveMyEarnings,
    summary: 'Gross, fees, refunds and net by month and currency.',
    tag: 'Payments',
    query: EarningsQuery,
    response: { status: 200, schema: Earnings, description: 'Earnings by month.' },
    errors: ['invalid_request', 'unauthorized'],
  },
} as const satisfies Record<string, RouteSpec>;

import type { ProblemCode } from './problems.js';
import {
  CreditBalance,
  MyPackage,
  MyPackageList,
  PackageCreate,
  PackageParams,
  PackagePurchaseCreate,
  PackagePurchaseCreated,
  PackagePurchaseList,
  PackagePurchaseListQuery,
  PackagePurchaseRefund,
  PackagePurchaseRefundCreate,
  PackagePurchaseState,
  PackageUpdate,
} from './packages.js';
import { operations } from './operations.js';
import { bodyErrors, type RouteSpec } from './route-spec.js';

const meErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];

/** Packages of sessions: the specialist's catalogue, purchases, and the customer's credits. */
export const packageRoutes = {
  listMyPackages: {
    ...operations.listMyPackages,
    summary: 'Your packages, archived ones included, in the order they were created.',
    tag: 'Packages',
    response: { status: 200, schema: MyPackageList, description: 'The packages.' },
    errors: meErrors,
  },
  createMyPackage: {
    ...operations.createMyPackage,
    summary: 'Sell a package: N sessions of some of your services, for a price, used within a number of days.',
    tag: 'Packages',
    body: PackageCreate,
    response: { status: 201, schema: MyPackage, description: 'The package, on sale at once.' },
    errors: [...bodyErrors, ...meErrors, 'service_not_found', 'stripe_account_required', 'limit_reached'],
  },
  retrieveMyPackage: {
    ...operations.retrieveMyPackage,
    summary: 'One of your packages.',
    tag: 'Packages',
    params: PackageParams,
    response: { status: 200, schema: MyPackage, description: 'The package.' },
    errors: [...meErrors, 'package_not_found'],
  },
  updateMyPackage: {
    ...operations.updateMyPackage,
    summary: 'Change a package. Purchases already made keep the terms they were sold with.',
    tag: 'Packages',
    params: PackageParams,
    body: PackageUpdate,
    response: { status: 200, schema: MyPackage, description: 'The package after the change.' },
    errors: [...bodyErrors, ...meErrors, 'package_not_found', 'service_not_found', 'stripe_account_required'],
  },
  archiveMyPackage: {
    ...operations.archiveMyPackage,
    summary: 'Stop selling a package. Credits already bought stay valid until they expire.',
    tag: 'Packages',
    params: PackageParams,
    response: { status: 200, schema: MyPackage, description: 'The archived package.' },
    errors: [...meErrors, 'package_not_found'],
  },
  listMyPackagePurchases: {
    ...operations.listMyPackagePurchases,
    summary: 'Your customers’ package purchases, newest first, with their payment and remaining credits.',
    tag: 'Packages',
    query: PackagePurchaseListQuery,
    response: { status: 200, schema: PackagePurchaseList, description: 'A page of purchases.' },
    errors: ['invalid_request', ...meErrors],
  },
  refundMyPackagePurchase: {
    ...operations.refundMyPackagePurchase,
    summary:
      'Refund a paid purchase (all that is left, or `amount`) through the payment provider and take back its unspent credits once the refund is created. Spent credits stay with their bookings. Send an Idempotency-Key to retry safely.',
    tag: 'Packages',
    params: PackageParams,
    body: PackagePurchaseRefundCreate,
    response: { status: 200, schema: PackagePurchaseRefund, description: 'The refund, the credits it took back, and the purchase after it.' },
    errors: [...bodyErrors, ...meErrors, 'purchase_not_found', 'purchase_not_paid', 'purchase_already_refunded', 'refund_amount_too_large', 'payment_provider_error', 'idempotency_key_reused', 'idempotency_key_in_use'],
  },
  purchasePackage: {
    ...operations.purchasePackage,
    summary: 'Buy a package. Pay with the payment session; the credits are granted when Stripe confirms the payment.',
    tag: 'Packages',
    params: PackageParams,
    body: PackagePurchaseCreate,
    response: { status: 201, schema: PackagePurchaseCreated, description: 'The purchase, its credits token (shown once) and how to pay.' },
    errors: ['specialist_unavailable', 'specialist_unverified', 
      ...bodyErrors,
      'package_not_found',
      'stripe_account_required',
      'origin_not_allowed',
      'package_already_claimed',
      'payment_provider_error',
      'payments_not_configured',
      'price_changed',
      'rate_limited',
      'idempotency_key_reused',
      'idempotency_key_in_use',
    ],
  },
  retrieveCredits: {
    ...operations.retrieveCredits,
    summary: 'The credits a credits token reaches: what is left, and when each lot expires.',
    tag: 'Packages',
    response: { status: 200, schema: CreditBalance, description: 'The balance.' },
    errors: ['credits_token_required', 'credits_not_found', 'rate_limited'],
  },
  syncPurchasePayment: {
    ...operations.syncPurchasePayment,
    summary:
      'Read the purchase’s payment from the provider now and apply it, as a booking’s sync does: a lost webhook does not leave a paid purchase pending. Credits are granted once.',
    tag: 'Packages',
    params: PackageParams,
    response: { status: 200, schema: PackagePurchaseState, description: 'The purchase and its credits after the payment’s state was applied.' },
    errors: ['credits_token_required', 'credits_not_found', 'payment_provider_error', 'rate_limited'],
  },
} as const satisfies Record<string, RouteSpec>;

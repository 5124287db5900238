import type { Booking } from '../contract/bookings.js';
import type { CreditBalance } from '../contract/packages.js';
import type { Earnings, EarningsQuery, PaymentList, PaymentListQuery, StripeOnboardingCreate, StripeOnboardingLink, StripeStatus, TestPaymentConfirm } from '../contract/payments.js';
import { pathOf, type RequestOptions, type Transport } from '../transport.js';
import type { ManageOptions } from './public.js';

/** Checkout for customers, and Stripe, payments and earnings for the specialist. */
export function paymentNamespaces(request: Transport) {
  return {
    payments: {
      /** Asks the server to read the payment from the provider now (after Stripe.js confirmed it). */
      sync: (bookingId: string, opts: ManageOptions) =>
        request<Booking>('POST', pathOf('/v1/bookings/{}/payment/sync', bookingId), {
          body: {},
          headers: { authorization: `Bearer ${opts.manageToken}` },
          auth: 'none',
          opts,
        }),
      /** Offline test-payments mode only: pay or decline as the booking's customer would. */
      confirmTest: (paymentIntentId: string, params: TestPaymentConfirm, opts: ManageOptions) =>
        request<Booking>('POST', pathOf('/v1/test-payments/{}/confirm', paymentIntentId), {
          body: params,
          headers: { authorization: `Bearer ${opts.manageToken}` },
          auth: 'none',
          opts,
        }),
      /** Offline test-payments mode only: pay or decline a package purchase as its customer would. */
      confirmTestPurchase: (paymentIntentId: string, params: TestPaymentConfirm, opts: RequestOptions & { creditsToken: string }) =>
        request<CreditBalance>('POST', pathOf('/v1/test-payments/{}/confirm-purchase', paymentIntentId), {
          body: params,
          headers: { authorization: `Bearer ${opts.creditsToken}` },
          auth: 'none',
          opts,
        }),
    },
    me: {
      stripe: {
        retrieve: (opts?: RequestOptions) => request<StripeStatus>('GET', '/v1/me/stripe', { auth: 'apiKey', opts }),
        /** A single-use onboarding link; send the specialist there. */
        onboarding: (params: StripeOnboardingCreate = {}, opts?: RequestOptions) =>
          request<StripeOnboardingLink>('POST', '/v1/me/stripe/onboarding', { body: params, auth: 'apiKey', opts }),
      },
      payments: {
        list: (query: PaymentListQuery = {}, opts?: RequestOptions) => request<PaymentList>('GET', '/v1/me/payments', { query: { ...query }, auth: 'apiKey', opts }),
      },
      earnings: {
        retrieve: (query: EarningsQuery = {}, opts?: RequestOptions) => request<Earnings>('GET', '/v1/me/earnings', { query: { ...query }, auth: 'apiKey', opts }),
      },
    },
  };
}

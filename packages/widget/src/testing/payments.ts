import type { SlotwiseClient } from '@slotwise/sdk';
import type { Booking, PaymentSession, TestPaymentConfirm } from '@slotwise/sdk/contract';

declare global {
  interface Window {
    /** What the recording fake Stripe.js (`test/fake-stripe.js`) was asked to do. */
    __fakeStripe?: { loads: number; src?: string; calls: { call: string; [key: string]: unknown }[] };
    /** The priced service the test runner set up on the real API (see `test/api-server.mjs`). */
    __SLOTWISE_PAID__: PricedService;
    /**
     * The second real API, taking payments through Stripe's SDK and the server's fake Stripe
     * (`startStripeApi` in `test/api-server.mjs`): its URL, the fake's Stripe.js and its priced service.
     */
    __SLOTWISE_STRIPE__: { api: string; stripeJs: string; paid: PricedService };
  }
}

export interface PricedService {
  serviceId: string;
  serviceName: string;
  price: number;
  currency: string;
  /** The demo specialist's secret API key on that server. */
  apiKey: string;
}

let loadCount = 0;

/** A fresh URL of the fake Stripe.js each time, so each test sees its own load. */
export function fakeStripeUrl(): string {
  loadCount += 1;
  return new URL(`/test/fake-stripe.js?load=${loadCount}`, location.origin).href;
}

export const fakeStripeCalls = (call: string) => (window.__fakeStripe?.calls ?? []).filter((entry) => entry.call === call);

export const holdExpiresAt = '2026-11-21T10:15:00Z';
/** 14 min 32 s before the hold lapses. */
export const fourteen32Before = () => new Date(Date.parse(holdExpiresAt) - (14 * 60 + 32) * 1000);

export function paidBooking(status: Booking['status'], paymentStatus: NonNullable<Booking['payment']>['status']): Booking {
  return {
    id: 'bk_paid',
    status,
    specialist: { handle: 'demo', name: 'Dr. Ada Demo', timeZone: 'Europe/Berlin' },
    service: { id: 'svc_coaching', name: 'Coaching' },
    start: '2026-11-23T08:00:00Z',
    end: '2026-11-23T09:30:00Z',
    duration: 90,
    customer: { name: 'Grace', email: 'grace@example.com', timeZone: 'Europe/Berlin' },
    notes: '',
    price: 9000,
    currency: 'EUR',
    createdAt: '2026-11-21T10:00:00Z',
    holdExpiresAt: status === 'held' ? holdExpiresAt : null,
    rescheduleCount: 0,
    cancelledAt: null,
    cancelledBy: null,
    cancellationReason: null,
    payment: { id: 'pay_1', status: paymentStatus, amount: 9000, amountRefunded: 0, currency: 'EUR', lastError: paymentStatus === 'failed' ? 'card_declined' : null, refunds: [] },
    paidWithCredit: false,
    location: { kind: 'video', detail: null },
    join: { opensAt: '2026-11-23T07:50:00Z', closesAt: '2026-11-23T09:30:00Z', url: null },
    sharedNotes: null,
    recordingUrl: null,
  };
}

export function paymentSession(mode: PaymentSession['mode'], patch: Partial<PaymentSession> = {}): PaymentSession {
  return {
    id: 'pay_1',
    mode,
    publishableKey: mode === 'test' ? 'pk_test_slotwise_offline' : 'pk_test_fake',
    clientSecret: 'pi_123_secret_456',
    amount: 9000,
    currency: 'EUR',
    holdExpiresAt,
    ...patch,
  };
}

/**
 * A client whose `payments.confirmTest` and `payments.sync` answer from the given lists, in
 * order (the last answer repeats), recording each call.
 */
export function paymentsClient(answers: { confirmTest?: Booking[]; sync?: Booking[] }) {
  const calls = { confirmTest: [] as [string, TestPaymentConfirm][], sync: [] as [string, string][] };
  const next = (list: Booking[] | undefined) => {
    const answer = list && list.length > 1 ? list.shift() : list?.[0];
    return answer ? Promise.resolve(structuredClone(answer)) : Promise.reject(new Error('no answer'));
  };
  const client = {
    payments: {
      confirmTest: (id: string, params: TestPaymentConfirm, _opts?: { manageToken: string }) => {
        calls.confirmTest.push([id, params]);
        return next(answers.confirmTest);
      },
      sync: (id: string, opts: { manageToken: string }) => {
        calls.sync.push([id, opts.manageToken]);
        return next(answers.sync);
      },
    },
  } as unknown as SlotwiseClient;
  return { client, calls };
}

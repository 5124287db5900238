import type { SlotwiseClient } from '@slotwise/sdk';
import { Booking, Earnings, PaymentList, StripeOnboardingLink, StripeStatus } from '@slotwise/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPayments } from '../index.js';
import { sdkTestApp, type SdkTestApp } from './sdk-test-app.js';

// The SDK's payment namespaces against the real app in the offline test-payments mode: checkout
// as the customer, and the specialist's Stripe status, payments and earnings.
let t: SdkTestApp;
let visitor: SlotwiseClient;
let specialist: SlotwiseClient;

beforeAll(async () => {
  t = await sdkTestApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  await seedDemoPayments(t.app.deps.payments, t.database); // a (test) connected account; the coaching session costs €90
  ({ visitor, specialist } = t);
});
afterAll(() => t.close());

const customer = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/London' };

describe('payments through the SDK', () => {
  it('pays a held booking as its customer and syncs it; the specialist sees the payment and the earnings', async () => {
    const { services } = await visitor.specialists.retrieve('demo');
    const created = await visitor.bookings.create({ specialist: 'demo', service: services[1]!.id, start: '2026-11-24T10:00:00Z', customer });
    expect(created).toMatchObject({ booking: { status: 'held' }, paymentSession: { mode: 'test', amount: 9000 } });
    const intent = created.paymentSession!.clientSecret.split('_secret_')[0]!;
    const { manageToken } = created;

    const declined = await visitor.payments.confirmTest(intent, { outcome: 'decline' }, { manageToken });
    expect(declined).toMatchObject({ status: 'held', payment: { status: 'failed', lastError: 'card_declined' } });
    const paid = await visitor.payments.confirmTest(intent, { outcome: 'succeed' }, { manageToken });
    expect(Booking.parse(paid)).toMatchObject({ status: 'confirmed', payment: { status: 'succeeded', amount: 9000 } });
    const synced = await visitor.payments.sync(created.booking.id, { manageToken });
    expect(Booking.parse(synced)).toEqual(paid);
    expect(paid.move).toMatchObject({ allowed: true, reason: null }); // the customer's view

    expect(StripeStatus.parse(await specialist.me.stripe.retrieve())).toMatchObject({ mode: 'test', chargesEnabled: true });
    const payments = await specialist.me.payments.list({ limit: 10 });
    expect(PaymentList.parse(payments).data).toMatchObject([{ bookingId: created.booking.id, amount: 9000, fee: 1800, specialistShare: 7200 }]);
    const earnings = await specialist.me.earnings.retrieve({ from: '2026-11-01', to: '2026-11-30' });
    expect(Earnings.parse(earnings).data).toMatchObject([{ month: '2026-11', currency: 'EUR', gross: 9000, fees: 1800, refunds: 0, payments: 1 }]);
  });

  it('gives the specialist a Stripe onboarding link', async () => {
    const link = await specialist.me.stripe.onboarding({ returnUrl: 'https://coach.example/settings' });
    expect(StripeOnboardingLink.parse(link).url).toMatch(/^https?:\/\//);
  });
});

import { isSlotwiseError, type SlotwiseClient } from '@slotwise/sdk';
import { BookingCreated, CreditBalance, MyPackage, MyPackageList, PackagePurchaseCreated, PackagePurchaseList, PackagePurchaseRefund, Specialist } from '@slotwise/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPayments } from '../index.js';
import { sdkTestApp, type SdkTestApp } from './sdk-test-app.js';

// The SDK's package and credit namespaces against the real app (offline test-payments mode) and a
// real database file: if the contract and the server drift apart, these tests break.
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

describe('packages and credits through the SDK', () => {
  it('manages packages as the specialist, and shows those on sale on the profile', async () => {
    const { services } = await visitor.specialists.retrieve('demo');
    const created = await specialist.me.packages.create({ name: 'Ten intro calls', sessionCount: 10, serviceIds: [services[0]!.id], price: 0, validityDays: 365 });
    expect(MyPackage.parse(created)).toEqual(created);
    const renamed = await specialist.me.packages.update(created.id, { name: 'Ten calls', description: 'Any time this year' });
    expect(renamed).toMatchObject({ name: 'Ten calls', description: 'Any time this year', sessionCount: 10 });
    expect(await specialist.me.packages.retrieve(created.id)).toEqual(renamed);
    expect((await visitor.specialists.retrieve('demo')).packages.map((p) => p.id)).toContain(created.id);
    const archived = await specialist.me.packages.archive(created.id);
    expect(archived.active).toBe(false);
    const list = await specialist.me.packages.list();
    expect(MyPackageList.parse(list).data.map((p) => p.id)).toContain(created.id);
    const profile = await visitor.specialists.retrieve('demo');
    expect(Specialist.parse(profile).packages.map((p) => p.id)).not.toContain(created.id);
  });

  it('buys a package, pays, reads the balance and books with a credit', async () => {
    const { services } = await visitor.specialists.retrieve('demo');
    const session = services[1]!;
    const pkg = await specialist.me.packages.create({ name: 'Two sessions', sessionCount: 2, serviceIds: [session.id], price: 15000, validityDays: 60 });

    const bought = await visitor.packages.purchase(pkg.id, { customer });
    expect(PackagePurchaseCreated.parse(bought)).toEqual(bought);
    expect(bought).toMatchObject({ purchase: { status: 'pending', package: { id: pkg.id, sessionCount: 2 } }, paymentSession: { mode: 'test', amount: 15000 } });
    const intent = bought.paymentSession!.clientSecret.split('_secret_')[0]!;
    const { creditsToken } = bought;
    // The customer pays (offline test mode); the signed webhook grants the credits before it answers.
    const paid = await visitor.payments.confirmTestPurchase(intent, { outcome: 'succeed' }, { creditsToken });
    expect(CreditBalance.parse(paid)).toEqual(paid);
    const balance = await visitor.credits.retrieve({ creditsToken });
    expect(balance).toEqual(paid);
    expect(CreditBalance.parse(balance)).toEqual(balance);
    expect(balance).toMatchObject({ customerEmail: 'ada@example.com', specialist: { handle: 'demo' }, total: 2, lots: [{ package: { id: pkg.id, name: 'Two sessions' }, remaining: 2, expired: false }] });

    const booked = await visitor.bookings.create({ specialist: 'demo', service: session.id, start: '2026-11-24T10:00:00Z', customer, credit: { token: creditsToken } });
    expect(BookingCreated.parse(booked)).toEqual(booked);
    expect(booked).toMatchObject({ booking: { status: 'confirmed', price: 0, payment: null }, paymentSession: null });
    expect((await visitor.credits.retrieve({ creditsToken })).total).toBe(1);
    const quote = await visitor.bookings.cancellationQuote(booked.booking.id, { manageToken: booked.manageToken });
    expect(quote).toMatchObject({ allowed: true, credit: 'returned', refund: { amount: 0 } });

    const purchases = await specialist.me.packagePurchases.list({ limit: 10 });
    expect(PackagePurchaseList.parse(purchases).data[0]).toMatchObject({ id: bought.purchase.id, status: 'paid', credits: { granted: 2, remaining: 1 } });

    const wrongService = await visitor.bookings
      .create({ specialist: 'demo', service: services[0]!.id, start: '2026-11-24T12:00:00Z', customer, credit: { token: creditsToken } })
      .catch((e: unknown) => e);
    expect(isSlotwiseError(wrongService, 'credit_not_applicable')).toBe(true);
    const unknown = await visitor.credits.retrieve({ creditsToken: 'crt_unknown' }).catch((e: unknown) => e);
    expect(isSlotwiseError(unknown, 'credits_not_found')).toBe(true);

    // The specialist refunds part of it: the credit left is revoked; more than is left is refused.
    const refunded = await specialist.me.packagePurchases.refund(bought.purchase.id, { amount: 5000, reason: 'requested_by_customer' }, { idempotencyKey: 'sdk-refund-1' });
    expect(PackagePurchaseRefund.parse(refunded)).toEqual(refunded);
    expect(refunded).toMatchObject({ refund: { amount: 5000, currency: 'EUR', status: 'succeeded' }, revoked: 1, purchase: { id: bought.purchase.id, credits: { remaining: 0 } } });
    const tooMuch = await specialist.me.packagePurchases.refund(bought.purchase.id, { amount: 10001 }).catch((e: unknown) => e);
    expect(isSlotwiseError(tooMuch, 'refund_amount_too_large')).toBe(true);
    expect((await visitor.credits.retrieve({ creditsToken })).total).toBe(0);
  });
});

import type { SlotwiseClient } from '@slotwise/sdk';
import { BookingCreated, MyPromoCode, MyPromoCodeList, PromoQuote } from '@slotwise/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPayments } from '../index.js';
import { failure, sdkTestApp, type SdkTestApp } from './sdk-test-app.js';

// The SDK's promo-code methods against the real app (offline test-payments mode) on a real
// database file: a drift between the contract, the client and the server breaks these tests.
let t: SdkTestApp;
let visitor: SlotwiseClient;
let specialist: SlotwiseClient;

beforeAll(async () => {
  t = await sdkTestApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  await seedDemoPayments(t.app.deps.payments, t.database); // the coaching session costs €90
  ({ visitor, specialist } = t);
});
afterAll(() => t.close());

const customer = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/London' };

describe('promo codes through the SDK', () => {
  it('creates, lists and deactivates codes as the specialist', async () => {
    const created = await specialist.me.promoCodes.create({ code: 'Autumn10', kind: 'amount', value: 1000, maxRedemptions: 5 });
    expect(MyPromoCode.parse(created)).toEqual(created);
    expect(created).toMatchObject({ code: 'Autumn10', currency: 'EUR', redemptions: 0, active: true });
    const list = await specialist.me.promoCodes.list();
    expect(MyPromoCodeList.parse(list).data.map((c) => c.id)).toContain(created.id);
    const off = await specialist.me.promoCodes.deactivate(created.id);
    expect(off.active).toBe(false);
  });

  it('checks a code before booking, then books free with a 100 % code', async () => {
    const { services } = await visitor.specialists.retrieve('demo');
    const session = services[1]!;
    await specialist.me.promoCodes.create({ code: 'ONTHEHOUSE', kind: 'percent', value: 100, serviceIds: [session.id] });
    const quote = await visitor.specialists.checkPromoCode('demo', 'onthehouse', { service: session.id });
    expect(PromoQuote.parse(quote)).toEqual(quote);
    expect(quote).toMatchObject({ code: 'ONTHEHOUSE', price: 9000, amountOff: 9000, total: 0 });
    const booked = await visitor.bookings.create({ specialist: 'demo', service: session.id, start: '2026-11-24T10:00:00Z', customer, promoCode: 'onthehouse' });
    expect(BookingCreated.parse(booked)).toEqual(booked);
    expect(booked).toMatchObject({ booking: { status: 'confirmed', price: 0, payment: null, promo: { code: 'ONTHEHOUSE', amountOff: 9000 } }, paymentSession: null });
    const refused = await failure(visitor.specialists.checkPromoCode('demo', 'onthehouse', { service: services[0]!.id }));
    expect(refused.code).toBe('promo_code_not_for_service');
  });
});

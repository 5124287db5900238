import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import { paymentIntentId } from '../../../components/payment/payment-steps.js';
import { consoleApi } from '../../testing/session.js';
import { deep, eventually } from '../../../testing/helpers.js';
import { text } from '../../testing/screen.js';
import { inConsole } from '../../testing/session.js';
import { openPractice } from '../../testing/practice.js';
import type { SlotwiseConsoleBookings } from './bookings.component.js';
import './bookings.js';

const detailOf = async (practice: Awaited<ReturnType<typeof openPractice>>, id: string) => {
  const el = await inConsole<SlotwiseConsoleBookings>(html`<slotwise-console-bookings route=${id}></slotwise-console-bookings>`, practice.session);
  await eventually(() => deep(el, 'slotwise-console-booking-detail', '.status'), 'the booking');
  return deep(el, 'slotwise-console-booking-detail')!;
};

describe('console booking source', () => {
  it('shows the campaign a booking came from, and nothing for a booking without one', async () => {
    const practice = await openPractice();
    const utm = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring-sale', utm_content: 'header' };
    const tracked = await practice.book(0, undefined, { utm });
    const detail = await detailOf(practice, tracked.booking.id);
    expect(text(deep(detail, '.source'))).to.equal('newsletter / email · spring-sale (content: header)');
    await expect(detail).to.be.accessible();

    await fixture(html`<div></div>`); // unmounts the first console
    const plain = await practice.book(2);
    const other = await detailOf(practice, plain.booking.id);
    expect(Boolean(deep(other, '.source'))).to.equal(false);
  });

  it('shows the promo code a booking was made with and what it took off, and no such line without one', async () => {
    const practice = await openPractice({ price: 4500 });
    await practice.session.client.me.promoCodes.create({ code: 'WELCOME', kind: 'percent', value: 20 });
    const visitor = createClient({ baseURL: consoleApi() });
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
    const [slot] = (await visitor.specialists.slots(practice.handle, { service: practice.service.id, from, to, timezone: 'Europe/Paris' })).days.flatMap((day) => day.slots);
    const created = await visitor.bookings.create({ specialist: practice.handle, service: practice.service.id, start: slot!.start, promoCode: 'welcome', customer: { name: 'Ana Lima', email: 'ana@example.com', timeZone: 'Europe/Paris' } });
    const detail = await detailOf(practice, created.booking.id);
    expect(text(deep(detail, '.price'))).to.equal('€36.00');
    expect(text(deep(detail, '.promo'))).to.equal('WELCOME: €9.00 off');
    await expect(detail).to.be.accessible();

    await fixture(html`<div></div>`);
    const plain = await practice.book(3);
    expect(Boolean(deep(await detailOf(practice, plain.booking.id), '.promo'))).to.equal(false);
  });

  it('shows a session paid with a package credit as such, not as free', async () => {
    const practice = await openPractice({ price: 4500 });
    const pkg = await practice.session.client.me.packages.create({ name: 'Two calls', sessionCount: 2, serviceIds: [practice.service.id], price: 9000, validityDays: 90 });
    const visitor = createClient({ baseURL: consoleApi() });
    const bought = await visitor.packages.purchase(pkg.id, { customer: { name: 'Ana Lima', email: 'ana@example.com', timeZone: 'Europe/Lisbon' } });
    await visitor.payments.confirmTestPurchase(paymentIntentId(bought.paymentSession!.clientSecret), { outcome: 'succeed' }, { creditsToken: bought.creditsToken });
    const booked = await practice.book(1, { name: 'Ana Lima', email: 'ana@example.com' }, { credit: { token: bought.creditsToken } });
    expect(booked.booking.paidWithCredit).to.equal(true);
    const detail = await detailOf(practice, booked.booking.id);
    expect(text(deep(detail, '.price'))).to.equal('Package credit');
    expect(text(deep(detail, '.payment'))).to.contain('Paid with a package credit');
    expect(detail.shadowRoot!.textContent).not.to.contain('this session is free');
  });
});

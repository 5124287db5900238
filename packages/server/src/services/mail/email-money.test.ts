import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveries } from '../../db/schema.js';
import { connectDemo, setService } from '../../testing/fixtures.js';
import { linksOf, mailTestApp, type MailTestApp } from '../../testing/mail-app.js';
import { zoneLabel } from './format.js';
import { stringsFor } from './locales/index.js';

// What the customer and the specialist are told when money moves: the payment, the refund a
// cancellation gives, a hold that lapsed, a payment that came too late. Offline test payments;
// mail over SMTP into the local mailbox.

let m: MailTestApp;
beforeEach(async () => {
  m = await mailTestApp();
  await connectDemo(m.app);
  await setService(m.database, m.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
});
afterEach(() => m.closeAll());

const MONDAY = '2026-11-23T09:00:00Z';
const asToken = (token: string) => ({ authorization: `Bearer ${token}` });
const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'Europe/Berlin' };

async function hold(start = MONDAY, who = customer) {
  const res = await m.json('/v1/bookings', { body: { specialist: 'demo', service: m.intro.id, start, customer: who } });
  expect(res.status).toBe(201);
  return { ...res.body, intent: String(res.body.paymentSession.clientSecret).split('_secret_')[0] } as {
    booking: { id: string };
    manageToken: string;
    intent: string;
    notifications: { email: string };
  };
}
const pay = (held: { intent: string; manageToken: string }, outcome: 'succeed' | 'decline' = 'succeed') =>
  m.json(`/v1/test-payments/${held.intent}/confirm`, { body: { outcome }, headers: asToken(held.manageToken) });

describe('money in emails', () => {
  it('a held booking says its confirmation comes with the payment; then the confirmation, a receipt, and the specialist’s notice of a paid booking', async () => {
    const held = await hold();
    expect(held.notifications).toEqual({ email: 'on_payment' });
    expect(await m.settle()).toHaveLength(0); // nothing is confirmed yet: nobody is told anything
    expect((await pay(held)).status).toBe(200);
    await m.settle();
    const subjects = m.to('grace@example.com').map((x) => x.subject);
    expect(subjects).toEqual(expect.arrayContaining([expect.stringMatching(/^Confirmed: Intro call/), 'Payment received: €49.00 for Intro call']));
    const receipt = m.to('grace@example.com').find((x) => x.subject.startsWith('Payment received'))!;
    const link = linksOf(receipt).find((l) => l.includes('/receipt?token='))!;
    const page = await m.app.request(link.replace('https://api.slotwise.test', ''));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('49.00');
    const notice = m.to('demo@slotwise.local').find((x) => x.subject.startsWith('New booking'))!;
    expect(notice.text).toContain('Paid: €49.00.');
    // Written before the meeting exists (or as it is made), the receipt says when the link shows, as the widget does.
    expect(receipt.text).toMatch(/Video call(: https:\/\/\S+| — the link is on your booking page from 10 minutes before the start\.)/);
    expect(receipt.text).not.toContain('shortly before');
    // Its "When" is in the customer's zone, and says so.
    expect(receipt.text).toContain('When: Monday, November 23, 2026, 10:00 AM – 10:30 AM');
    expect(receipt.text).toContain('Times are in Europe/Berlin (GMT+1).');
  });

  it('the payment email names the zone of its times in every language', async () => {
    const languages = ['en', 'de', 'fr', 'es', 'pt', 'ja', 'ar'];
    for (const [i, locale] of languages.entries()) {
      const who = { ...customer, email: `${locale}@example.com`, locale };
      await pay(await hold(`2026-11-23T${String(9 + i).padStart(2, '0')}:00:00Z`, who));
    }
    await m.settle();
    for (const locale of languages) {
      const { t, locale: format } = stringsFor(locale);
      const receipt = m.to(`${locale}@example.com`).find((x) => x.text.includes(t.customerPaymentReceived.heading))!;
      expect(receipt, locale).toBeDefined();
      expect(receipt.text, locale).toContain(t.common.timesIn(zoneLabel('Europe/Berlin', Date.parse(MONDAY), format)));
    }
  });

  it('a cancellation tells the customer the refund it gives, and the specialist what it reverses', async () => {
    const held = await hold();
    await pay(held);
    await m.settle();
    expect((await m.json(`/v1/bookings/${held.booking.id}/cancel`, { body: {}, headers: asToken(held.manageToken) })).status).toBe(200);
    await m.settle();
    const cancelled = m.to('grace@example.com').find((x) => x.subject.startsWith('Cancelled'))!;
    // Paid offline (the test-payments mode): recorded, and said not to reach any card.
    expect(cancelled.text).toContain('A refund of €49.00 is recorded. This is test mode: no money moved, so nothing reaches a card.');
    expect(cancelled.text).not.toContain('on its way');
    const notice = m.to('demo@slotwise.local').find((x) => x.subject.startsWith('Cancelled'))!;
    expect(notice.text).toContain('The customer is refunded €49.00');
    for (const message of [cancelled, notice]) expect(message.text).toContain('Times are in Europe/Berlin (GMT+1).');
  });

  it('a hold that lapses unpaid: "not booked, nothing charged"', async () => {
    await hold();
    m.setNow(m.now() + 16 * 60_000);
    await m.app.tick();
    await m.settle();
    const [lapsed] = m.to('grace@example.com');
    expect(lapsed!.subject).toBe('Not booked: Intro call');
    expect(lapsed!.text).toContain('Nothing was charged');
    expect(lapsed!.text).toContain('Times are in');
    expect(lapsed!.text).toContain('View your booking:');
    expect(lapsed!.text).not.toContain('View or change');
    expect(m.to('demo@slotwise.local')).toHaveLength(0);
  });

  it('a payment that arrives after the time went to someone else: the customer hears of the full refund, the specialist of the refund issued', async () => {
    const late = await hold();
    m.setNow(m.now() + 16 * 60_000); // the hold lapsed; its intent is still open (no tick has cancelled it)
    const other = await hold(MONDAY, { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' });
    expect((await pay(other)).status).toBe(200);
    expect((await pay(late)).status).toBe(200);
    await m.app.tick();
    await m.settle();
    const refund = m.to('grace@example.com').find((x) => x.subject.startsWith('Refund of €49.00'))!;
    expect(refund.text).toContain('someone else had booked it meanwhile');
    const notice = m.to('demo@slotwise.local').find((x) => x.subject.startsWith('Refund issued: €49.00 to Grace Hopper'))!;
    expect(notice.text).toContain('returned in full');
    const kinds = (await m.database.db.select().from(deliveries).where(eq(deliveries.bookingId, late.booking.id))).filter((d) => d.channel === 'email').map((d) => d.kind);
    expect(kinds.sort()).toEqual(['customer.hold_expired', 'customer.late_refund', 'specialist.refund']);
  });
  it('a promo code is on the payment email and the receipt: the price, the code and what it took off, then what was paid', async () => {
    const asMe = asToken(m.apiKey);
    expect((await m.json('/v1/me/promo-codes', { body: { code: 'WELCOME', kind: 'percent', value: 20 }, headers: asMe })).status).toBe(201);
    const res = await m.json('/v1/bookings', { body: { specialist: 'demo', service: m.intro.id, start: MONDAY, customer, promoCode: 'welcome' } });
    expect(res.status).toBe(201);
    await pay({ intent: String(res.body.paymentSession.clientSecret).split('_secret_')[0]!, manageToken: res.body.manageToken });
    await m.settle();
    const receipt = m.to('grace@example.com').find((x) => x.subject.startsWith('Payment received'))!;
    expect(receipt.subject).toBe('Payment received: €39.20 for Intro call');
    expect(receipt.text).toMatch(/Promo code\W+WELCOME \(€9\.80 off\)/);
    const link = linksOf(receipt).find((l) => l.includes('/receipt?token='))!;
    const page = (await (await m.app.request(link.replace('https://api.slotwise.test', ''))).text()).replace(/\s+/g, ' ');
    expect(page).toContain('<td>Price</td><td>€49.00</td>');
    expect(page).toContain('<td>Promo code WELCOME</td><td>−€9.80</td>');
    expect(page).toContain('<td>Amount paid</td><td>€39.20</td>');
    const notice = m.to('demo@slotwise.local').find((x) => x.subject.startsWith('New booking'))!;
    expect(notice.text).toContain('Paid: €39.20.');
    expect(notice.text).toMatch(/Promo code\W+WELCOME \(€9\.80 off\)/);
  });

  it('a code covering the whole price: the confirmation says which code made the session free; a booking without one names none', async () => {
    const asMe = asToken(m.apiKey);
    expect((await m.json('/v1/me/promo-codes', { body: { code: 'ONTHEHOUSE', kind: 'percent', value: 100 }, headers: asMe })).status).toBe(201);
    const free = await m.json('/v1/bookings', { body: { specialist: 'demo', service: m.intro.id, start: MONDAY, customer, promoCode: 'onthehouse' } });
    expect(free.body.booking).toMatchObject({ status: 'confirmed', price: 0 });
    await m.settle();
    const [confirmed] = m.to('grace@example.com');
    expect(confirmed!.subject).toMatch(/^Confirmed: Intro call/);
    expect(confirmed!.text).toMatch(/Promo code\W+ONTHEHOUSE \(€49\.00 off\)/);
    expect(confirmed!.html).toContain('ONTHEHOUSE (€49.00 off)');
    const paid = await hold('2026-11-23T10:00:00Z', { ...customer, email: 'ada@example.com' });
    await pay(paid);
    await m.settle();
    for (const mail of m.to('ada@example.com')) expect(mail.text).not.toContain('Promo code');
  });
});

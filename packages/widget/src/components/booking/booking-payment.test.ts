import { expect, fixture, html } from '@open-wc/testing';
import type { BookingCreate, Booking, Slots, Specialist } from '@slotwise/sdk/contract';
import type { SlotwiseBooking } from './booking.component.js';
import {
  api,
  chooseService,
  chooseTime,
  deep,
  deepAll,
  eventually,
  fetchSlots,
  fillDetails,
  mountBooking,
  nextEvent,
  pickDay,
  submitDetails,
  timeButtons,
} from '../../testing/helpers.js';
import { fakeStripeCalls, fakeStripeUrl, paidBooking, paymentSession, paymentsClient } from '../../testing/payments.js';

const paid = () => window.__SLOTWISE_PAID__;

/** The demo specialist's own view of a booking, through the API with their secret key. */
async function specialistView(id: string): Promise<Booking> {
  const response = await fetch(`${api()}/v1/me/bookings/${id}`, { headers: { authorization: `Bearer ${paid().apiKey}` } });
  expect(response.status).to.equal(200);
  return response.json();
}

describe('<slotwise-booking> paying for a session (test mode, real API)', () => {
  it('holds the time, shows the amount, takes a declined and then a paid test payment, and confirms', async () => {
    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    await eventually(() => deepAll(el, 'slotwise-service-picker', '[part~="service"]').length === 2, 'the services');
    const listed = deepAll(el, 'slotwise-service-picker', '[part~="service"]').find((li) => li.textContent!.includes(paid().serviceName))!;
    expect(listed.textContent).to.include('€90.00');

    await chooseService(el, paid().serviceName);
    const date = await pickDay(el, 3);
    const start = (await chooseTime(el, 0)).dataset['start']!;
    expect(deep(el, 'slotwise-details-form', 'button[type="submit"]')!.textContent!.trim()).to.equal('Continue to payment');
    fillDetails(el, { name: 'Katherine Johnson', email: 'katherine@example.com' });
    const events: string[] = [];
    for (const type of ['slotwise:booked', 'slotwise:paid'] as const) el.addEventListener(type, () => events.push(type));
    const started = nextEvent(el, 'slotwise:payment-started');
    const refused = nextEvent(el, 'slotwise:error').then(({ detail: error }) => {
      throw new Error(`the API refused the booking: ${error.status} ${error.code} ${error.message}`);
    });
    submitDetails(el);
    const { detail } = await Promise.race([started, refused]);
    expect(detail).to.include({ amount: 9000, currency: 'EUR', mode: 'test' });
    expect(detail.bookingId).to.match(/^bk_/);

    const part = (name: string) => deep(el, 'slotwise-payment', `[part~="${name}"]`);
    await eventually(() => part('test-panel'), 'the payment step');
    expect(part('amount')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Amount to pay: €90.00');
    expect(part('test-panel')!.textContent).to.include('Test mode — no real payment');
    expect(part('countdown')!.textContent).to.match(/Complete payment within 1[45]:\d\d/);
    // Stripe.js is never loaded in test mode, and nothing is put in the page's light DOM.
    expect([...document.scripts].some((script) => script.src.includes('stripe'))).to.equal(false);
    expect(el.querySelector('[slot="payment"]')).to.equal(null);
    expect((await specialistView(detail.bookingId)).status).to.equal('held');

    const declined = nextEvent(el, 'slotwise:error');
    (part('decline-test') as HTMLButtonElement).click();
    expect((await declined).detail.code).to.equal('card_declined');
    await eventually(() => part('payment-error'), 'the decline');
    expect(part('payment-error')!.textContent).to.include('declined');
    expect(part('test-panel')).to.not.equal(undefined);
    const afterDecline = await specialistView(detail.bookingId);
    expect(afterDecline.status).to.equal('held');
    expect(afterDecline.payment!.status).to.equal('failed');

    // Neither holding the time nor a declined card books it.
    expect(events).to.deep.equal([]);
    const paidEvent = nextEvent(el, 'slotwise:paid');
    const booked = nextEvent(el, 'slotwise:booked');
    await eventually(() => !(part('pay-test') as HTMLButtonElement).disabled, 'pay enabled again');
    (part('pay-test') as HTMLButtonElement).click();
    expect((await paidEvent).detail.booking.status).to.equal('confirmed');
    const { booking, manageToken } = (await booked).detail;
    expect(events).to.deep.equal(['slotwise:paid', 'slotwise:booked']);
    expect(booking.id).to.equal(detail.bookingId);
    expect(booking.payment!.status).to.equal('succeeded');
    expect(manageToken).to.be.a('string').and.not.equal('');
    expect((await specialistView(detail.bookingId)).status).to.equal('confirmed');

    await eventually(() => deep(el, 'slotwise-confirmation', '[part="when"]'), 'the confirmation');
    expect(deep(el, 'slotwise-payment')).to.equal(undefined);
    // The paid time is not offered again, here or to anyone.
    deep<HTMLButtonElement>(el, 'slotwise-confirmation', '[part="book-again"]')!.click();
    await eventually(() => timeButtons(el).length > 0, 'the times again');
    expect(timeButtons(el).map((b) => b.dataset['start'])).to.not.include(start);
    const slots = await fetchSlots({ service: paid().serviceId, timezone: 'Europe/Berlin', from: date, to: date });
    expect(slots.days.flatMap((day) => day.slots.map((slot) => slot.start))).to.not.include(start);
  });
});

/** A client for `<slotwise-booking>` with one priced service and Stripe-mode checkout. */
function stripeClient() {
  const service = { id: 'svc_paid', name: 'Deep dive', description: '', currency: 'EUR', durations: [{ minutes: 90, price: 9000 }] };
  const specialist: Specialist = { handle: 'demo', name: 'Dr. Ada Demo', bio: '', timeZone: 'Europe/Berlin', services: [service], packages: [] };
  const created: BookingCreate[] = [];
  const session = paymentSession('stripe', { holdExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString() });
  const base = {
    specialists: {
      retrieve: async () => specialist,
      slots: async (_: string, query: { from: string; to: string; timezone: string }): Promise<Slots> => {
        const days = [];
        for (let day = new Date(`${query.from}T00:00:00Z`); day.toISOString().slice(0, 10) <= query.to; day.setUTCDate(day.getUTCDate() + 1)) {
          const date = day.toISOString().slice(0, 10);
          days.push({ date, slots: [{ start: `${date}T10:00:00Z`, end: `${date}T11:30:00Z` }] });
        }
        return { service: service.id, duration: 90, timeZone: query.timezone, from: query.from, to: query.to, days };
      },
    },
    bookings: {
      create: async (params: BookingCreate) => {
        created.push(params);
        const booking = { ...paidBooking('held', 'requires_payment'), holdExpiresAt: session.holdExpiresAt };
        return { booking, manageToken: 'bmt_secret', paymentSession: session };
      },
    },
  };
  return { ...paymentsClient({ sync: [paidBooking('confirmed', 'succeeded')] }, base), created, session };
}

describe('<slotwise-booking> paying with Stripe (fake Stripe.js, stubbed API)', () => {
  it("mounts Stripe's form in its own light DOM through the payment slot, and removes it once paid", async () => {
    const { client, calls, created, session } = stripeClient();
    const url = fakeStripeUrl();
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" timezone="Europe/Berlin"
      stripe-js=${url} .client=${client}></slotwise-booking>`);
    await chooseService(el, 'Deep dive');
    await pickDay(el, 0);
    await chooseTime(el, 0);
    fillDetails(el, { name: 'Grace Hopper', email: 'grace@example.com' });
    const started = nextEvent(el, 'slotwise:payment-started');
    submitDetails(el);
    expect((await started).detail).to.deep.equal({
      bookingId: 'bk_paid', amount: 9000, currency: 'EUR', mode: 'stripe', holdExpiresAt: session.holdExpiresAt,
    });
    expect(created).to.have.length(1);

    const card = () => el.querySelector<HTMLInputElement>(':scope > div[slot="payment"] input[name="cardnumber"]');
    await eventually(() => card(), 'the fake Payment Element');
    expect(window.__fakeStripe!.src).to.equal(url);
    const container = card()!.parentElement!;
    // The light-DOM child is projected through <slotwise-booking>'s slot into <slotwise-payment>'s.
    const inner = deep<HTMLSlotElement>(el, 'slotwise-payment', 'slot[name="payment"]')!;
    expect(inner.assignedElements({ flatten: true })).to.deep.equal([container]);
    expect(fakeStripeCalls('mount').at(-1)!['target']).to.equal(container);

    const pay = () => deep<HTMLButtonElement>(el, 'slotwise-payment', '[part~="pay"]')!;
    await eventually(() => !pay().disabled, 'pay enabled');
    const booked = nextEvent(el, 'slotwise:booked');
    pay().click();
    expect((await booked).detail.manageToken).to.equal('bmt_secret');
    expect(calls.sync).to.deep.equal([['bk_paid', 'bmt_secret']]);
    await eventually(() => deep(el, 'slotwise-confirmation', '[part="when"]'), 'the confirmation');
    expect(el.querySelector('[slot="payment"]')).to.equal(null);
    expect(card()).to.equal(null);
  });
});

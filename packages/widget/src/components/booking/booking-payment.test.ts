import { expect } from '@open-wc/testing';
import type { Booking } from '@slotwise/sdk/contract';
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
    // Held: "on_payment"; paid: the confirmation email is queued — and only now is it said.
    expect(deep(el, 'slotwise-confirmation', '.email')!.textContent!.replace(/\s+/g, ' ')).to.include('Your confirmation is on its way to');
    // The paid time is not offered again, here or to anyone.
    deep<HTMLButtonElement>(el, 'slotwise-confirmation', '[part="book-again"]')!.click();
    await eventually(() => timeButtons(el).length > 0, 'the times again');
    expect(timeButtons(el).map((b) => b.dataset['start'])).to.not.include(start);
    const slots = await fetchSlots({ service: paid().serviceId, timezone: 'Europe/Berlin', from: date, to: date });
    expect(slots.days.flatMap((day) => day.slots.map((slot) => slot.start))).to.not.include(start);
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import type { Booking } from '@slotwise/sdk/contract';
import type { SlotwiseEvent, SlotwiseEventMap } from '../../events.js';
import type { SlotwiseBooking } from './booking.component.js';
import { chooseService, chooseTime, deep, eventually, fillDetails, nextEvent, pickDay, submitDetails } from '../../testing/helpers.js';
import { typeInto } from '../../testing/keyboard.js';

// Nothing is stubbed here: the widget talks to a real Slotwise API (the runner's second one, see
// `startStripeApi` in test/api-server.mjs) whose payments go through the official Stripe SDK to
// the server's fake Stripe over HTTP; the browser loads the fake's Stripe.js, which confirms the
// PaymentIntent against that fake with the publishable key, as Stripe.js does with Stripe; the
// fake's signed webhooks reach the API's /v1/webhooks/stripe over HTTP.

const stripe = () => window.__SLOTWISE_STRIPE__;

async function read(path: string, bearer: string): Promise<Booking> {
  const response = await fetch(`${stripe().api}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  expect(response.status, `GET ${path}`).to.equal(200);
  return response.json();
}

/** The demo specialist's own view of a booking, with their secret API key. */
const specialistView = (id: string) => read(`/v1/me/bookings/${id}`, stripe().paid.apiKey);

/** What this page fetched from URLs matching `pattern`, oldest first, from the browser's resource timing. */
const requestsTo = (pattern: RegExp) =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => pattern.test(entry.name));

/** The next `type` event, or a failure naming the widget's `slotwise:error` if that comes first. */
function nextUnlessError<K extends keyof SlotwiseEventMap>(el: HTMLElement, type: K): Promise<SlotwiseEvent<K>> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      el.removeEventListener(type, done);
      el.removeEventListener('slotwise:error', fail);
    };
    const done = (event: Event) => {
      stop();
      resolve(event as SlotwiseEvent<K>);
    };
    const fail = (event: SlotwiseEvent<'slotwise:error'>) => {
      stop();
      reject(new Error(`slotwise:error before ${type}: ${event.detail.status} ${event.detail.code} ${event.detail.message}`));
    };
    el.addEventListener(type, done);
    el.addEventListener('slotwise:error', fail);
  });
}

describe('<slotwise-booking> paying with Stripe end to end (real API, Stripe SDK, fake Stripe server and its Stripe.js)', () => {
  it('shows a declined card and keeps the form, then takes the card and confirms only once the server has read the payment', async function () {
    this.timeout(60_000);
    const { api, stripeJs, paid } = stripe();
    const page = location.href;
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api} timezone="Europe/Berlin"
      stripe-js=${stripeJs}></slotwise-booking>`);
    await chooseService(el, paid.serviceName);
    await pickDay(el, 0);
    await chooseTime(el, 0);
    fillDetails(el, { name: 'Grace Hopper', email: 'grace@example.com' });
    const outcomes: string[] = [];
    for (const type of ['slotwise:paid', 'slotwise:booked'] as const) {
      el.addEventListener(type, () => outcomes.push(deep(el, 'slotwise-confirmation') ? `${type} after the confirmation` : type));
    }
    const started = nextUnlessError(el, 'slotwise:payment-started');
    submitDetails(el);
    const { detail: session } = await started;
    expect(session).to.include({ amount: 9000, currency: 'EUR', mode: 'stripe' });
    const { bookingId } = session;

    // The fake's Stripe.js, loaded once from the configured URL, mounts its Payment Element in the
    // element's light DOM, projected through both payment slots.
    const container = () => el.querySelector<HTMLElement>(':scope > div[slot="payment"]');
    const card = () => container()?.querySelector<HTMLInputElement>('[data-fake-stripe="payment-element"] input[name="cardnumber"]') ?? null;
    await eventually(card, "the fake Stripe's Payment Element");
    expect([...document.scripts].filter((script) => script.src === stripeJs)).to.have.length(1);
    expect(card()!.getRootNode()).to.equal(document);
    // Rendered, which a light-DOM child is only when a slot takes it.
    expect(card()!.getBoundingClientRect().height).to.be.greaterThan(0);
    const slot = deep<HTMLSlotElement>(el, 'slotwise-payment', 'slot[name="payment"]')!;
    expect(slot.assignedElements({ flatten: true })).to.deep.equal([container()]);
    const part = <T extends HTMLElement = HTMLElement>(name: string) => deep<T>(el, 'slotwise-payment', `[part~="${name}"]`);
    expect(part('amount')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Amount to pay: €90.00');
    expect(part('test-panel')).to.equal(undefined);
    const pay = () => part<HTMLButtonElement>('pay')!;
    await eventually(() => !pay().disabled, 'pay enabled');
    expect(pay().textContent!.trim()).to.equal('Pay €90.00');
    const held = await specialistView(bookingId);
    expect(held.status).to.equal('held');
    expect(held.payment).to.include({ status: 'requires_payment', amount: 9000 });

    const confirmUrl = /\/v1\/payment_intents\/pi_[^/?]+\/confirm$/;
    const syncUrl = new RegExp(`/v1/bookings/${bookingId}/payment/sync$`);

    // Declined by "Stripe": said next to the form, which stays; nothing booked, nothing asked of the API.
    await typeInto(card()!, '4000 0000 0000 0002');
    const declined = nextEvent(el, 'slotwise:error');
    pay().click();
    expect((await declined).detail).to.include({ code: 'card_declined', status: 402 });
    await eventually(() => part('payment-error'), 'the decline');
    expect(part('payment-error')!.textContent).to.equal('Your card was declined.');
    expect(card()!.value).to.equal('4000 0000 0000 0002');
    await eventually(() => requestsTo(confirmUrl).length === 1, 'the confirmation attempt in resource timing');
    expect(requestsTo(confirmUrl)[0]!.name.startsWith(new URL(stripeJs).origin)).to.equal(true);
    expect(requestsTo(syncUrl)).to.deep.equal([]);
    expect(outcomes).to.deep.equal([]);
    // Stripe's `payment_intent.payment_failed` webhook told the server; the time is still held.
    await eventually(async () => (await specialistView(bookingId)).payment!.status === 'failed', 'the failed payment in the API');
    const afterDecline = await specialistView(bookingId);
    expect(afterDecline.status).to.equal('held');
    expect(afterDecline.payment!.lastError).to.equal('card_declined');

    // Paid: the widget asks the API, which reads the PaymentIntent from Stripe, and only its answer confirms.
    await eventually(() => !pay().disabled, 'pay enabled again');
    await typeInto(card()!, '4242 4242 4242 4242');
    const booked = nextUnlessError(el, 'slotwise:booked');
    pay().click();
    const { booking, manageToken } = (await booked).detail;
    const bookedAt = performance.now();
    expect(outcomes).to.deep.equal(['slotwise:paid', 'slotwise:booked']);
    expect(booking).to.include({ id: bookingId, status: 'confirmed' });
    expect(booking.payment).to.include({ status: 'succeeded', amount: 9000 });
    await eventually(() => requestsTo(confirmUrl).length === 2 && requestsTo(syncUrl).length > 0, 'the payment and its check in resource timing');
    const [, paidAttempt] = requestsTo(confirmUrl);
    const syncs = requestsTo(syncUrl);
    expect(syncs[0]!.startTime).to.be.at.least(paidAttempt!.responseEnd);
    expect(syncs.at(-1)!.responseEnd).to.be.at.most(bookedAt);

    const asCustomer = await read(`/v1/bookings/${bookingId}`, manageToken);
    expect(asCustomer.status).to.equal('confirmed');
    expect(asCustomer.payment).to.include({ status: 'succeeded', amount: 9000, amountRefunded: 0, lastError: null });
    expect((await specialistView(bookingId)).status).to.equal('confirmed');

    await eventually(() => deep(el, 'slotwise-confirmation', '[part="when"]'), 'the confirmation');
    expect(deep(el, 'slotwise-payment')).to.equal(undefined);
    expect(container()).to.equal(null);
    // Confirmed in place: no redirect to the return URL.
    expect(location.href).to.equal(page);
  });
});

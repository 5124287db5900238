import { expect, fixture, html } from '@open-wc/testing';
import type { MyPackage } from '@slotwise/sdk/contract';
import type { SlotwiseBooking } from '../booking/booking.component.js';
import '../booking/booking.js';
import { deep, eventually } from '../../testing/helpers.js';
import { typeInto } from '../../testing/keyboard.js';

// As booking-stripe-e2e.test.ts, for a package: the runner's Stripe API (official Stripe SDK → the
// fake Stripe over HTTP), the fake's Stripe.js in the browser, signed webhooks back to the API.

const stripe = () => window.__SLOTWISE_STRIPE__;
const requestsTo = (pattern: RegExp) =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => pattern.test(entry.name));

/** A package of the Stripe API's demo, sold under a name of this run's own. */
async function createPackage(): Promise<MyPackage> {
  const { api, paid } = stripe();
  const response = await fetch(`${api}/v1/me/packages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${paid.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Two sessions ${Date.now().toString(36)}`, sessionCount: 2, serviceIds: [paid.serviceId], price: 15000, validityDays: 90 }),
  });
  expect(response.status).to.equal(201);
  return response.json();
}

describe('<slotwise-booking> buying a package with Stripe end to end', () => {
  it('pays in Stripe’s Payment Element and says it was bought only once the server read the payment', async function () {
    this.timeout(60_000);
    const { api, stripeJs } = stripe();
    const pkg = await createPackage();
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api} timezone="Europe/Berlin" stripe-js=${stripeJs}></slotwise-booking>`);
    await eventually(() => deep(el, 'slotwise-packages', `[data-package="${pkg.id}"]`), 'the package');
    deep<HTMLButtonElement>(el, 'slotwise-packages', `[data-package="${pkg.id}"]`)!.click();
    await eventually(() => deep(el, 'slotwise-package-form', 'form'), 'the buyer form');
    deep<HTMLInputElement>(el, 'slotwise-package-form', '#name')!.value = 'Grace Hopper';
    deep<HTMLInputElement>(el, 'slotwise-package-form', '#email')!.value = 'grace@example.com';
    deep<HTMLButtonElement>(el, 'slotwise-package-form', 'button[type="submit"]')!.click();

    // Stripe's form in the light DOM, projected into the payment step, as for a booking.
    const container = () => el.querySelector<HTMLElement>(':scope > div[slot="payment"]');
    const card = () => container()?.querySelector<HTMLInputElement>('[data-fake-stripe="payment-element"] input[name="cardnumber"]') ?? null;
    await eventually(card, "the fake Stripe's Payment Element");
    const pay = () => deep<HTMLButtonElement>(el, 'slotwise-payment', '[part~="pay"]')!;
    await eventually(() => !pay().disabled, 'pay enabled');
    expect(pay().textContent!.trim()).to.equal('Pay €150.00');
    await typeInto(card()!, '4242 4242 4242 4242');
    pay().click();

    await eventually(() => el.shadowRoot!.querySelector('[part~="bought"]'), 'what was bought');
    const syncUrl = /\/v1\/package-purchases\/pp_[^/]+\/payment\/sync$/;
    expect(requestsTo(syncUrl).length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector('[part~="bought"]')!.textContent).to.include(`You bought ${pkg.name}: 2 credits.`);
    await eventually(() => el.shadowRoot!.querySelector('[part~="credits"]')?.textContent?.includes('You have 2 credits'), 'the balance');
    expect(container()).to.equal(null);
  });
});

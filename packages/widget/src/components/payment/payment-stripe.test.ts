import { expect, html, waitUntil } from '@open-wc/testing';
import { inContext, nextEvent } from '../../testing/context.js';
import { fakeStripeCalls, fakeStripeUrl, fourteen32Before, holdExpiresAt, paidBooking, paymentSession } from '../../testing/payments.js';
import type { SlotwisePayment } from './payment.component.js';
import './payment.js';

// The element's own handling of Stripe.js, with a recording fake of it (test/fake-stripe.js) and
// no API (none of these reach it): loading once from the configured URL, the light-DOM mount and
// its removal, a load failure and its retry, the hold lapsing. Declining, paying and confirming
// through the server are driven end to end — real API, Stripe SDK, the server's fake Stripe and
// its Stripe.js — in ../booking/booking-stripe-e2e.test.ts.

async function mount(stripeJs: string) {
  const { el } = await inContext<SlotwisePayment>(
    html`<slotwise-payment .session=${paymentSession('stripe')} .booking=${paidBooking('held', 'requires_payment')}
      .now=${fourteen32Before} .stripeJs=${stripeJs}></slotwise-payment>`,
    { locale: 'en-US' },
  );
  const part = <T extends HTMLElement = HTMLElement>(name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  const card = () => el.querySelector<HTMLInputElement>(':scope > [slot="payment"] input[name="cardnumber"]');
  await waitUntil(() => card() && !part<HTMLButtonElement>('pay')!.disabled, 'the fake Payment Element');
  return { el, part, card };
}

describe('<slotwise-payment> with Stripe', () => {
  it('loads Stripe.js from the configured URL and mounts the Payment Element in light DOM through the slot', async () => {
    const url = fakeStripeUrl();
    const before = window.__fakeStripe?.loads ?? 0;
    const { el, part, card } = await mount(url);
    expect([...document.scripts].filter((script) => script.src === url)).to.have.length(1);
    expect(window.__fakeStripe!.loads).to.equal(before + 1);
    expect(window.__fakeStripe!.src).to.equal(url);
    expect(fakeStripeCalls('Stripe').at(-1)!['publishableKey']).to.equal('pk_test_fake');
    const elements = fakeStripeCalls('elements').at(-1)!;
    expect((elements['options'] as { clientSecret: string }).clientSecret).to.equal('pi_123_secret_456');
    expect(fakeStripeCalls('create').at(-1)!['type']).to.equal('payment');

    // Mounted into a light-DOM child of the element, shown through its `payment` slot.
    const container = fakeStripeCalls('mount').at(-1)!['target'] as HTMLElement;
    expect(container.parentElement).to.equal(el);
    expect(container.slot).to.equal('payment');
    expect(card()!.getRootNode()).to.equal(document);
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="payment"]')!;
    expect(slot.assignedElements()).to.deep.equal([container]);
    expect(part('pay')!.textContent!.trim()).to.equal('Pay €90.00');
    expect(part('test-panel')).to.equal(null);

    // Gone with the element, and back with it.
    const parent = el.parentElement!;
    el.remove();
    await el.updateComplete;
    expect(card()).to.equal(null);
    expect(el.querySelector('[slot="payment"]')).to.equal(null);
    expect(fakeStripeCalls('destroy')).to.not.have.length(0);
    parent.append(el);
    await waitUntil(() => card(), 'the form mounted again');
  });

  it('says so when Stripe.js cannot be loaded, and loads it when asked again', async () => {
    const failed = nextEvent(document, 'slotwise:error');
    const { el } = await inContext<SlotwisePayment>(
      html`<slotwise-payment .session=${paymentSession('stripe')} .booking=${paidBooking('held', 'requires_payment')}
        .now=${fourteen32Before} .stripeJs=${new URL('/test/no-such-stripe.js', location.origin).href}></slotwise-payment>`,
    );
    expect((await failed).detail.code).to.equal('stripe_js_unavailable');
    const alert = () => el.shadowRoot!.querySelector('[part~="payment-error"]');
    await waitUntil(alert, 'the load failure');
    expect(alert()!.textContent).to.include("could not load Stripe's payment form");
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="pay"]')!.disabled).to.equal(true);

    el.stripeJs = fakeStripeUrl();
    await waitUntil(() => el.querySelector('[slot="payment"] input'), 'the form after a retry');
    expect(alert()).to.equal(null);
  });

  it('takes the form away when the hold lapses', async () => {
    let now = fourteen32Before();
    const { el } = await inContext<SlotwisePayment>(
      html`<slotwise-payment .session=${paymentSession('stripe')} .booking=${paidBooking('held', 'requires_payment')}
        .now=${() => now} .stripeJs=${fakeStripeUrl()}></slotwise-payment>`,
    );
    await waitUntil(() => el.querySelector('[slot="payment"] input'), 'the form');
    now = new Date(Date.parse(holdExpiresAt) + 1000);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.querySelector('[slot="payment"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="pay"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="released"]')).to.not.equal(null);
  });
});

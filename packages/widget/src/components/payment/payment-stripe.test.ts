import { expect, html, waitUntil } from '@open-wc/testing';
import { inContext, nextEvent } from '../../testing/context.js';
import { fakeStripeCalls, fakeStripeUrl, fourteen32Before, holdExpiresAt, paidBooking, paymentSession, paymentsClient } from '../../testing/payments.js';
import type { SlotwisePayment } from './payment.component.js';
import './payment.js';

// Stripe mode against a fake Stripe.js (test/fake-stripe.js) and a stubbed API client: the
// server's fake Stripe API is not part of its build, so the real server runs test mode only.

async function mount(stripeJs: string, answers: Parameters<typeof paymentsClient>[0] = {}) {
  const { client, calls } = paymentsClient(answers);
  const { el } = await inContext<SlotwisePayment>(
    html`<slotwise-payment .session=${paymentSession('stripe')} .booking=${paidBooking('held', 'requires_payment')}
      .manageToken=${'bmt_secret'} .pollDelays=${[0, 0]} .now=${fourteen32Before} .stripeJs=${stripeJs}></slotwise-payment>`,
    { client, locale: 'en-US' },
  );
  const part = <T extends HTMLElement = HTMLElement>(name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  const card = () => el.querySelector<HTMLInputElement>(':scope > [slot="payment"] input[name="cardnumber"]');
  await waitUntil(() => card() && !part<HTMLButtonElement>('pay')!.disabled, 'the fake Payment Element');
  return { el, part, card, calls };
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

  it('shows a declined card next to the form and keeps it; paying then asks the server and confirms', async () => {
    const { el, part, card, calls } = await mount(fakeStripeUrl(), {
      sync: [paidBooking('held', 'requires_payment'), paidBooking('confirmed', 'succeeded')],
    });
    card()!.value = '4000 0000 0000 0002';
    const declined = nextEvent(el, 'slotwise:error');
    part('pay')!.click();
    const { detail } = await declined;
    expect(detail.code).to.equal('card_declined');
    await waitUntil(() => part('payment-error'), 'the decline');
    expect(part('payment-error')!.textContent).to.equal('Your card was declined.');
    expect(card()).to.not.equal(null);
    expect(calls.sync).to.deep.equal([]);
    await waitUntil(() => !part<HTMLButtonElement>('pay')!.disabled, 'pay enabled again');

    const confirm = fakeStripeCalls('confirmPayment').at(-1)!['options'] as Record<string, unknown>;
    expect(confirm['elements']).to.equal(fakeStripeCalls('elements').at(-1)!['group']);
    expect(confirm['redirect']).to.equal('if_required');
    expect(confirm['confirmParams']).to.deep.equal({ return_url: location.href });

    card()!.value = '4242 4242 4242 4242';
    const paid = nextEvent(el, 'slotwise:paid');
    part('pay')!.click();
    expect((await paid).detail.booking.status).to.equal('confirmed');
    // Stripe.js said "succeeded"; only the server's second answer counted.
    expect(calls.sync).to.deep.equal([
      ['bk_paid', 'bmt_secret'],
      ['bk_paid', 'bmt_secret'],
    ]);
    expect(part('payment-error')).to.equal(null);
  });

  it('says so when Stripe.js cannot be loaded, and loads it when asked again', async () => {
    const { client } = paymentsClient({});
    const failed = nextEvent(document, 'slotwise:error');
    const { el } = await inContext<SlotwisePayment>(
      html`<slotwise-payment .session=${paymentSession('stripe')} .booking=${paidBooking('held', 'requires_payment')}
        .now=${fourteen32Before} .stripeJs=${new URL('/test/no-such-stripe.js', location.origin).href}></slotwise-payment>`,
      { client },
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
    const { client } = paymentsClient({});
    const { el } = await inContext<SlotwisePayment>(
      html`<slotwise-payment .session=${paymentSession('stripe')} .booking=${paidBooking('held', 'requires_payment')}
        .now=${() => now} .stripeJs=${fakeStripeUrl()}></slotwise-payment>`,
      { client },
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

import { expect, html, waitUntil } from '@open-wc/testing';
import type { SlotwiseClient } from '@slotwise/sdk';
import type { PaymentSession } from '@slotwise/sdk/contract';
import { inContext, nextEvent } from '../../testing/context.js';
import { fakeStripeUrl, fourteen32Before, holdExpiresAt, paidBooking, paymentSession, paymentsClient } from '../../testing/payments.js';
import type { SlotwisePayment } from './payment.component.js';
import './payment.js';

const held = paidBooking('held', 'requires_payment');
const confirmed = paidBooking('confirmed', 'succeeded');

async function mount(client: SlotwiseClient, session: PaymentSession, props: { stripeJs?: string; now?: () => Date } = {}) {
  const { el } = await inContext<SlotwisePayment>(
    html`<slotwise-payment .session=${session} .booking=${held} .manageToken=${'bmt_secret'} .pollDelays=${[0, 0, 0]}
      .now=${props.now ?? fourteen32Before} .stripeJs=${props.stripeJs ?? fakeStripeUrl()}></slotwise-payment>`,
    { client, locale: 'en-US', timeZone: 'Europe/Berlin' },
  );
  const part = <T extends HTMLElement = HTMLElement>(name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  const text = (name: string) => part(name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return { el, part, text };
}

describe('<slotwise-payment> in test mode', () => {
  it('shows the amount, the time left and a labelled test panel, without loading Stripe.js', async () => {
    const scripts = document.scripts.length;
    const { el, part, text } = await mount(paymentsClient({}).client, paymentSession('test', { amount: 9000, currency: 'EUR' }));
    expect(text('amount')).to.equal('Amount to pay: €90.00');
    // The session's time says which zone it is in: the zone picker is steps behind by now.
    expect(el.shadowRoot!.querySelector('.what .zone')?.textContent).to.match(/^· Europe\/Berlin \(GMT\+\d\)$/);
    expect(text('countdown')).to.equal('Complete payment within 14:32');
    expect(text('test-panel')).to.include('Test mode — no real payment');
    expect(part('pay-test')!.textContent).to.equal('Pay (test)');
    expect(part('decline-test')!.textContent).to.equal('Decline (test)');
    expect(part('pay')).to.equal(null);
    expect(document.scripts.length).to.equal(scripts);
    expect(el.querySelector('[slot="payment"]')).to.equal(null);
  });

  it('formats the amount in the currency’s own digits', async () => {
    const { text } = await mount(paymentsClient({}).client, paymentSession('test', { amount: 9000, currency: 'JPY' }));
    expect(text('amount')).to.equal('Amount to pay: ¥9,000');
  });

  it('shows a decline next to the panel and keeps it; paying then confirms and tells the host page', async () => {
    const { client, calls } = paymentsClient({ confirmTest: [paidBooking('held', 'failed'), confirmed] });
    const { el, part, text } = await mount(client, paymentSession('test'));
    const declined = nextEvent(el, 'slotwise:error');
    part('decline-test')!.click();
    expect((await declined).detail.code).to.equal('card_declined');
    await waitUntil(() => part('payment-error'), 'the decline');
    expect(text('payment-error')).to.include('declined');
    expect(part('payment-error')!.getAttribute('role')).to.equal('alert');
    expect(calls.confirmTest).to.deep.equal([['pi_123', { outcome: 'decline' }]]);
    expect(part<HTMLButtonElement>('pay-test')!.disabled).to.equal(false);

    const paid = nextEvent(el, 'slotwise:paid');
    const booked = nextEvent(el, 'slotwise:booked');
    await el.updateComplete;
    part('pay-test')!.click();
    expect((await paid).detail.booking.status).to.equal('confirmed');
    const { detail } = await booked;
    expect(detail.booking.id).to.equal('bk_paid');
    expect(detail.manageToken).to.equal('bmt_secret');
    expect(calls.confirmTest[1]).to.deep.equal(['pi_123', { outcome: 'succeed' }]);
    // The server's answer was already "confirmed": nothing left to ask.
    expect(calls.sync).to.deep.equal([]);
  });

  it('asks the server again while the payment is not yet confirmed there', async () => {
    const { client, calls } = paymentsClient({ confirmTest: [held], sync: [held, held, confirmed] });
    const { el, part } = await mount(client, paymentSession('test'));
    const booked = nextEvent(el, 'slotwise:booked');
    part('pay-test')!.click();
    expect((await booked).detail.booking.status).to.equal('confirmed');
    expect(calls.sync).to.deep.equal([
      ['bk_paid', 'bmt_secret'],
      ['bk_paid', 'bmt_secret'],
      ['bk_paid', 'bmt_secret'],
    ]);
  });

  it('gives up waiting with a clear message, never confirms on its own, and can check again', async () => {
    const syncAnswers = [held];
    const { client, calls } = paymentsClient({ confirmTest: [held], sync: syncAnswers });
    const { el, part, text } = await mount(client, paymentSession('test'));
    let paid = false;
    el.addEventListener('slotwise:paid', () => (paid = true));
    part('pay-test')!.click();
    await waitUntil(() => part('payment-pending'), 'the waiting message');
    // One ask after each of the three delays.
    expect(calls.sync).to.have.length(3);
    const until = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeStyle: 'short' }).format(new Date(holdExpiresAt));
    expect(text('payment-pending')).to.include(`held until ${until}`).and.include('will not be charged twice');
    expect(paid).to.equal(false);
    expect(part<HTMLButtonElement>('pay-test')!.disabled).to.equal(true);

    // The webhook arrived meanwhile.
    syncAnswers[0] = confirmed;
    const booked = nextEvent(el, 'slotwise:paid');
    part('payment-pending')!.querySelector('button')!.click();
    expect((await booked).detail.booking.status).to.equal('confirmed');
    expect(calls.sync).to.have.length(4);
  });
});

describe('<slotwise-payment> countdown', () => {
  it('counts down from the hold, then says the time is released and offers another time', async () => {
    let now = fourteen32Before();
    const { el, part, text } = await mount(paymentsClient({}).client, paymentSession('test'), { now: () => now });
    expect(text('countdown')).to.equal('Complete payment within 14:32');
    now = new Date(now.getTime() + 61_000);
    el.requestUpdate();
    await el.updateComplete;
    expect(text('countdown')).to.equal('Complete payment within 13:31');
    expect(part('released')).to.equal(null);

    now = new Date(Date.parse(holdExpiresAt) + 1);
    el.requestUpdate();
    await el.updateComplete;
    expect(part('countdown')).to.equal(null);
    expect(part('test-panel')).to.equal(null);
    expect(text('released')).to.include('released').and.include('not been charged');
    const again = new Promise((resolve) => el.addEventListener('choose-again', resolve, { once: true }));
    part('choose-again')!.click();
    await again;
  });
});

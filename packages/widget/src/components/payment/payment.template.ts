import { html, nothing } from 'lit';
import type { BookingContext } from '../../context.js';
import { formatAmount, formatCountdown, formatInstantDate, formatMinutes, formatTime } from '../../internal/format.js';
import type { SlotwisePayment } from './payment.component.js';

export interface PaymentHandlers {
  payTest(): void;
  declineTest(): void;
  payStripe(): void;
  retryStripe(): void;
  checkAgain(): void;
  chooseAgain(): void;
}

/** The payment step: what is paid for, how much, until when, and the way to pay. */
export function renderPayment(el: SlotwisePayment, ctx: BookingContext | undefined, on: PaymentHandlers) {
  const { session, booking, purchase } = el;
  if (!session || (!booking && !purchase)) return nothing;
  const locale = ctx?.locale;
  const timeZone = ctx?.timeZone ?? booking?.customer.timeZone ?? 'UTC';
  const amount = formatAmount(session.amount, session.currency, locale);
  const busy = el.phase === 'paying' || el.phase === 'confirming';
  return html`
    <section part="payment" aria-labelledby="pay-heading" aria-busy=${busy ? 'true' : 'false'}>
      <h3 id="pay-heading" tabindex="-1">Payment</h3>
      <p class="what muted">
        ${purchase ? ctx?.messages.paymentForPackage(purchase.package.name, purchase.package.sessionCount) : html`
        ${booking!.service.name} · ${formatMinutes(booking!.duration, locale)} ·
        ${formatInstantDate(booking!.start, timeZone, locale)}, ${formatTime(booking!.start, timeZone, locale)}`}
      </p>
      <p part="amount" class="amount">Amount to pay: <strong>${amount}</strong></p>
      ${el.released ? renderReleased(el, on) : html`
        ${el.phase === 'unconfirmed' || !('holdExpiresAt' in session) ? nothing : html`<p part="countdown" class="countdown" role="timer">
          Complete payment within <strong>${formatCountdown(el.countdownRemaining)}</strong></p>`}
        ${session.mode === 'test' ? renderTestPanel(busy || el.phase === 'unconfirmed', on) : renderStripe(el, amount, busy, on)}
        ${el.message ? html`<p role="alert" part="payment-error" class="error">${el.message}</p>` : nothing}
        ${el.phase === 'confirming' ? html`<p role="status" class="muted">Confirming your payment…</p>` : nothing}
        ${el.phase === 'unconfirmed' && purchase ? html`<div part="payment-pending" role="status" class="pending">
          <p>${ctx?.messages.paymentPurchasePending}</p>
          <button type="button" @click=${on.checkAgain}>Check again</button>
        </div>` : nothing}
        ${el.phase === 'unconfirmed' && 'holdExpiresAt' in session ? html`<div part="payment-pending" role="status" class="pending">
          <p>We have not received the confirmation of your payment yet. Your time stays held until
            <strong>${formatTime(session.holdExpiresAt, timeZone, locale)}</strong>; if your payment went through,
            the booking is confirmed and you get an email. You will not be charged twice.</p>
          <button type="button" @click=${on.checkAgain}>Check again</button>
        </div>` : nothing}
      `}
    </section>
  `;
}

function renderTestPanel(disabled: boolean, on: PaymentHandlers) {
  return html`<div part="test-panel" class="test-panel" role="group" aria-labelledby="test-label">
    <p id="test-label"><strong>Test mode — no real payment.</strong> This site runs Slotwise's offline test payments:
      no card is needed and no money moves.</p>
    <div class="actions">
      <button type="button" part="pay-test" class="primary" ?disabled=${disabled} @click=${on.payTest}>Pay (test)</button>
      <button type="button" part="decline-test" ?disabled=${disabled} @click=${on.declineTest}>Decline (test)</button>
    </div>
  </div>`;
}

function renderStripe(el: SlotwisePayment, amount: string, busy: boolean, on: PaymentHandlers) {
  const status = el.stripeStatus;
  return html`
    <div part="payment-element" class="element"><slot name="payment"></slot></div>
    ${status === 'loading' ? html`<p class="muted">Loading the secure payment form…</p>` : nothing}
    ${status === 'failed' ? html`<p role="alert" part="payment-error" class="error">
      We could not load Stripe's payment form. Check your connection and
      <button type="button" @click=${on.retryStripe}>try again</button></p>` : nothing}
    ${el.phase === 'unconfirmed' ? nothing : html`<button type="button" part="pay" class="primary"
      ?disabled=${busy || status !== 'mounted'} @click=${on.payStripe}>${busy ? 'Paying…' : `Pay ${amount}`}</button>`}
  `;
}

function renderReleased(el: SlotwisePayment, on: PaymentHandlers) {
  const refunded = el.booking?.payment?.status === 'succeeded';
  return html`<div part="released" role="alert" class="released">
    <p>${refunded
      ? 'Your payment arrived after the time we held for you was released, so it is refunded in full.'
      : 'The time we held for you has been released, and you have not been charged.'}</p>
    <button type="button" part="choose-again" class="primary" @click=${on.chooseAgain}>Choose another time</button>
  </div>`;
}

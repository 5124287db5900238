import { html, nothing } from 'lit';
import type { BookingContext } from '../../context.js';
import type { Messages } from '../../i18n/index.js';
import { formatAmount, formatCountdown, formatInstantDate, formatMinutes, formatTime, dateTimeJoiner, zoneLabel } from '../../internal/format.js';
import type { SlotwisePayment } from './payment.component.js';
import { addEnglish } from '../../i18n/en.js';
import { payment } from '../../i18n/en/payment.js';
import { holds } from '../../i18n/en/holds.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(payment, holds);

export interface PaymentHandlers {
  payTest(): void;
  declineTest(): void;
  payStripe(): void;
  retryStripe(): void;
  checkAgain(): void;
  chooseAgain(): void;
  back(): void;
}

/** The payment step: what is paid for, how much, until when, and the way to pay. */
export function renderPayment(el: SlotwisePayment, ctx: BookingContext | undefined, on: PaymentHandlers) {
  const { session, booking, purchase } = el;
  if (!session || (!booking && !purchase)) return nothing;
  const locale = ctx?.locale;
  const timeZone = ctx?.timeZone ?? booking?.customer.timeZone ?? 'UTC';
  const amount = formatAmount(session.amount, session.currency, locale);
  const busy = el.phase === 'paying' || el.phase === 'confirming';
  const t = el.t;
  return html`
    <section part="payment" aria-labelledby="pay-heading" aria-busy=${busy ? 'true' : 'false'}>
      <h3 id="pay-heading" tabindex="-1">${t.paymentHeading}</h3>
      <p class="what muted">
        ${purchase ? t.paymentForPackage(purchase.package.name, purchase.package.sessionCount) : html`
        ${booking!.service.name} · ${formatMinutes(booking!.duration, locale)} ·
        ${formatInstantDate(booking!.start, timeZone, locale)}${dateTimeJoiner(locale)}${formatTime(booking!.start, timeZone, locale)}
        <span class="zone">· ${zoneLabel(timeZone, new Date(booking!.start), locale)}</span>`}
      </p>
      <p part="amount" class="amount">${t.amountToPay(html`<strong>${amount}</strong>`)}</p>
      ${el.released ? renderReleased(el, t, on) : html`
        ${el.phase === 'unconfirmed' || !('holdExpiresAt' in session) ? nothing : html`<p part="countdown" class="countdown" role="timer">
          ${t.payWithin(html`<strong class="clock">${formatCountdown(el.countdownRemaining)}</strong>`)}</p>`}
        ${session.mode === 'test' ? renderTestPanel(busy || el.phase === 'unconfirmed', t, on) : renderStripe(el, amount, busy, t, on)}
        ${el.message ? html`<p role="alert" part="payment-error" class="error" tabindex="-1">${el.message}</p>` : nothing}
        ${el.phase === 'confirming' ? html`<p role="status" class="muted">${t.confirmingPayment}</p>` : nothing}
        ${el.back && el.phase === 'ready' ? html`<button type="button" part="back" class="back" ?disabled=${el.leaving}
          @click=${on.back}>${purchase ? t.checkoutBack : el.leaving ? t.holdReleasing : t.holdBack}</button>` : nothing}
        ${el.phase === 'unconfirmed' && purchase ? html`<div part="payment-pending" role="status" class="pending" tabindex="-1">
          <p>${t.paymentPurchasePending}</p>
          <button type="button" @click=${on.checkAgain}>${t.checkAgain}</button>
        </div>` : nothing}
        ${el.phase === 'unconfirmed' && 'holdExpiresAt' in session ? html`<div part="payment-pending" role="status" class="pending" tabindex="-1">
          <p>${t.paymentUnconfirmed(html`<strong>${formatTime(session.holdExpiresAt, timeZone, locale)}</strong>`)}</p>
          <button type="button" @click=${on.checkAgain}>${t.checkAgain}</button>
        </div>` : nothing}
      `}
    </section>
  `;
}

function renderTestPanel(disabled: boolean, t: Messages, on: PaymentHandlers) {
  return html`<div part="test-panel" class="test-panel" role="group" aria-labelledby="test-label">
    <p id="test-label"><strong>${t.testModeTitle}</strong> ${t.testModeText}</p>
    <div class="actions">
      <button type="button" part="pay-test" class="primary" ?disabled=${disabled} @click=${on.payTest}>${t.payTest}</button>
      <button type="button" part="decline-test" ?disabled=${disabled} @click=${on.declineTest}>${t.declineTest}</button>
    </div>
  </div>`;
}

function renderStripe(el: SlotwisePayment, amount: string, busy: boolean, t: Messages, on: PaymentHandlers) {
  const status = el.stripeStatus;
  return html`
    <div part="payment-element" class="element"><slot name="payment"></slot></div>
    ${status === 'loading' ? html`<p class="muted">${t.loadingPaymentForm}</p>` : nothing}
    ${status === 'failed' ? html`<p role="alert" part="payment-error" class="error">
      ${t.stripeFailed(html`<button type="button" @click=${on.retryStripe}>${t.stripeRetry}</button>`)}</p>` : nothing}
    ${el.phase === 'unconfirmed' ? nothing : html`<button type="button" part="pay" class="primary"
      ?disabled=${busy || status !== 'mounted'} @click=${on.payStripe}>${busy ? t.paying : t.payAmount(amount)}</button>`}
  `;
}

function renderReleased(el: SlotwisePayment, t: Messages, on: PaymentHandlers) {
  const refunded = el.booking?.payment?.status === 'succeeded';
  return html`<div part="released" role="alert" class="released" tabindex="-1">
    <p>${refunded ? t.refundedLate : t.releasedUnpaid}</p>
    <button type="button" part="choose-again" class="primary" @click=${on.chooseAgain}>${t.chooseAnotherTime}</button>
  </div>`;
}

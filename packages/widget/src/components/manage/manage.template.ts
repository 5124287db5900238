import { html, nothing } from 'lit';
import type { Booking, CancellationQuote } from '@slotwise/sdk/contract';
import type { ErrorDetail } from '../../events.js';
import { formatAmount, formatCountdown, formatInstantDate, formatMinutes, formatTime, zoneLabel } from '../../internal/format.js';

/** How the view shows dates, times and amounts. */
export interface Display {
  timeZone: string;
  locale: string | undefined;
  /** Milliseconds left on a held booking's hold, `undefined` without one. */
  holdLeft: number | undefined;
  /** The API's base URL, for the receipt link. */
  api: string;
  manageToken: string;
}

const statusLabels: Record<Booking['status'], string> = {
  confirmed: 'Confirmed',
  held: 'Held',
  cancelled: 'Cancelled',
  expired: 'Expired: the time was not paid for in time',
  completed: 'Completed',
  no_show: 'Missed',
};

/** What and when, its status, and its payment. */
export function renderSummary(booking: Booking, display: Display) {
  const { timeZone, locale, holdLeft } = display;
  return html`
    <h3 id="heading" part="manage-title" tabindex="-1">${booking.service.name} with ${booking.specialist.name}</h3>
    <p part="when" class="when">
      <time datetime=${booking.start}>${formatInstantDate(booking.start, timeZone, locale)},
        <span class="time">${formatTime(booking.start, timeZone, locale)}</span> –
        <span class="end">${formatTime(booking.end, timeZone, locale)}</span></time>
      · <span class="duration">${formatMinutes(booking.duration, locale)}</span>
    </p>
    <p part="zone" class="zone muted">Times in ${zoneLabel(timeZone, new Date(booking.start), locale)}</p>
    <p part="booking-status" class="booking-status" data-status=${booking.status}>
      <span class="label">${statusLabels[booking.status]}</span>${booking.status === 'held' && holdLeft !== undefined
        ? html` · <span part="countdown">${holdLeft > 0 ? `complete payment within ${formatCountdown(holdLeft)}` : 'the hold has lapsed'}</span>`
        : nothing}
    </p>
    ${renderPayment(booking, display)}
  `;
}

function renderPayment(booking: Booking, { locale, api, manageToken }: Display) {
  const payment = booking.payment;
  if (!payment) return nothing;
  const money = (minor: number) => formatAmount(minor, payment.currency, locale);
  const pending = payment.refunds.filter((refund) => refund.status === 'pending').reduce((sum, refund) => sum + refund.amount, 0);
  const receipt = `${api.replace(/\/+$/, '')}/v1/bookings/${encodeURIComponent(booking.id)}/receipt?token=${encodeURIComponent(manageToken)}`;
  return html`<p part="payment-summary" class="payment">
    ${payment.status === 'succeeded' ? html`Paid <strong class="paid">${money(payment.amount)}</strong>` : html`${money(payment.amount)}, not paid`}
    ${payment.amountRefunded > 0 ? html` · <span class="refunded">${money(payment.amountRefunded)} refunded</span>` : nothing}
    ${pending > 0 ? html` · <span class="refund-pending">${money(pending)} refund on its way</span>` : nothing}
    ${payment.status === 'succeeded'
      ? html` · <a part="receipt" href=${receipt} target="_blank" rel="noopener noreferrer">Receipt</a>`
      : nothing}
  </p>`;
}

/** What cancelling now would do, in the visitor's words; shown before they can confirm. */
export function quoteText(quote: CancellationQuote, booking: Booking, locale: string | undefined): string {
  if (!quote.allowed) return quote.reason || 'This booking can no longer be cancelled.';
  if (quote.credit === 'returned') return 'Your session credit will be returned.';
  if (quote.credit === 'kept') return `Your session credit will be kept: ${tooLate(quote, booking)}.`;
  const { amount, currency, percent, rule } = quote.refund;
  if (amount > 0) {
    const money = formatAmount(amount, currency, locale);
    return rule === 'full' ? `You will get ${money} back (full refund).` : `You will get ${money} back (${percent} %).`;
  }
  if (booking.price === 0) return 'This session is free: there is nothing to refund.';
  return `No refund: ${tooLate(quote, booking)}.`;
}

/** "the session starts in less than 24 hours", from the last refund deadline before the start. */
function tooLate(quote: CancellationQuote, booking: Booking): string {
  const deadline = quote.partialRefundUntil ?? quote.fullRefundUntil;
  if (!deadline) return 'this booking is not refundable';
  const hours = Math.round((Date.parse(booking.start) - Date.parse(deadline)) / 3_600_000);
  return `the session starts in less than ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** What went wrong loading the booking, in words the visitor can act on. */
export function loadErrorText(error: ErrorDetail): string {
  if (error.code === 'booking_not_found' || error.code === 'manage_token_required') {
    return 'This link is not valid any more. Open the newest link from your confirmation email, or contact the specialist.';
  }
  if (error.code === 'network_error' || error.code === 'timeout') return `We could not reach the booking service. ${error.message}`;
  return `We could not load your booking. ${error.message}`;
}

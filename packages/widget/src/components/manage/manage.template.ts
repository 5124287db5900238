import { html, nothing } from 'lit';
import type { Booking, CancellationQuote } from '@slotwise/sdk/contract';
import type { ErrorDetail } from '../../events.js';
import type { Messages } from '../../i18n/index.js';
import { errorText } from '../../internal/errors.js';
import { formatAmount, formatCountdown, formatInstantDate, dateTimeJoiner, formatMinutes, formatTime, zoneLabel } from '../../internal/format.js';
import { addEnglish } from '../../i18n/en.js';
import { manage } from '../../i18n/en/manage.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(manage);

/** How the view shows dates, times and amounts. */
export interface Display {
  timeZone: string;
  locale: string | undefined;
  t: Messages;
  /** Milliseconds left on a held booking's hold, `undefined` without one. */
  holdLeft: number | undefined;
  /** The API's base URL, for the receipt link. */
  api: string;
  manageToken: string;
}

/** Each status's catalog key. */
const statusLabels = {
  confirmed: 'statusConfirmed',
  held: 'statusHeld',
  cancelled: 'statusCancelled',
  expired: 'statusExpired',
  completed: 'statusCompleted',
  no_show: 'statusNoShow',
} as const satisfies Record<Booking['status'], keyof Messages>;

/** What and when, its status, and its payment. */
export function renderSummary(booking: Booking, display: Display) {
  const { timeZone, locale, holdLeft, t } = display;
  return html`
    <h3 id="heading" part="manage-title" tabindex="-1">${t.serviceWith(booking.service.name, booking.specialist.name)}</h3>
    <p part="when" class="when">
      <time datetime=${booking.start}>${formatInstantDate(booking.start, timeZone, locale)}${dateTimeJoiner(locale)}<span class="time">${formatTime(booking.start, timeZone, locale)}</span> –
        <span class="end">${formatTime(booking.end, timeZone, locale)}</span></time>
      · <span class="duration">${formatMinutes(booking.duration, locale)}</span>
    </p>
    <p part="zone" class="zone muted">${t.timesIn(zoneLabel(timeZone, new Date(booking.start), locale))}</p>
    <p part="booking-status" class="booking-status" data-status=${booking.status}>
      <span class="label">${t[statusLabels[booking.status]]}</span>${booking.status === 'held' && holdLeft !== undefined
        ? html` · <span part="countdown">${holdLeft > 0 ? t.holdLeft(formatCountdown(holdLeft)) : t.holdLapsed}</span>`
        : nothing}
    </p>
    ${renderPayment(booking, display)}
  `;
}

function renderPayment(booking: Booking, { locale, t, api, manageToken }: Display) {
  const payment = booking.payment;
  if (!payment) return nothing;
  const money = (minor: number) => formatAmount(minor, payment.currency, locale);
  const pending = payment.refunds.filter((refund) => refund.status === 'pending').reduce((sum, refund) => sum + refund.amount, 0);
  const receipt = `${api.replace(/\/+$/, '')}/v1/bookings/${encodeURIComponent(booking.id)}/receipt?token=${encodeURIComponent(manageToken)}`;
  return html`<p part="payment-summary" class="payment">
    ${payment.status === 'succeeded' ? t.paidAmount(html`<strong class="paid">${money(payment.amount)}</strong>`) : t.notPaid(money(payment.amount))}
    ${payment.amountRefunded > 0 ? html` · <span class="refunded">${t.refunded(money(payment.amountRefunded))}</span>` : nothing}
    ${pending > 0 ? html` · <span class="refund-pending">${t.refundPending(money(pending))}</span>` : nothing}
    ${payment.status === 'succeeded'
      ? html` · <a part="receipt" href=${receipt} target="_blank" rel="noopener noreferrer">${t.receipt}</a>`
      : nothing}
  </p>`;
}

/** What cancelling now would do, in the visitor's words; shown before they can confirm. */
export function quoteText(quote: CancellationQuote, booking: Booking, locale: string | undefined, t: Messages): string {
  if (!quote.allowed) return quote.reason || t.cannotCancel;
  if (quote.credit === 'returned') return t.creditReturned;
  if (quote.credit === 'kept') return t.creditKept(tooLate(quote, booking, t));
  if (quote.credit === 'revoked') return t.creditRevoked;
  const { amount, currency, percent, rule } = quote.refund;
  if (amount > 0) {
    const money = formatAmount(amount, currency, locale);
    return rule === 'full' ? t.fullRefund(money) : t.partialRefund(money, percent);
  }
  if (booking.price === 0) return t.nothingToRefund;
  return t.noRefund(tooLate(quote, booking, t));
}

/** "the session starts in less than 24 hours", from the last refund deadline before the start. */
function tooLate(quote: CancellationQuote, booking: Booking, t: Messages): string {
  const deadline = quote.partialRefundUntil ?? quote.fullRefundUntil;
  if (!deadline) return t.notRefundable;
  return t.startsWithin(Math.round((Date.parse(booking.start) - Date.parse(deadline)) / 3_600_000));
}

/** What went wrong loading the booking, in words the visitor can act on. */
export function loadErrorText(error: ErrorDetail, t: Messages): string {
  if (error.code === 'booking_not_found' || error.code === 'manage_token_required') return t.linkInvalid;
  // No answer at all: the catalog's sentence says so on its own.
  if (error.code === 'network_error' || error.code === 'timeout') return errorText(error, t);
  return t.loadBookingFailed(errorText(error, t));
}

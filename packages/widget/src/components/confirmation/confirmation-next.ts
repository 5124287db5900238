import { html, nothing } from 'lit';
import type { Booking, CancellationQuote } from '@slotwise/sdk/contract';
import type { Messages } from '../../i18n/index.js';
import { formatMoment } from '../../internal/format.js';
import { addEnglish } from '../../i18n/en.js';
import { confirmation } from '../../i18n/en/confirmation.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(confirmation);

export interface NextInput {
  booking: Booking;
  /** What cancelling would do now, from the server; undefined until it answered (or if it failed). */
  quote: CancellationQuote | undefined;
  /** The link that opens this booking's page (its manage view); '' without a manage token. */
  manage: string;
  m: Messages;
  timeZone: string;
  locale: string | undefined;
  now: Date;
}

/** Until when cancelling refunds what, from the server's quote; nothing claimed without one. */
function policyLine({ quote, m, timeZone, locale, now, booking }: NextInput): string | undefined {
  if (!quote) return undefined;
  if (!quote.allowed || !quote.cancelUntil) return m.nextCannotCancel;
  const at = (instant: string) => formatMoment(instant, timeZone, locale, now);
  if (quote.credit) return m.nextCreditBack;
  if (booking.price === 0) return m.nextCancelUntil(at(quote.cancelUntil));
  // What a cancellation refunds now is the server's `refund.rule`: a full-refund deadline already
  // past (a booking made less than its hours ahead) is never offered as one still to meet.
  if (quote.refund.rule === 'full' && quote.fullRefundUntil) return m.nextFullRefund(at(quote.fullRefundUntil));
  if (quote.refund.rule === 'partial' && quote.partialRefundUntil) return m.nextPartialRefund(quote.refund.percent, at(quote.partialRefundUntil));
  return m.nextNoRefund;
}

/**
 * "What happens next" on the confirmation: when the join link appears (online sessions), until
 * when a cancellation refunds what (the server's quote), and the link to the booking's own page.
 * The email line stays with the confirmation, which knows whether one was queued.
 */
export function renderNext(input: NextInput) {
  const { booking, manage, m } = input;
  const online = booking.location?.kind === 'video' || booking.location?.kind === 'link';
  const joinMinutes = Math.round((Date.parse(booking.start) - Date.parse(booking.join.opensAt)) / 60_000);
  const policy = policyLine(input);
  // Past the policy's last moment nothing offers to reschedule or cancel online: the page still
  // shows the booking (and the join link), and the policy line says to contact the specialist.
  const closed = input.quote !== undefined && (!input.quote.allowed || !input.quote.cancelUntil);
  return html`<section part="next" class="next" aria-labelledby="next-title">
    <h4 id="next-title">${m.nextTitle}</h4>
    <ul>
      ${online && joinMinutes > 0 ? html`<li part="next-join">${m.nextJoin(joinMinutes)}</li>` : nothing}
      ${policy ? html`<li part="next-policy">${policy}</li>` : nothing}
      ${closed ? nothing : html`<li part="next-change">${m.nextChange}</li>`}
    </ul>
    ${manage
      ? html`<p class="manage"><a part="manage-link" href=${manage} referrerpolicy="no-referrer">${m.manageLink}</a>
          <span class="muted">${closed ? m.manageKeepClosed : m.manageKeep}</span></p>`
      : nothing}
  </section>`;
}

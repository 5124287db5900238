import { html, nothing } from 'lit';
import type { SpecialistBooking } from '@slotwise/sdk/contract';
import { renderReschedule } from '../../../components/manage/manage-reschedule.template.js';
import { formatAmount, formatInstantDate, formatTime, zoneLabel } from '../../../internal/format.js';
import { describedBy, invalid, renderFieldError, renderFormError } from '../../ui/field-error.js';
import { priceOf, statusLabels } from './agenda.js';
import { sourceText } from './source.js';
import type { SlotwiseConsoleBookingDetail } from './booking-detail.component.js';

const when = (instant: string, zone: string) => `${formatInstantDate(instant, zone)}, ${formatTime(instant, zone)}`;

/**
 * What cancelling does, said before it is done. There is no specialist-side quote in the API:
 * `cancelMyBooking` is documented as "always a full refund", so that is what this says.
 */
export function cancelConsequence(booking: SpecialistBooking): string {
  const name = booking.customer.name;
  const payment = booking.payment;
  // Not "open again": the day may have been closed since, or the time taken by an outside calendar.
  const freed = 'The time is no longer held for this booking: others can book it if it is still within your hours.';
  if (payment?.status === 'succeeded') {
    const left = payment.amount - payment.amountRefunded;
    return `${name} gets a full refund of ${formatAmount(left, payment.currency)}: a cancellation by you is always refunded in full. ${freed}`;
  }
  if (payment) return `No money was taken yet: the payment is cancelled and nothing is refunded. ${freed}`;
  return `This session is free: there is nothing to refund. ${freed}`;
}

/** The refund the cancelled booking shows, as a sentence (empty when there is none). */
export function refundSentence(booking: SpecialistBooking): string {
  const refund = booking.payment?.refunds.at(-1);
  if (!refund || !booking.payment) return '';
  const amount = formatAmount(refund.amount, booking.payment.currency);
  return refund.status === 'succeeded' ? ` ${amount} refunded to ${booking.customer.name}.` : ` A refund of ${amount} to ${booking.customer.name} ${refund.status === 'failed' ? 'failed' : 'is being issued'}.`;
}

export function renderDetail(host: SlotwiseConsoleBookingDetail, booking: SpecialistBooking) {
  const zone = host.timeZone;
  const started = Date.parse(booking.start) <= host.now().getTime();
  const open = booking.status === 'held' || booking.status === 'confirmed';
  const meeting = booking.meeting?.url ?? booking.join.url;
  return html`<p><a href="#/bookings" @click=${(e: Event) => (e.preventDefault(), host.session?.navigate('bookings'))}>← All bookings</a></p>
    <h2>${booking.customer.name} · ${booking.service.name}</h2>
    <p class="status-line">Status: <strong class="status">${statusLabels[booking.status]}</strong></p>
    <dl class="facts">
      <dt>Your time</dt><dd class="your-time">${when(booking.start, zone)}–${formatTime(booking.end, zone)} <span class="muted">${zoneLabel(zone, new Date(booking.start))}</span></dd>
      <dt>Customer’s time</dt><dd class="customer-time">${when(booking.start, booking.customer.timeZone)}–${formatTime(booking.end, booking.customer.timeZone)} <span class="muted">${zoneLabel(booking.customer.timeZone, new Date(booking.start))}</span></dd>
      <dt>Customer</dt><dd>${booking.customer.name} · <a href="mailto:${booking.customer.email}">${booking.customer.email}</a>${booking.customer.phone ? ` · ${booking.customer.phone}` : ''}</dd>
      <dt>Service</dt><dd>${booking.service.name}, ${booking.duration} min</dd>
      <dt>Price</dt><dd class="price">${priceOf(booking)}</dd>
      ${booking.promo ? html`<dt>Promo code</dt><dd class="promo">${booking.promo.code}: ${formatAmount(booking.promo.amountOff, booking.currency)} off</dd>` : nothing}
      ${booking.status === 'cancelled' || booking.status === 'expired'
        ? nothing // no session to join: a link would only invite a mistake
        : html`<dt>Meeting</dt><dd>${meeting ? html`<a href=${meeting} target="_blank" rel="noopener">${meeting}</a>` : booking.location.detail ?? html`<span class="muted">No link yet</span>`}</dd>`}
      ${booking.utm ? html`<dt>Source</dt><dd class="source">${sourceText(booking.utm)}</dd>` : nothing}
      ${booking.cancellationReason ? html`<dt>Cancellation reason</dt><dd>${booking.cancellationReason}</dd>` : nothing}
    </dl>
    ${host.error ? html`<p role="alert" class="form-error">${host.error}</p>` : nothing}
    ${booking.status === 'confirmed' || (open && !started) ? html`<section aria-labelledby="actions-heading">
      <h3 id="actions-heading">Actions</h3>
      <div class="actions">
        ${booking.status === 'confirmed' && started ? html`
          <button type="button" class="primary" ?disabled=${host.busy} @click=${() => host.complete()}>Mark completed</button>
          <button type="button" ?disabled=${host.busy} @click=${() => host.noShow()}>Mark no-show</button>` : nothing}
        ${booking.status === 'confirmed' && !started ? html`<button type="button" ?disabled=${host.busy || host.reschedule.open} @click=${() => host.startReschedule()}>Reschedule</button>` : nothing}
      </div>
      ${open && !started ? html`<div class="cancel">
        <label>Reason for cancelling (optional; ${host.capacity > 1 ? `${booking.customer.name} sees it, or every attendee when you cancel the whole session` : `${booking.customer.name} sees it`})
          <input name="reason" maxlength="500" .value=${host.reason} @input=${(e: Event) => (host.reason = (e.target as HTMLInputElement).value)} />
        </label>
        <button type="button" class="danger" ?disabled=${host.busy} @click=${() => host.cancel()}>Cancel booking…</button>
        ${host.capacity > 1 ? html`<button type="button" class="danger" ?disabled=${host.busy} @click=${() => host.cancelSession()}>Cancel the whole session…</button>` : nothing}
      </div>` : nothing}
      ${host.reschedule.open ? renderReschedule(host.reschedule, {
        monthChange: (e) => (host.reschedule.showMonth(e.detail.month), host.requestUpdate()),
        daySelect: (e) => host.reschedule.chooseDay(e.detail.date),
        slotSelected: (e) => host.reschedule.chooseSlot(e.detail.slot),
        confirm: () => void host.confirmReschedule(),
        close: () => host.reschedule.close(),
      }) : nothing}
    </section>` : nothing}
    ${renderPayment(booking)}
    <section aria-labelledby="notes-heading">
      <h3 id="notes-heading">Notes</h3>
      <p><strong>${booking.customer.name}’s note when booking:</strong> ${booking.notes || html`<span class="muted">none</span>`}</p>
      <form class="notes" @submit=${(e: Event) => host.saveNotes(e)} novalidate>
        ${renderFormError(host.notesErrors)}
        <label for="notes">Private notes (only you see them)</label>
        <textarea id="notes" rows="4" maxlength="10000" .value=${host.notes} aria-invalid=${invalid(host.notesErrors, 'notes')}
          aria-describedby=${describedBy(host.notesErrors, 'notes')} @input=${(e: Event) => (host.notes = (e.target as HTMLTextAreaElement).value)}></textarea>
        ${renderFieldError(host.notesErrors, 'notes')}
        <label for="sharedNotes">Shared with ${booking.customer.name} (on their booking page and in the email after the session)</label>
        <textarea id="sharedNotes" rows="4" .value=${host.sharedNotes} aria-invalid=${invalid(host.notesErrors, 'sharedNotes')}
          aria-describedby=${describedBy(host.notesErrors, 'sharedNotes')} @input=${(e: Event) => (host.sharedNotes = (e.target as HTMLTextAreaElement).value)}></textarea>
        ${renderFieldError(host.notesErrors, 'sharedNotes')}
        <label for="recordingUrl">Recording link for ${booking.customer.name} (https://)</label>
        <input id="recordingUrl" type="url" inputmode="url" .value=${host.recordingUrl} aria-invalid=${invalid(host.notesErrors, 'recordingUrl')}
          aria-describedby=${describedBy(host.notesErrors, 'recordingUrl')} @input=${(e: Event) => (host.recordingUrl = (e.target as HTMLInputElement).value)} />
        ${renderFieldError(host.notesErrors, 'recordingUrl')}
        <div class="actions"><button type="submit">Save notes</button></div>
      </form>
    </section>
    <section aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      <div class="table-wrap"><table class="history">
        <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">By</th><th scope="col">Reason</th></tr></thead>
        <tbody>${booking.events.map((event) => html`<tr>
          <td>${when(event.at, zone)}</td>
          <td>${event.type.replaceAll('_', ' ')}${event.toStatus && event.fromStatus !== event.toStatus && event.type !== event.toStatus ? ` → ${statusLabels[event.toStatus]}` : ''}</td>
          <td>${event.actor}</td>
          <td>${event.reason ?? ''}</td>
        </tr>`)}</tbody>
      </table></div>
    </section>`;
}

function renderPayment(booking: SpecialistBooking) {
  const payment = booking.payment;
  return html`<section aria-labelledby="payment-heading">
    <h3 id="payment-heading">Payment</h3>
    ${payment
      ? html`<p class="payment">${formatAmount(payment.amount, payment.currency)} · ${payment.status.replace('_', ' ')}${payment.amountRefunded ? html` · refunded ${formatAmount(payment.amountRefunded, payment.currency)}` : nothing}</p>
        ${payment.refunds.length ? html`<ul class="refunds">${payment.refunds.map((refund) => html`<li>Refund of ${formatAmount(refund.amount, payment.currency)}: ${refund.status}, ${formatInstantDate(refund.createdAt, booking.specialist.timeZone)}</li>`)}</ul>` : nothing}`
      : booking.paidWithCredit
      ? html`<p class="payment">Paid with a package credit: the money came with the package (see Packages).</p>`
      : html`<p class="payment">No payment: this session is free.</p>`}
  </section>`;
}

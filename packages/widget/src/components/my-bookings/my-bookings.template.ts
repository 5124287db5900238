import { html, nothing } from 'lit';
import { bookingCalendarUrl } from '@slotwise/sdk';
import type { CustomerBookingEntry, CustomerBookings } from '@slotwise/sdk/contract';
import type { Messages } from '../../i18n/index.js';
import { formatAmount, formatInstantDate, formatTime, dateTimeJoiner } from '../../internal/format.js';
import { addEnglish } from '../../i18n/en.js';
import { myBookings } from '../../i18n/en/my-bookings.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(myBookings);

export interface ListView {
  list: CustomerBookings;
  m: Messages;
  api: string;
  timeZone: string;
  locale: string | undefined;
  manage(entry: CustomerBookingEntry): void;
}

/** What was paid and refunded, from the booking's payment: nothing claimed without one. */
function money({ booking }: CustomerBookingEntry, { m, locale }: ListView) {
  const payment = booking.payment;
  if (!payment || payment.status !== 'succeeded') return nothing;
  return html`<span part="my-paid">${m.myPaid(formatAmount(payment.amount, payment.currency, locale))}${payment.amountRefunded > 0
    ? html` · ${m.myRefunded(formatAmount(payment.amountRefunded, payment.currency, locale))}` : nothing}</span>`;
}

function entry(view: ListView, item: CustomerBookingEntry) {
  const { booking, manageToken } = item;
  const { m, timeZone, locale, api } = view;
  const url = (path: string) => `${api.replace(/\/+$/, '')}/v1/bookings/${encodeURIComponent(booking.id)}/${path}?token=${encodeURIComponent(manageToken ?? '')}`;
  return html`<li part="my-booking" data-booking=${booking.id}>
    <p class="what"><strong>${booking.service.name}</strong> · <span part="my-status" data-status=${booking.status}>${m.myStatus(booking.status)}</span></p>
    <p class="when"><time datetime=${booking.start}>${formatInstantDate(booking.start, timeZone, locale)}${dateTimeJoiner(locale)}${formatTime(booking.start, timeZone, locale)} – ${formatTime(booking.end, timeZone, locale)}</time></p>
    <p class="muted">${money(item, view)}</p>
    ${booking.sharedNotes ? html`<div part="my-shared-notes"><p class="label">${m.mySharedNotes}</p><p class="notes">${booking.sharedNotes}</p></div>` : nothing}
    ${booking.recordingUrl ? html`<p><a part="my-recording" href=${booking.recordingUrl} target="_blank" rel="noopener noreferrer">${m.myRecording}</a></p>` : nothing}
    ${manageToken ? html`<p class="actions">
      ${booking.status === 'confirmed' || booking.status === 'held'
        ? html`<button type="button" part="my-manage" @click=${() => view.manage(item)}>${m.myManage(booking.service.name)}</button>` : nothing}
      ${booking.status === 'confirmed' ? html`<a part="my-calendar" href=${bookingCalendarUrl(api, booking.id, manageToken)} referrerpolicy="no-referrer">${m.myCalendar}</a>` : nothing}
      ${booking.payment?.status === 'succeeded' ? html`<a part="my-receipt" href=${url('receipt')} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">${m.myReceipt}</a>` : nothing}
    </p>` : nothing}
  </li>`;
}

/** The customer's bookings with this specialist, upcoming then past, and the credits left. */
export function renderList(view: ListView) {
  const { list, m } = view;
  const section = (id: string, title: string, items: readonly CustomerBookingEntry[]) => html`<section aria-labelledby=${id}>
    <h4 id=${id}>${title}</h4>
    ${items.length ? html`<ul class="bookings">${items.map((item) => entry(view, item))}</ul>` : html`<p class="muted">${m.myNone}</p>`}
  </section>`;
  return html`
    <p class="muted">${m.mySignedIn(list.customerEmail)}</p>
    ${list.credits.total > 0 ? html`<p part="my-credits">${m.myCredits(list.credits.total)}</p>` : nothing}
    ${section('my-upcoming', m.myUpcoming, list.upcoming)}
    ${section('my-past', m.myPast, list.past)}`;
}

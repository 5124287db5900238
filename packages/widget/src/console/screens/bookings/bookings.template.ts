import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Booking } from '@slotwise/sdk/contract';
import { formatDate, formatTime } from '../../../internal/format.js';
import { dayOf, priceOf, statusLabels, weekDates } from './agenda.js';
import type { SlotwiseConsoleBookings } from './bookings.component.js';
import { weekLayout, type Placement } from './week-layout.js';

/** A session as one link: time, customer, service and status; it opens the booking's detail. */
function bookingLink(host: SlotwiseConsoleBookings, booking: Booking, withDate = false, at?: Placement) {
  const zone = host.timeZone;
  const when = `${withDate ? `${formatDate(dayOf(booking, zone), undefined, { weekday: 'short' })}, ` : ''}${formatTime(booking.start, zone)}–${formatTime(booking.end, zone)}`;
  const style = at
    ? { '--top': `${at.top * 100}%`, '--height': `${at.height * 100}%`, '--lane': String(at.lane), '--lanes': String(at.lanes) }
    : {};
  return html`<a class="booking status-${booking.status}" href="#/bookings/${booking.id}" data-id=${booking.id} style=${styleMap(style)}
    @click=${(event: Event) => {
      event.preventDefault();
      host.open(booking.id);
    }}>
    <span class="when">${when}</span>
    <span class="who">${booking.customer.name}</span>
    <span class="what">${booking.service.name} · ${priceOf(booking)}</span>
    <span class="status">${statusLabels[booking.status]}</span>
  </a>`;
}

/** The list views: sessions grouped under their date (in the specialist's zone). */
export function renderAgenda(host: SlotwiseConsoleBookings, bookings: readonly Booking[]) {
  if (bookings.length === 0) {
    if (host.loading) return html`<p class="empty">Loading bookings…</p>`;
    // The screen opens on Today: an empty day points on to what is coming rather than looking like no bookings at all.
    if (host.view === 'today' && !host.status) {
      return html`<p class="empty">No sessions today. <button type="button" class="link" @click=${() => host.showView('upcoming')}>See upcoming sessions</button></p>`;
    }
    return html`<p class="empty">No bookings here.</p>`;
  }
  const days = new Map<string, Booking[]>();
  for (const booking of bookings) {
    const day = dayOf(booking, host.timeZone);
    days.set(day, [...(days.get(day) ?? []), booking]);
  }
  return html`<div class="agenda">
    ${[...days].map(([day, list]) => html`<section aria-labelledby="day-${day}">
      <h3 id="day-${day}">${formatDate(day)}</h3>
      <ul class="bookings">${list.map((booking) => html`<li>${bookingLink(host, booking)}</li>`)}</ul>
    </section>`)}
  </div>`;
}

/**
 * Seven columns, Monday first, on a time axis (the specialist's zone) from the earliest session's
 * hour to the latest one's end: each session a block placed by its start and sized by its length.
 * The blocks stay links whose text has the full time and customer; the hour labels are decoration.
 * A narrow screen stacks the days as a list (the styles drop the axis).
 */
export function renderWeek(host: SlotwiseConsoleBookings, bookings: readonly Booking[]) {
  const dates = weekDates(host.weekStart);
  const label = `Week of ${formatDate(dates[0]!, undefined, { weekday: undefined, year: 'numeric' })}`;
  const layout = weekLayout(bookings, host.timeZone);
  const hours = Array.from({ length: layout.toHour - layout.fromHour }, (_, i) => layout.fromHour + i);
  return html`<h3 class="week-label">${label}</h3>
    <div class="week-frame" style=${styleMap({ '--hours': String(hours.length) })}>
      <div class="axis" aria-hidden="true">${hours.map((hour) => html`<span>${String(hour).padStart(2, '0')}:00</span>`)}</div>
      <div class="week" role="list" aria-label=${label}>
        ${dates.map((date) => {
          const list = bookings.filter((booking) => dayOf(booking, host.timeZone) === date);
          return html`<div class="day ${date === host.today ? 'today' : ''}" role="listitem" data-date=${date}>
            <h4><span>${formatDate(date, undefined, { weekday: 'short', month: undefined, day: undefined })}</span> <span>${formatDate(date, undefined, { weekday: undefined, month: 'short' })}</span></h4>
            <div class="track">${list.length === 0 ? html`<p class="muted">No bookings</p>` : list.map((booking) => bookingLink(host, booking, false, layout.place.get(booking.id)))}</div>
          </div>`;
        })}
      </div>
    </div>`;
}

import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { bookingCalendarUrl, bookingEventTitle, googleCalendarUrl } from '@slotwise/sdk';
import type { Booking } from '@slotwise/sdk/contract';
import { en, type Messages } from '../../i18n/index.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './add-to-calendar.styles.js';
import { addEnglish } from '../../i18n/en.js';
import { calendar } from '../../i18n/en/calendar.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(calendar);

/**
 * @summary "Add to calendar" for a confirmed booking: its calendar file (`.ics`, for Apple
 * Calendar, Outlook and any app that imports one) and Google Calendar's "add event" page. Shows
 * nothing for a booking that is not confirmed.
 *
 * The file carries the booking's UID and SEQUENCE, so a calendar that imported it applies the
 * invites emailed later (a new time, a cancellation). Google's page makes a copy that does not
 * follow such changes. The manage token rides in the file's URL (as in the receipt's link), so the
 * link asks for no referrer; nothing secret goes to Google.
 *
 * @csspart add-to-calendar - The group of links, with its label.
 * @csspart calendar-ics - The link to the booking's `.ics` file.
 * @csspart calendar-google - The link to Google Calendar (opens a new tab).
 */
export class SlotwiseAddToCalendar extends LitElement {
  static override styles = [tokens, styles];

  @property({ attribute: false }) booking?: Booking;
  /** The booking's manage token: the calendar file's URL carries it. */
  @property({ attribute: false }) manageToken = '';
  /** The API's base URL. */
  @property({ attribute: false }) api = '';
  /** The text, in the visitor's language (the booking flow's or manage view's catalog). */
  @property({ attribute: false }) messages: Messages = en;

  override render() {
    const booking = this.booking;
    if (!booking || booking.status !== 'confirmed' || !this.manageToken || !this.api) return nothing;
    const t = this.messages;
    const title = bookingEventTitle(booking);
    const google = googleCalendarUrl({ title, start: booking.start, end: booking.end, details: t.calendarDetails(title) });
    return html`<div part="add-to-calendar" class="add" role="group" aria-labelledby="label">
      <span id="label" class="label">${t.addToCalendar}</span>
      <a part="calendar-ics" href=${bookingCalendarUrl(this.api, booking.id, this.manageToken)} download=${`slotwise-${booking.id}.ics`}
        referrerpolicy="no-referrer">${t.calendarFile}</a>
      <a part="calendar-google" href=${google} target="_blank" rel="noopener noreferrer">${t.googleCalendar}<span class="visually-hidden"
        >${t.opensInNewTab}</span></a>
    </div>`;
  }
}

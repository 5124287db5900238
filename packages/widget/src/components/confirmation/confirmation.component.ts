import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Booking } from '@slotwise/sdk/contract';
import { bookingContext, type BookingContext } from '../../context.js';
import { en } from '../../i18n/index.js';
import { formatInstantDate, dateTimeJoiner, formatMinutes, formatTime, zoneLabel } from '../../internal/format.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './confirmation.styles.js';
import { manageLink } from '../../internal/page-fragment.js';
import { renderNext } from './confirmation-next.js';
import { QuoteController } from './quote-controller.js';
import '../add-to-calendar/add-to-calendar.js';
import { addEnglish } from '../../i18n/en.js';
import { confirmation } from '../../i18n/en/confirmation.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(confirmation);

/**
 * @summary What was booked, when (in the visitor's zone), and whether a confirmation email is on its way.
 *
 * @event book-again - Internal, to `<slotwise-booking>`: the visitor wants another time.
 *
 * @csspart confirmation - The whole confirmation.
 * @csspart when - The date and time line.
 * @csspart book-again - The button that starts over.
 * @csspart add-to-calendar - The "Add to calendar" links: `calendar-ics` (the `.ics` file) and `calendar-google`.
 * @csspart next - "What happens next": `next-join` (when the join link appears), `next-policy` (until
 * when cancelling refunds what) and `manage-link` (this booking's page: the manage view, on this page).
 */
export class SlotwiseConfirmation extends LitElement {
  static override styles = [tokens, styles];

  @property({ attribute: false }) booking?: Booking;
  /** The booking's manage token, for the calendar file's link. */
  @property({ attribute: false }) manageToken = '';
  /**
   * What the server said of the confirmation email: `queued` (on its way to the customer's
   * address), `off` (this server sends none). Unknown: nothing is claimed either way.
   */
  @property({ attribute: false }) email?: 'queued' | 'off';
  /** The clock, for "until 18:00" against today. */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @consume({ context: bookingContext, subscribe: true })
  @state()
  protected ctx?: BookingContext;

  private readonly quote = new QuoteController(this);

  protected override willUpdate(): void {
    const { booking, manageToken, ctx } = this;
    if (booking && manageToken && ctx?.client.bookings) this.quote.load({ client: ctx.client, id: booking.id, manageToken });
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus(options);
  }

  override render() {
    const booking = this.booking;
    if (!booking) return html``;
    const timeZone = this.ctx?.timeZone ?? booking.customer.timeZone;
    const locale = this.ctx?.locale;
    const t = this.ctx?.messages ?? en;
    return html`
      <section part="confirmation" aria-labelledby="heading">
        <h3 id="heading" tabindex="-1">${t.bookedHeading}</h3>
        <p class="what">${t.serviceWith(booking.service.name, booking.specialist.name)} · ${formatMinutes(booking.duration, locale)}</p>
        <p part="when" class="when">
          <time datetime=${booking.start}>${formatInstantDate(booking.start, timeZone, locale)}${dateTimeJoiner(locale)}<span class="time">${formatTime(booking.start, timeZone, locale)}</span> –
            <span class="end">${formatTime(booking.end, timeZone, locale)}</span></time>
        </p>
        <p class="zone muted">${t.timesIn(zoneLabel(timeZone, new Date(booking.start), locale))}</p>
        ${this.email === 'queued'
          ? html`<p class="email">${t.emailQueued(html`<strong>${booking.customer.email}</strong>`)}</p>`
          : this.email === 'off'
            ? html`<p class="email">${t.emailOff}</p>`
            : nothing}
        <slotwise-add-to-calendar exportparts="add-to-calendar, calendar-ics, calendar-google" .booking=${booking}
          .manageToken=${this.manageToken} .api=${this.ctx?.client.baseURL ?? ''} .messages=${t}></slotwise-add-to-calendar>
        ${this.ctx
          ? renderNext({
              booking,
              quote: this.quote.value,
              manage: this.manageToken ? manageLink(booking.id, this.manageToken) : '',
              m: this.ctx.messages,
              timeZone,
              locale,
              now: this.now(),
            })
          : nothing}
        <button type="button" part="book-again" @click=${this.bookAgain}>${t.bookAnotherTime}</button>
      </section>
    `;
  }

  private bookAgain(): void {
    this.dispatchEvent(new CustomEvent('book-again'));
  }
}

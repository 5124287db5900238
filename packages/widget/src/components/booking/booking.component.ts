import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createClient, type SlotwiseClient } from '@slotwise/sdk';
import { emit, type SlotwiseEvent } from '../../events.js';
import { pageLocale } from '../../internal/format.js';
import { loadMessages, messagesFor } from '../../i18n/index.js';
import { tokens } from '../../styles/tokens.js';
import { BookingFlow, type PendingPayment } from './booking-flow.js';
import { renderNotAccepting, renderPaymentStep, renderProfileError, renderSchedule, type PaymentStep } from './booking.template.js';
import { styles } from './booking.styles.js';
import '../service-picker/service-picker.js';
import '../calendar/calendar.js';
import '../time-list/time-list.js';
import '../details-form/details-form.js';
import '../payment/payment.js';
import '../confirmation/confirmation.js';
import '../manage/manage.js';
import '../zone-picker/zone-picker.js';
import { zoneMemory } from '../zone-picker/zone-memory.js';
import { resolveZone } from '../../internal/time-zones.js';
import { PageLinksController } from './page-links.js';
import { manageParts } from '../manage/manage-parts.js';

/**
 * @summary Books a 1:1 session with one specialist: service → day → time → details → payment
 * (priced sessions) → confirmation. With `booking` and `token` it shows that booking instead, to
 * reschedule or cancel it (`<slotwise-manage>`, whose parts it exports).
 *
 * @slot payment - Do not fill: the element puts Stripe's Payment Element here itself, in a light-DOM
 * child it creates for the payment step and removes afterwards (Stripe's iframes need the light DOM).
 *
 * @event slotwise:service-selected - `detail: { service, duration }`.
 * @event slotwise:slot-selected - `detail: { service, duration, slot, timeZone }`.
 * @event slotwise:payment-started - A priced time is held. `detail: { bookingId, amount, currency, mode, holdExpiresAt }`.
 * @event slotwise:paid - The server confirmed the payment. `detail: { booking }`.
 * @event slotwise:booked - The booking is confirmed (free: at once; paid: after payment).
 *   `detail: { booking, manageToken }`; keep the token to manage the booking later.
 * @event slotwise:cancelled - Manage view: the booking was cancelled. `detail: { booking }`.
 * @event slotwise:rescheduled - Manage view: the booking was moved. `detail: { booking, previousStart }`.
 * @event slotwise:join-opened - Manage view: the Join link shows (the join window opened, or the view was
 *   opened inside it); once per booking and window. `detail: { booking, url, closesAt }`.
 * @event slotwise:joined - Manage view: the visitor activated Join. Cancelable: `preventDefault()` keeps
 *   the link from opening (to open `detail.url` your own way). `detail: { booking, url }`.
 * @event slotwise:error - `detail: { code, status, message, problem }`, for every failed request and declined card.
 *
 * @csspart base - The wrapper. @csspart header - Name and bio. @csspart title - The heading.
 * @csspart status - Loading and empty-state text. @csspart alert - Errors and "time taken".
 * @csspart unavailable - "<name> is not taking bookings right now.", instead of services and calendar; or, for a
 * priced service while the specialist cannot take paid bookings yet (email unverified), instead of the calendar.
 * @csspart schedule - Calendar and times. The inner elements' parts are exported as well,
 * the payment step's included (`payment`, `amount`, `countdown`, `pay`, `test-panel`, …), "Add to
 * calendar" on the confirmation and the manage view (`add-to-calendar`, `calendar-ics`, `calendar-google`)
 * and the manage view's join flow (`join-panel`, `join-countdown`, `join`, `join-remaining`, `join-waiting`,
 * `join-check`, `location`, `location-phone`, `follow-up`, `feedback`, `shared-notes`, `recording`).
 *
 * @cssproperty --slotwise-accent - Buttons, the chosen day and time, focus rings.
 * @cssproperty --slotwise-accent-text - Text on the accent colour.
 * @cssproperty --slotwise-background - Background of fields and buttons.
 * @cssproperty --slotwise-surface - Cards. @cssproperty --slotwise-border - Borders.
 * @cssproperty --slotwise-text - Text. @cssproperty --slotwise-muted - Secondary text.
 * @cssproperty --slotwise-danger - Errors. @cssproperty --slotwise-radius - Corner radius.
 * @cssproperty --slotwise-font - Font family.
 * @cssproperty --slotwise-join-background - The manage view's Join button. Default: `--slotwise-accent`.
 * @cssproperty --slotwise-join-text - Text on the Join button. Default: `--slotwise-accent-text`.
 */
export class SlotwiseBooking extends LitElement {
  static override styles = [tokens, styles];

  /** The API origin used without an `api` attribute; the script-tag build sets it to its own origin. */
  static defaultApi: string | undefined;

  /** The specialist's handle. */
  @property({ reflect: true }) specialist = '';
  /** The API's base URL. Defaults to where the script came from, else this page's origin. */
  @property() api?: string;
  /** The IANA zone to show times in. Defaults to the browser's; a zone the visitor picks wins (for the visit). */
  @property() timezone?: string;
  /** A client to use instead of one built from `api` (e.g. one with extra headers). */
  @property({ attribute: false }) client?: SlotwiseClient;
  /** The clock: "today", the first month shown, the hold's countdown and the join window's come from it. */
  @property({ attribute: false }) now: () => Date = () => new Date();
  /** A booking to show and manage instead of the booking flow (`bk_…`; needs `token`). */
  @property() booking?: string;
  /** The booking's manage token (`bmt_…`), from `slotwise:booked` or the confirmation email's link. */
  @property() token?: string;
  /** Where Stripe.js is loaded from (Stripe's own `https://js.stripe.com/v3/` unless a test says otherwise). */
  @property({ attribute: 'stripe-js' }) stripeJs?: string;

  protected readonly flow = new BookingFlow(this, () => this.now());
  /** `#slotwise-booking=…` links (the confirmation's manage link) open their booking here. */
  protected readonly links = new PageLinksController(this);
  private ownClient?: { baseURL: string; client: SlotwiseClient };
  /** The light-DOM element Stripe's form is mounted in, while a Stripe payment is under way. */
  private paymentContainer: HTMLElement | undefined;
  /** "My bookings" shows instead of the flow; with an emailed link's token to exchange, if one came. */
  @state() private mine: { linkToken?: string } | undefined;
  /** The booking shown was opened from "My bookings": offer the way back. */
  @state() private cameFromMine = false;
  /** The zone the visitor picked in the switcher, this visit (sessionStorage). */
  private pickedZone = zoneMemory.read();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.flow.payment?.paymentSession.mode === 'stripe' && !this.paymentContainer) {
      this.paymentContainer = document.createElement('div');
      this.paymentContainer.slot = 'payment';
      this.append(this.paymentContainer);
    }
    const keys = ['specialist', 'api', 'client', 'timezone', 'booking', 'token'] as const;
    if (this.flow.ctx && !keys.some((key) => changed.has(key))) return;
    const locale = pageLocale(this.closest('[lang]')?.getAttribute('lang'));
    this.flow.configure({
      client: this.client ?? this.clientFor(this.baseUrl),
      // Managing a booking needs no specialist profile: none is loaded meanwhile.
      specialist: this.managing ? '' : this.specialist,
      timeZone: this.pickedZone ?? resolveZone(this.timezone),
      locale,
      messages: messagesFor(locale),
    });
    void this.loadCatalog(locale);
  }

  /** Swaps in `locale`'s catalog once loaded, unless the locale changed meanwhile. */
  private async loadCatalog(locale: string | undefined): Promise<void> {
    const messages = await loadMessages(locale);
    const ctx = this.flow.ctx;
    if (ctx && ctx.locale === locale && ctx.messages !== messages) this.flow.configure({ ...ctx, messages });
  }

  /** Whether the element shows one booking (`booking` and `token`) rather than the booking flow. */
  get managing(): boolean {
    return Boolean(this.booking && this.token);
  }

  private get baseUrl(): string {
    return this.api || this.client?.baseURL || SlotwiseBooking.defaultApi || location.origin;
  }

  override render() {
    const { flow } = this;
    if (this.managing && flow.ctx) {
      return html`<div part="base" class="base"><slotwise-manage exportparts=${manageParts} .client=${flow.ctx.client}
        .bookingId=${this.booking!} .manageToken=${this.token!} .api=${this.baseUrl} .timeZone=${flow.ctx.timeZone}
        .locale=${flow.ctx.locale} .now=${this.now}></slotwise-manage>
        ${this.cameFromMine ? html`<button type="button" part="my-bookings-link" @click=${this.backToMine}>${flow.ctx.messages.myTitle}</button>` : nothing}</div>`;
    }
    const profile = flow.profile.value;
    return html`<div part="base" class="base">
      <p role="status" part="status" class="status">${statusText(flow)}</p>
      ${!this.specialist
        ? html`<p role="alert" part="alert">${this.flow.ctx?.messages.noSpecialist ?? ""}</p>`
        : flow.profile.error ? renderProfileError(flow.profile.error, this.specialist, () => void flow.loadProfile()) : nothing}
      ${profile ? html`
        <header part="header">
          <h2 part="title">${flow.ctx!.messages.bookTitle(profile.name)}</h2>
          ${profile.bio ? html`<p class="bio muted">${profile.bio}</p>` : nothing}
          ${this.mine ? nothing : html`<button type="button" part="my-bookings-link" class="link" @click=${() => this.openMyBookings()}>${flow.ctx!.messages.myOpen}</button>`}
        </header>
        ${this.mine
          ? html`<slotwise-my-bookings exportparts=${myBookingsParts} .linkToken=${this.mine.linkToken} @close=${this.closeMyBookings}
              @manage-booking=${this.onManageBooking}></slotwise-my-bookings>`
          : profile.acceptingBookings === false
          ? renderNotAccepting(profile)
          : flow.payment
          ? renderPaymentStep(flow.payment, this.paymentStep())
          : flow.booked
          ? html`<slotwise-confirmation exportparts="confirmation, when, book-again, add-to-calendar, calendar-ics, calendar-google, next, next-join, next-policy, manage-link"
              .booking=${flow.booked} .manageToken=${flow.bookedToken ?? ''} .email=${flow.bookedEmail} .now=${this.now}
              @book-again=${this.onBookAgain}></slotwise-confirmation>`
          : html`<slotwise-zone-picker exportparts=${zonePickerParts} .now=${this.now}
              @slotwise:time-zone-changed=${this.onZoneChanged}></slotwise-zone-picker>
            <slotwise-service-picker exportparts="services, service, service-name, duration, duration-selected"
              .services=${profile.services} @slotwise:service-selected=${this.onServiceSelected}></slotwise-service-picker>
            ${renderSchedule(flow, this.handlers)}`}` : nothing}
    </div>`;
  }

  protected override updated(): void {
    if (!this.flow.payment && this.paymentContainer) {
      this.paymentContainer.remove();
      this.paymentContainer = undefined;
    }
  }

  private paymentStep(): PaymentStep {
    return {
      stripeJs: this.stripeJs,
      now: this.now,
      container: this.paymentContainer,
      booked: this.handlers.booked,
      chooseAgain: () => {
        this.flow.holdReleased();
        void this.focusPart('slotwise-time-list');
      },
    };
  }

  private readonly handlers = {
    monthChange: (event: CustomEvent<{ month: string }>) => this.flow.showMonth(event.detail.month),
    daySelect: (event: CustomEvent<{ date: string }>) => {
      this.flow.chooseDay(event.detail.date);
      void this.focusPart('slotwise-time-list');
    },
    slotSelected: (event: SlotwiseEvent<'slotwise:slot-selected'>) => {
      this.flow.chooseSlot(event.detail.slot);
      void this.focusPart('slotwise-details-form');
    },
    booked: (event: SlotwiseEvent<'slotwise:booked'>) => {
      this.flow.bookingMade(event.detail.booking, event.detail.manageToken, event.detail.notifications);
      void this.focusPart('slotwise-confirmation');
    },
    paymentRequired: (event: CustomEvent<PendingPayment>) => {
      const { booking, paymentSession: session } = event.detail;
      this.flow.paymentRequired(event.detail);
      emit(this, 'slotwise:payment-started', {
        bookingId: booking.id,
        amount: session.amount,
        currency: session.currency,
        mode: session.mode,
        holdExpiresAt: session.holdExpiresAt,
      });
      void this.focusPart('slotwise-payment');
    },
    error: (event: SlotwiseEvent<'slotwise:error'>) => {
      if (event.detail.code !== 'slot_unavailable' && event.detail.code !== 'not_a_slot') return;
      this.flow.slotTaken();
      void this.focusPart('slotwise-time-list');
    },
    retrySlots: () => void this.flow.loadSlots(),
  };

  private onServiceSelected(event: SlotwiseEvent<'slotwise:service-selected'>): void {
    this.flow.chooseService(event.detail.service, event.detail.duration);
    void this.focusPart('slotwise-calendar');
  }

  /** Shows "My bookings" (from its link in the header, or an emailed link's token). */
  openMyBookings(linkToken?: string): void {
    // Loaded on first use: most visitors book and never open it.
    void import('../my-bookings/my-bookings.js');
    this.mine = { ...(linkToken ? { linkToken } : {}) };
    void this.focusPart('slotwise-my-bookings');
  }

  private closeMyBookings(): void {
    this.mine = undefined;
    void this.focusPart('[part="my-bookings-link"]');
  }

  private onManageBooking(event: CustomEvent<{ id: string; token: string }>): void {
    this.mine = undefined;
    this.cameFromMine = true;
    this.booking = event.detail.id;
    this.token = event.detail.token;
  }

  /** From a booking opened in "My bookings" back to the list (the session is still in the tab). */
  private backToMine(): void {
    this.cameFromMine = false;
    this.booking = undefined;
    this.token = undefined;
    this.openMyBookings();
  }

  /** Every step follows the picked zone; the day is chosen again (dates differ between zones). */
  private onZoneChanged(event: SlotwiseEvent<'slotwise:time-zone-changed'>): void {
    this.pickedZone = event.detail.timeZone;
    zoneMemory.write(this.pickedZone);
    if (this.flow.ctx) this.flow.configure({ ...this.flow.ctx, timeZone: this.pickedZone });
  }

  private onBookAgain(): void {
    this.flow.bookAgain();
    void this.focusPart(this.flow.ctx?.selection.date ? 'slotwise-time-list' : 'slotwise-calendar');
  }

  /** Moves focus to the step the visitor just reached, once it has rendered. */
  private async focusPart(selector: string): Promise<void> {
    await this.updateComplete;
    const part = this.renderRoot.querySelector<LitElement>(selector);
    await part?.updateComplete;
    part?.focus();
  }

  private clientFor(baseURL: string): SlotwiseClient {
    if (this.ownClient?.baseURL !== baseURL) this.ownClient = { baseURL, client: createClient({ baseURL }) };
    return this.ownClient.client;
  }
}

function statusText(flow: BookingFlow): string {
  if (flow.profile.status === 'loading') return 'Loading…';
  if (flow.slots.status === 'loading') return 'Loading open times…';
  return '';
}

const myBookingsParts = 'my-bookings, my-form, my-sent, my-booking, my-status, my-paid, my-manage, my-calendar, my-receipt, my-shared-notes, my-recording, my-credits, my-sign-out, my-back';
const zonePickerParts = 'zone-picker, zone-current, zone-change, zone-input, zone-list, zone-option, zone-option-active';

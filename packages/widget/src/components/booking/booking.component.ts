import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createVisitorClient, type VisitorClient } from '@slotwise/sdk';
import { emit, type SlotwiseEvent } from '../../events.js';
import { FocusController } from '../../internal/focus.js';
import { PageLangController } from '../../internal/page-lang.js';
import { en, layoutDirection, loadMessages, messagesFor, type Messages } from '../../i18n/index.js';
import { tokens } from '../../styles/tokens.js';
import { BookingFlow, type PendingPayment } from './booking-flow.js';
import { HoldRelease } from './hold-release.js';
import { renderNotAccepting, renderPaymentStep, renderProfileError, renderSchedule, type PaymentStep } from './booking.template.js';
import { styles } from './booking.styles.js';
import type { CreditOffer } from '../details-form/credit-choice.js';
import '../service-picker/service-picker.js';
import '../calendar/calendar.js';
import '../time-list/time-list.js';
import '../zone-picker/zone-picker.js';
import { zoneMemory } from '../zone-picker/zone-memory.js';
import { resolveZone } from '../../internal/time-zones.js';
import { warmFormats } from '../../internal/format.js';
import { PageLinksController } from './page-links.js';
import { manageParts } from '../manage/manage-parts.js';
import { UrlPrefillController } from '../../prefill/url-prefill-controller.js';
import { utmFrom } from '../../prefill/page-params.js';
import { loadPart } from './lazy-parts.js';
import { PackagesFlow } from '../packages/packages-flow.js';
import { packagesBarStyles } from '../packages/packages-bar.styles.js';
import { packagesStep } from '../packages/packages-step.js';

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
 * @csspart reviews - The rating (`rating`) and newest reviews (`review`, `stars`, `review-response`) under the
 *   flow, when the specialist has reviews and `reviews` is not `off`; a completed booking's manage view has
 *   `review-form`.
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
  static override styles = [tokens, styles, packagesBarStyles];

  /** The API origin used without an `api` attribute; the script-tag build sets it to its own origin. */
  static defaultApi: string | undefined;

  /** The specialist's handle. */
  @property({ reflect: true }) specialist = '';
  /** The API's base URL. Defaults to where the script came from, else this page's origin. */
  @property() api?: string;
  /** The IANA zone to show times in. Defaults to the browser's; a zone the visitor picks wins (for the visit). */
  @property() timezone?: string;
  /** A client to use instead of one built from `api` (e.g. one with extra headers). */
  @property({ attribute: false }) client?: VisitorClient;
  /** The clock: "today", the first month shown, the hold's countdown and the join window's come from it. */
  @property({ attribute: false }) now: () => Date = () => new Date();
  /** A booking to show and manage instead of the booking flow (`bk_…`; needs `token`). */
  @property() booking?: string;
  /** The booking's manage token (`bmt_…`), from `slotwise:booked` or the confirmation email's link. */
  @property() token?: string;
  /** The service to open on, without a click: its id or its name as a slug (`intro-call`). A specialist with one service opens on it anyway. */
  @property() service?: string;
  /** With `service`: the length in minutes to open on, when the service offers several. */
  @property({ type: Number }) duration?: number;
  /** Where Stripe.js is loaded from (Stripe's own `https://js.stripe.com/v3/` unless a test says otherwise). */
  @property({ attribute: 'stripe-js' }) stripeJs?: string;
  /** The details form starts with this name (still editable). From `slotwise_name` in the page's URL when absent. */
  @property() name?: string;
  /** The details form starts with this email (still editable and validated). URL: `slotwise_email`. */
  @property() email?: string;
  /** The details form starts with these notes (still editable). URL: `slotwise_notes`. */
  @property() notes?: string;
  /**
   * A promo code the details step applies at once: the visitor sees the price after it (or why it
   * cannot be used) and may change it. URL: `slotwise_code`, for a campaign link.
   */
  @property({ attribute: 'promo-code' }) promoCode?: string;
  /** `off`: no rating nor reviews under the flow (the hosted page shows its own). Shown by default when there are reviews. */
  @property() reviews?: string;

  protected readonly flow = new BookingFlow(this, () => this.now());
  private readonly focusing = new FocusController(this);
  private readonly pageLang = new PageLangController(this);
  private readonly holds = new HoldRelease(this, this.flow);
  /** Read once: a page that tidies its URL after load still books with the campaign it was opened from. */
  private readonly utm = utmFrom(location.search);
  /** The `slotwise_*` parameters of the page's URL fill in what no attribute says. */
  protected readonly urlPrefill = new UrlPrefillController(this);
  /** Packages and credits: buying one, and the credits the visitor holds. */
  readonly packs = new PackagesFlow(this);
  /** `#slotwise-booking=…` links (the confirmation's manage link) open their booking here. */
  protected readonly links = new PageLinksController(this);
  private ownClient?: { baseURL: string; client: VisitorClient };

  /** The light-DOM element Stripe's form is mounted in, while a Stripe payment is under way. */
  private paymentContainer: HTMLElement | undefined;
  /** "My bookings" shows instead of the flow; with an emailed link's token to exchange, if one came. */
  @state() private mine: { linkToken?: string } | undefined;
  /** The booking shown was opened from "My bookings": offer the way back. */
  @state() private cameFromMine = false;
  /** The zone the visitor picked in the switcher, this visit (sessionStorage). */
  private pickedZone = zoneMemory.read();
  /**
   * A part the flow needs did not load (`lazy-parts.ts`): most often the site's Slotwise was
   * updated while this page was open, so this page's chunk names are gone; or the connection
   * dropped. Said at the top with a way out, instead of a step that stays empty.
   */
  @state() private partMissing = false;

  /** Loads `part`; a failure says so (`partMissing`) rather than leaving its step blank. */
  private need(part: Parameters<typeof loadPart>[0] | 'my-bookings'): void {
    const loading = part === 'my-bookings' ? import('../my-bookings/my-bookings.js') : loadPart(part);
    loading.catch(() => {
      this.partMissing = true;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.managing) this.need('manage');
    // A link or button inside the widget opened a booking (the confirmation's manage link, My bookings): focus follows into it.
    if ((changed.has('booking') || changed.has('token')) && this.managing && this.matches(':focus-within')) void this.focusPart('slotwise-manage');
    // The details form and the confirmation, fetched once a day is chosen (or a time preselected).
    const selection = this.flow.ctx?.selection;
    if (selection?.date || selection?.slot || this.flow.booked || this.flow.payment) this.need('details');
    // Fetched once a time is chosen, while the visitor types their details: the step is ready when reached.
    if (this.flow.payment || selection?.slot || this.packs.paying) this.need('payment');
    this.packs.define(this.flow.profile.value);
    if (this.showsReviews) void loadPart('reviews');
    const stripe = (this.flow.payment ?? this.packs.paying)?.paymentSession.mode === 'stripe';
    if (stripe && !this.paymentContainer) {
      this.paymentContainer = document.createElement('div');
      this.paymentContainer.slot = 'payment';
      this.append(this.paymentContainer);
    }
    const keys = ['specialist', 'api', 'client', 'timezone', 'booking', 'token', 'name', 'email', 'notes', 'promoCode'] as const;
    // `lang` changed after load (here or on an ancestor) counts as a change too: formats and text follow it.
    const locale = this.pageLang.locale;
    const preselect = { service: this.service, duration: this.duration };
    // Another service or duration named after load opens on it, as the first load would have.
    const reselect = this.flow.ctx !== undefined && (changed.has('service') || changed.has('duration'));
    if (this.flow.ctx && !keys.some((key) => changed.has(key)) && this.flow.ctx.locale === locale) {
      if (reselect) this.flow.reselect(preselect);
      return;
    }
    this.flow.preselect = preselect;
    this.flow.configure({
      client: this.client ?? this.clientFor(this.baseUrl),
      // Managing a booking needs no specialist profile: none is loaded meanwhile.
      specialist: this.managing ? '' : this.specialist,
      timeZone: this.pickedZone ?? resolveZone(this.timezone),
      locale,
      messages: messagesFor(locale),
      prefill: { name: this.name, email: this.email, notes: this.notes, promoCode: this.promoCode },
      utm: this.utm,
    });
    if (reselect && !changed.has('specialist') && !changed.has('api') && !changed.has('client')) this.flow.reselect(preselect);
    void this.loadCatalog(locale);
    warmFormats(locale);
    this.packs.configure(this.flow.ctx!.client, this.flow.ctx!.specialist);
  }

  /** Swaps in `locale`'s catalog once loaded, unless the locale changed meanwhile. */
  private async loadCatalog(locale: string | undefined): Promise<void> {
    const messages = await loadMessages(locale);
    const ctx = this.flow.ctx;
    if (ctx && ctx.locale === locale && ctx.messages !== messages) this.flow.configure({ ...ctx, messages });
  }

  /** Whether the rating and newest reviews show: the profile has some, and `reviews` is not `off`. */
  private get showsReviews(): boolean {
    return this.reviews !== 'off' && !this.managing && (this.flow.profile.value?.rating?.count ?? 0) > 0;
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
    const t = flow.ctx?.messages ?? en;
    // The base, not the host, carries the direction: the page's own layout around the element is left alone.
    const dir = layoutDirection(flow.ctx?.locale, t);
    const missing = this.partMissing
      ? html`<p role="alert" part="alert part-missing">${t.partMissing}
          <button type="button" part="reload" @click=${() => location.reload()}>${t.reloadPage}</button></p>`
      : nothing;
    if (this.managing && flow.ctx) {
      return html`<div part="base" class="base" dir=${dir}>${missing}<slotwise-manage exportparts=${manageParts} .client=${flow.ctx.client}
        .bookingId=${this.booking!} .manageToken=${this.token!} .api=${this.baseUrl} .timeZone=${flow.ctx.timeZone}
        .locale=${flow.ctx.locale} .messages=${t} .now=${this.now}></slotwise-manage>
        ${this.cameFromMine ? html`<button type="button" part="my-bookings-link" @click=${this.backToMine}>${t.myTitle}</button>` : nothing}
        ${this.specialist ? html`<button type="button" part="book-new" @click=${this.bookNew}>${t.bookAnotherTime}</button>` : nothing}</div>`;
    }
    const profile = flow.profile.value;
    return html`<div part="base" class="base" dir=${dir}>
      <p role="status" part="status" class="status">${statusText(flow, t)}</p>
      ${missing}
      ${!this.specialist
        ? html`<p role="alert" part="alert">${t.noSpecialist}</p>`
        : flow.profile.error ? renderProfileError(flow.profile.error, this.specialist, () => void this.handlers.retryProfile(), t, this.baseUrl) : nothing}
      ${profile ? html`
        <header part="header">
          <h2 part="title">${t.bookTitle(profile.name)}</h2>
          ${profile.bio ? html`<p class="bio muted" dir="auto">${profile.bio}</p>` : nothing}
          ${this.mine ? nothing : html`<button type="button" part="my-bookings-link" class="link" @click=${() => this.openMyBookings()}>${flow.ctx!.messages.myOpen}</button>`}
        </header>
        ${this.mine ? nothing : this.packs.view?.renderCreditsBar(this.packs, flow.ctx!, profile, this.packagesStep)}
        ${this.mine
          ? html`<slotwise-my-bookings exportparts=${myBookingsParts} .linkToken=${this.mine.linkToken} @close=${this.closeMyBookings}
              @manage-booking=${this.onManageBooking}></slotwise-my-bookings>`
          : profile.acceptingBookings === false
          ? renderNotAccepting(profile, t)
          : flow.payment
          ? renderPaymentStep(flow.payment, this.paymentStep())
          : this.packs.active
          ? this.packs.view?.renderPackagesStep(this.packs, flow.ctx!, this.packagesStep)
          : flow.booked
          ? html`${this.packs.view?.renderCreditUsed(this.packs, flow.ctx!)}<slotwise-confirmation exportparts="confirmation, when, book-again, add-to-calendar, calendar-ics, calendar-google, next, next-join, next-policy, manage-link"
              .booking=${flow.booked} .manageToken=${flow.bookedToken ?? ''} .email=${flow.bookedEmail} .now=${this.now}
              @book-again=${this.onBookAgain}></slotwise-confirmation>`
          : html`<slotwise-zone-picker exportparts=${zonePickerParts} .now=${this.now}
              @slotwise:time-zone-changed=${this.onZoneChanged}></slotwise-zone-picker>
            <slotwise-service-picker exportparts="services, service, service-name, duration, duration-selected"
              .services=${profile.services} @slotwise:service-selected=${this.onServiceSelected}></slotwise-service-picker>
            ${renderSchedule(flow, this.handlers)}
            ${this.packs.view?.renderOffers(this.packs, profile, this.packagesStep)}`}
        ${this.showsReviews && !this.mine ? html`<slotwise-reviews exportparts="reviews, rating, review, stars, review-response" .client=${flow.ctx!.client}
          .handle=${profile.handle} .specialistName=${profile.name} .rating=${profile.rating} .locale=${flow.ctx!.locale} .messages=${t}></slotwise-reviews>` : nothing}` : nothing}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The popup around it titles itself by what it shows: one booking, or the booking flow.
    if (changed.has('booking') || changed.has('token')) this.dispatchEvent(new CustomEvent('managing-changed', { detail: this.managing }));
    if (!this.flow.payment && !this.packs.paying && this.paymentContainer) {
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
        void this.focusing.moveTo('slotwise-time-list', 'slotwise-calendar');
      },
      back: async () => {
        await this.holds.release();
        this.flow.holdReleased(true);
        void this.focusing.moveTo('slotwise-time-list', 'slotwise-calendar');
      },
    };
  }

  private readonly handlers = {
    monthChange: (event: CustomEvent<{ month: string }>) => this.flow.showMonth(event.detail.month),
    daySelect: (event: CustomEvent<{ date: string }>) => {
      this.flow.chooseDay(event.detail.date);
      void this.focusing.moveTo('slotwise-time-list');
    },
    slotSelected: (event: SlotwiseEvent<'slotwise:slot-selected'>) => {
      this.flow.chooseSlot(event.detail.slot);
      void this.focusing.moveTo('slotwise-details-form');
    },
    booked: (event: SlotwiseEvent<'slotwise:booked'>) => {
      // As the server booked it: a free session, or one the visitor chose to pay with money, spent
      // no credit even when the visitor holds some.
      if (event.detail.booking.paidWithCredit) void this.packs.creditSpent();
      this.flow.bookingMade(event.detail.booking, event.detail.manageToken, event.detail.notifications);
      void this.focusing.moveTo('slotwise-confirmation');
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
      void this.focusing.moveTo('slotwise-payment');
    },
    error: (event: SlotwiseEvent<'slotwise:error'>) => {
      if (event.detail.code !== 'slot_unavailable' && event.detail.code !== 'not_a_slot') return;
      this.flow.slotTaken();
      // The notice says why the time went; the list is where the visitor picks another.
      void this.focusing.moveTo('.day [part="alert"]', 'slotwise-time-list');
    },
    // "Try again" goes away with the answer: focus goes to the times, or to why they failed again.
    retrySlots: async () => {
      await this.flow.loadSlots();
      void this.focusing.moveTo(...(this.flow.slots.error ? ['.day [part="alert"]'] : ['slotwise-time-list', 'slotwise-calendar']));
    },
    retryProfile: async () => {
      await this.flow.loadProfile();
      void this.focusing.moveTo('[part="alert"]', 'slotwise-service-picker');
    },
    credit: () => this.credit(),
  };

  /** The credit the chosen service would be booked with, if the visitor's credits cover it. */
  private credit(): CreditOffer | undefined {
    const { credits } = this.packs;
    if (!credits.covers(this.flow.ctx?.selection.service?.id)) return undefined;
    return { token: credits.token!, email: credits.value!.customerEmail, name: this.packs.buyerName, left: credits.value!.total, expiresAt: credits.expiresAt };
  }

  private readonly packagesStep = packagesStep(this, () => this.paymentContainer);

  private onServiceSelected(event: SlotwiseEvent<'slotwise:service-selected'>): void {
    this.flow.chooseService(event.detail.service, event.detail.duration);
    void this.focusing.moveTo('slotwise-calendar');
  }

  /** Shows "My bookings" (from its link in the header, or an emailed link's token). */
  openMyBookings(linkToken?: string): void {
    // Loaded on first use: most visitors book and never open it.
    this.need('my-bookings');
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

  /** From a booking's page (a link, "My bookings") to booking another session with the same specialist. */
  private bookNew(): void {
    this.cameFromMine = false;
    this.booking = undefined;
    this.token = undefined;
    this.onBookAgain();
  }

  private onBookAgain(): void {
    this.packs.clearSpent();
    this.flow.bookAgain();
    void this.focusing.moveTo(this.flow.ctx?.selection.date ? 'slotwise-time-list' : 'slotwise-calendar');
  }

  /** Moves focus to the step the visitor just reached, once it has rendered (the packages step's hook). */
  async focusPart(selector: string): Promise<void> {
    await this.focusing.moveTo(selector);
  }

  private clientFor(baseURL: string): VisitorClient {
    // One client for the visit (a new one would restart the flow). Its requests say the language the
    // widget shows now (the page's `lang`, canonical), so the API's sentences match the widget's words;
    // without a `lang`, the browser's own Accept-Language goes. A plain tag is CORS-safelisted.
    const headers = (locale = this.flow.ctx?.locale): Record<string, string> => (locale ? { 'accept-language': locale } : {});
    if (this.ownClient?.baseURL !== baseURL) this.ownClient = { baseURL, client: createVisitorClient({ baseURL, headers }) };
    return this.ownClient.client;
  }
}

function statusText(flow: BookingFlow, t: Messages): string {
  if (flow.profile.status === 'loading') return t.loading;
  if (flow.slots.status === 'loading') return t.loadingOpenTimes;
  return '';
}

const myBookingsParts = 'my-bookings, my-form, my-sent, my-booking, my-status, my-paid, my-manage, my-calendar, my-receipt, my-shared-notes, my-recording, my-credits, my-sign-out, my-back';
const zonePickerParts = 'zone-picker, zone-current, zone-change, zone-input, zone-list, zone-option, zone-option-active';

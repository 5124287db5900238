import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { VisitorClient } from '@slotwise/sdk';
import type { Booking } from '@slotwise/sdk/contract';
import { CountdownController } from '../../countdown-controller.js';
import { JoinController } from '../../join-controller.js';
import { en, type Messages } from '../../i18n/index.js';
import { errorText } from '../../internal/errors.js';
import { FocusController } from '../../internal/focus.js';
import { tokens } from '../../styles/tokens.js';
import type { SlotwiseEvent } from '../../events.js';
import { ManageFlow } from './manage-flow.js';
import { RescheduleFlow } from './manage-reschedule.js';
import { renderReschedule, type RescheduleHandlers } from './manage-reschedule.template.js';
import { loadErrorText, quoteText, renderSummary } from './manage.template.js';
import { joinAnnouncement, renderJoin } from './manage-join.template.js';
import { styles } from './manage.styles.js';
import '../calendar/calendar.js';
import '../time-list/time-list.js';
import '../add-to-calendar/add-to-calendar.js';
import '../reviews/review-form.js';
import { addEnglish } from '../../i18n/en.js';
import { manage } from '../../i18n/en/manage.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(manage);

/** Statuses a customer may still cancel from. */
const cancellable: ReadonlySet<Booking['status']> = new Set(['confirmed', 'held']);

/**
 * @summary One booking, read with its manage token: what and when (in the visitor's zone), its
 * status and payment, joining the session, and cancelling it with the refund shown first.
 * `<slotwise-booking>` shows it when it has `booking` and `token`.
 *
 * Joining a confirmed session: before its join window a countdown to it ("You can join in 2 hr,
 * 14 min (from 09:50)"); when the window opens (by `now`) the view reads the booking again, as
 * the server gives the meeting's link only inside the window, and shows **Join**; while the server
 * has no link yet, "Your meeting link is being prepared…" and bounded re-reads, never a made-up
 * link. Sessions by phone or in person count down to the start and show the number or address.
 * After the window (or once completed) a thank-you, with feedback and shared notes when the API
 * gives them. Change time, Cancel and Add to calendar go away once the session is over.
 *
 * @event slotwise:cancelled - The booking was cancelled. `detail: { booking }`.
 * @event slotwise:rescheduled - The booking was moved. `detail: { booking, previousStart }`.
 * @event slotwise:join-opened - The Join link shows (the window opened, or the view was opened inside
 *   it); once per booking and window. `detail: { booking, url, closesAt }`.
 * @event slotwise:joined - The visitor activated Join. Cancelable: `preventDefault()` keeps the link
 *   from opening. `detail: { booking, url }`.
 * @event slotwise:error - `detail: { code, status, message, problem }`, for every failed request.
 *
 * @csspart manage - The whole view. @csspart manage-title - Service and specialist.
 * @csspart when - Date and time. @csspart zone - The zone they are shown in.
 * @csspart booking-status - Status, and a held booking's `countdown`.
 * @csspart payment-summary - Amount paid and refunded; `receipt` is its link.
 * @csspart join-panel - Joining: `join-countdown` before the window, `join` (the Join link) and
 *   `join-remaining` inside it, `join-waiting` and its `join-check` button while the link is being
 *   prepared, `location` (`location-phone`, the number's link) for sessions by phone or in person.
 * @csspart follow-up - The thank-you after the session: `feedback`, `shared-notes` and `recording`
 *   when the API gives them.
 * @csspart review-form - A completed booking's review form (`<slotwise-review-form>`), then the review
 *   sent (`review`, its `stars` and `review-response`).
 * @csspart actions - The buttons under the booking: `reschedule` ("Change time") and `cancel`; in
 *   place of "Change time", `move-closed` says why the booking can no longer be moved (the server's reason).
 * @csspart reschedule-panel - The calendar and times (their parts too), `confirm-reschedule`, `keep-time`.
 * @csspart cancel-panel - The quote (`quote`), the `reason` field, `confirm-cancel` and `keep`.
 * @csspart add-to-calendar - "Add to calendar" for a confirmed booking: `calendar-ics` (the `.ics` file) and `calendar-google`.
 * @csspart alert - Errors.
 *
 * @cssproperty --slotwise-join-background - The Join button's background. Default: `--slotwise-accent`.
 * @cssproperty --slotwise-join-text - The Join button's text. Default: `--slotwise-accent-text`.
 */
export class SlotwiseManage extends LitElement {
  static override styles = [tokens, styles];

  @property({ attribute: false }) client?: VisitorClient;
  /** The booking's id, `bk_…`. */
  @property({ attribute: false }) bookingId = '';
  /** Its manage token, `bmt_…`. */
  @property({ attribute: false }) manageToken = '';
  /** The API's base URL, for the receipt link. */
  @property({ attribute: false }) api = '';
  @property({ attribute: false }) timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  @property({ attribute: false }) locale: string | undefined;
  /** The text, in the visitor's language: `<slotwise-booking>` passes its catalog down. */
  @property({ attribute: false }) messages: Messages = en;
  /** The clock: a held booking's countdown, the join window's countdown, opening and end. */
  @property({ attribute: false }) now: () => Date = () => new Date();

  protected readonly flow = new ManageFlow(this);
  protected readonly reschedule = new RescheduleFlow(this);
  private readonly focusing = new FocusController(this);
  private readonly countdown = new CountdownController(this, {
    until: () => (this.flow.booking.value?.status === 'held' ? this.flow.booking.value.holdExpiresAt : null),
    now: () => this.now(),
  });
  private readonly join = new JoinController(this, {
    booking: () => this.flow.booking.value,
    now: () => this.now(),
    refresh: () => this.flow.refresh(),
  });

  /** `focus()` came while the booking was loading: its heading (or why it failed) takes focus once shown. */
  private focusWhenShown = false;

  /** Focuses the booking's heading — or, while it loads, once it shows. */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot.querySelector<HTMLElement>('#heading, [part="alert"]');
    if (target) target.focus(options);
    else this.focusWhenShown = true;
  }

  protected override updated(): void {
    if (this.focusWhenShown && this.renderRoot.querySelector('#heading, [part="alert"]')) {
      this.focusWhenShown = false;
      this.focus();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!(['client', 'bookingId', 'manageToken'] as const).some((key) => changed.has(key))) return;
    if (this.client && this.bookingId && this.manageToken) {
      this.flow.configure({ client: this.client, id: this.bookingId, manageToken: this.manageToken });
    }
  }

  override render() {
    const { booking } = this.flow;
    const t = this.messages;
    if (booking.status === 'loading') return html`<p role="status" class="muted">${t.loadingBooking}</p>`;
    if (booking.error) {
      const retry = booking.error.code !== 'booking_not_found';
      return html`<p role="alert" part="alert" tabindex="-1">${loadErrorText(booking.error, t)}
        ${retry ? html`<button type="button" @click=${() => void this.flow.load()}>${t.tryAgain}</button>` : nothing}</p>`;
    }
    const value = booking.value;
    if (!value) return nothing;
    const display = { timeZone: this.timeZone, locale: this.locale, t, holdLeft: this.countdown.remaining, api: this.api, manageToken: this.manageToken };
    const { join } = this;
    const now = this.now();
    const phase = join.phaseAt(now.getTime());
    const over = phase.phase === 'over';
    return html`<section part="manage" aria-labelledby="heading">
      ${renderSummary(value, display)}
      ${renderJoin(value, {
        phase, now, timeZone: this.timeZone, locale: this.locale, t, checking: join.checking, willRetry: join.willRetry,
        checkError: join.checkError, checkAgain: () => join.checkNow(), joined: (event) => join.joined(event),
      })}
      <p role="status" class="visually-hidden">${joinAnnouncement(value, phase, t)}</p>
      ${value.status === 'completed' ? html`<slotwise-review-form exportparts="review-form, review, stars, review-response" .client=${this.client}
        .bookingId=${this.bookingId} .manageToken=${this.manageToken} .reviewed=${value.reviewed} .specialistName=${value.specialist.name} .messages=${t}></slotwise-review-form>` : nothing}
      ${over ? nothing : html`<slotwise-add-to-calendar exportparts="add-to-calendar, calendar-ics, calendar-google" .booking=${value}
        .manageToken=${this.manageToken} .api=${this.api} .messages=${t}></slotwise-add-to-calendar>`}
      ${this.reschedule.open
        ? renderReschedule(this.reschedule, this.handlers, t)
        : this.flow.cancelPhase !== 'idle' ? this.renderCancel(value) : over ? nothing : this.renderActions(value)}
      ${this.flow.cancelError && this.flow.cancelPhase === 'idle'
        ? html`<p role="alert" part="alert" tabindex="-1">${errorText(this.flow.cancelError, t)}</p>`
        : nothing}
    </section>`;
  }

  private renderActions(booking: Booking) {
    if (!cancellable.has(booking.status)) return nothing;
    const t = this.messages;
    return html`<div part="actions" class="actions">
      ${booking.status !== 'confirmed'
        ? nothing
        : booking.move && !booking.move.allowed
          ? // The server said a move would be refused (its deadline passed, its moves used up): why, not a button that leads nowhere.
            html`<p part="move-closed" class="muted">${booking.move.reason}</p>`
          : html`<button type="button" part="reschedule" @click=${() => this.startReschedule(booking)}>${t.changeTime}</button>`}
      <button type="button" part="cancel" @click=${this.onAskToCancel}>${t.cancelBooking}</button>
    </div>`;
  }

  private renderCancel(booking: Booking) {
    const { cancelPhase: phase, quote, cancelError } = this.flow;
    const t = this.messages;
    if (phase === 'quoting' || !quote) return html`<p role="status" class="muted">${t.checkingRefund}</p>`;
    const busy = phase === 'cancelling';
    return html`<div part="cancel-panel" class="cancel-panel" role="group" aria-labelledby="quote">
      <p id="quote" part="quote" class="quote" role="status" tabindex="-1">${quoteText(quote, booking, this.locale, t)}</p>
      ${quote.allowed
        ? html`<label for="reason">${t.reasonLabel}</label>
            <textarea id="reason" part="reason" maxlength="500" rows="2" ?disabled=${busy}></textarea>`
        : nothing}
      ${cancelError ? html`<p role="alert" part="alert" tabindex="-1">${errorText(cancelError, t)}</p>` : nothing}
      <div class="actions">
        ${quote.allowed
          ? html`<button type="button" part="confirm-cancel" class="danger" ?disabled=${busy} @click=${this.onConfirm}>
              ${busy ? t.cancelling : t.confirmCancellation}</button>`
          : nothing}
        <button type="button" part="keep" ?disabled=${busy} @click=${this.onKeep}>${t.keepBooking}</button>
      </div>
    </div>`;
  }

  private startReschedule(booking: Booking): void {
    const { client, manageToken, timeZone, locale, messages, now } = this;
    if (!client) return;
    this.reschedule.start(booking, { client, manageToken, timeZone, locale, messages, now });
    void this.focusing.moveTo('#reschedule-heading');
  }

  private readonly handlers: RescheduleHandlers = {
    monthChange: (event) => this.reschedule.showMonth(event.detail.month),
    daySelect: (event) => {
      this.reschedule.chooseDay(event.detail.date);
      void this.focusing.moveTo('[part="reschedule-panel"] slotwise-time-list');
    },
    slotSelected: (event: SlotwiseEvent<'slotwise:slot-selected'>) => {
      // Choosing a new time for a booking is not the booking flow's slot-selected: keep it inside.
      event.stopPropagation();
      this.reschedule.chooseSlot(event.detail.slot);
      void this.focusing.moveTo('[part="confirm-reschedule"]');
    },
    confirm: async () => {
      const moved = await this.reschedule.confirm();
      if (moved) this.flow.booking.replace(moved);
      // Moved: the booking's heading, now at its new time. Refused: why, in the panel.
      void (moved ? this.focusing.moveTo('#heading') : this.focusing.moveTo('[part="reschedule-panel"] [part="alert"]', '#reschedule-heading'));
    },
    close: () => {
      this.reschedule.close();
      this.requestUpdate();
      void this.focusing.moveTo('[part="reschedule"]', '#heading');
    },
  };

  /** The quote replaces the buttons: focus goes to it (or to why it could not be fetched). */
  private readonly onAskToCancel = async (): Promise<void> => {
    await this.flow.askToCancel();
    void this.focusing.moveTo('#quote', '[part="alert"]', '#heading');
  };

  private readonly onKeep = (): void => {
    this.flow.keepBooking();
    void this.focusing.moveTo('[part="cancel"]', '#heading');
  };

  /** Cancelled: the booking's heading (its status now says so). Refused: why, in the panel. */
  private readonly onConfirm = async (): Promise<void> => {
    const reason = this.renderRoot.querySelector<HTMLTextAreaElement>('#reason')?.value ?? '';
    await this.flow.confirmCancel(reason);
    void this.focusing.moveTo(this.flow.cancelError ? '[part="cancel-panel"] [part="alert"]' : '#heading');
  };
}

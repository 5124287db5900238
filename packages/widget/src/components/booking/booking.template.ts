import { html, nothing } from 'lit';
import type { Specialist } from '@slotwise/sdk/contract';
import type { ErrorDetail, SlotwiseEvent } from '../../events.js';
import { formatMonth } from '../../internal/format.js';
import { errorText } from '../../internal/errors.js';
import { DEFAULT_STRIPE_JS } from '../../internal/stripe-url.js';
import type { Messages } from '../../i18n/index.js';
import type { BookingFlow, PendingPayment } from './booking-flow.js';
import type { CreditOffer } from '../details-form/credit-choice.js';

/** What `<slotwise-booking>` does when a part of the schedule reports something. */
export interface ScheduleHandlers {
  monthChange(event: CustomEvent<{ month: string }>): void;
  daySelect(event: CustomEvent<{ date: string }>): void;
  slotSelected(event: SlotwiseEvent<'slotwise:slot-selected'>): void;
  booked(event: SlotwiseEvent<'slotwise:booked'>): void;
  paymentRequired(event: CustomEvent<PendingPayment>): void;
  error(event: SlotwiseEvent<'slotwise:error'>): void;
  retrySlots(): void;
  /** The credit the chosen service is booked with (no payment step), if the visitor has one for it. */
  credit(): CreditOffer | undefined;
}

/** Calendar, the chosen day's times and the details form, once a service is chosen. */
export function renderSchedule(flow: BookingFlow, on: ScheduleHandlers) {
  const ctx = flow.ctx;
  const { service, duration, date, slot } = ctx?.selection ?? {};
  if (!ctx || !service) return nothing;
  const profile = flow.profile.value;
  const t = ctx.messages;
  if (profile?.acceptingPaidBookings === false && (service.durations.find((d) => d.minutes === duration) ?? service.durations[0])!.price > 0) {
    // The server offers no slots for it and would refuse the booking: say why instead of an empty calendar.
    return html`<p role="status" part="unavailable" class="unavailable">${t.noPaidBookings(profile.name)}</p>`;
  }
  const { slots } = flow;
  const loading = slots.status === 'loading';
  const empty = slots.status === 'ready' && slots.dates.length === 0;
  return html`
    <div part="schedule" class="schedule">
      <slotwise-calendar exportparts="calendar, month-label, nav-button, day, day-open, day-selected"
        .month=${flow.month} .today=${flow.today} .openDates=${slots.dates} ?loading=${loading}
        @month-change=${on.monthChange} @day-select=${on.daySelect}></slotwise-calendar>
      <div class="day">
        ${flow.notice ? html`<p role="alert" part="alert" class="notice" tabindex="-1">${t[flow.notice]}</p>` : nothing}
        ${slots.error
          ? html`<p role="alert" part="alert" tabindex="-1">${t.loadTimesFailed} ${errorText(slots.error, t)}
              <button type="button" @click=${on.retrySlots}>${t.tryAgain}</button></p>`
          : nothing}
        ${empty ? html`<p class="muted">${t.noTimesInMonth(formatMonth(flow.month, ctx.locale))}</p>` : nothing}
        ${date
          ? html`<slotwise-time-list exportparts="times, zone, time, time-selected, seats" .date=${date}
              .slots=${slots.slotsOn(date)} ?loading=${loading} @slotwise:slot-selected=${on.slotSelected}></slotwise-time-list>`
          : empty ? nothing : html`<p class="muted hint">${t.chooseDayHint}</p>`}
      </div>
    </div>
    <slotwise-details-form exportparts="form, input, field-error, form-error, submit, credit-choice" ?hidden=${!slot} .credit=${on.credit()}
      @slotwise:booked=${on.booked} @payment-required=${on.paymentRequired} @slotwise:error=${on.error}></slotwise-details-form>
  `;
}

/** What the payment step needs from `<slotwise-booking>`. */
export interface PaymentStep {
  stripeJs: string | undefined;
  now: () => Date;
  /** The light-DOM child of `<slotwise-booking>` Stripe's form is mounted in. */
  container: HTMLElement | undefined;
  booked(event: SlotwiseEvent<'slotwise:booked'>): void;
  chooseAgain(): void;
  /** The visitor went back from a live hold: release it, then show the times. */
  back(): Promise<void>;
}

const paymentParts =
  'payment, amount, countdown, payment-element, pay, test-panel, pay-test, decline-test, payment-error, payment-pending, released, choose-again, back';

/**
 * The held booking's payment. The `payment` slot passes the light-DOM element for Stripe's form
 * from `<slotwise-booking>` on into `<slotwise-payment>`'s shadow root.
 */
export function renderPaymentStep(payment: PendingPayment, step: PaymentStep) {
  return html`<slotwise-payment exportparts=${paymentParts} .session=${payment.paymentSession} .booking=${payment.booking}
      .manageToken=${payment.manageToken} .container=${step.container} .now=${step.now}
      .stripeJs=${step.stripeJs || DEFAULT_STRIPE_JS} @slotwise:booked=${step.booked} @choose-again=${step.chooseAgain}
      .back=${step.back}
    ><slot name="payment" slot="payment"></slot></slotwise-payment>`;
}

/** Why the specialist could not be shown, in words the visitor (or the site's owner) can act on. */
/**
 * In place of services and calendar while the specialist takes no bookings (suspended, or their
 * account closed): one plain sentence, never why — that is between them and the platform.
 */
export function renderNotAccepting(profile: Pick<Specialist, 'name'>, t: Messages) {
  return html`<p role="status" part="unavailable" class="unavailable">${t.notAccepting(profile.name)}</p>`;
}

export function renderProfileError(error: ErrorDetail, handle: string, retry: () => void, t: Messages, api: string) {
  if (error.code === 'specialist_not_found') {
    return html`<p role="alert" part="alert">${t.specialistNotFound(handle)}</p>`;
  }
  if (error.code === 'origin_not_allowed') {
    // The server's sentence names this site and where its owner registers it; nothing to retry.
    // A visitor reads it too: the specialist's hosted page (`/{handle}` on the API's host) books
    // from anywhere.
    const page = new URL(`/${encodeURIComponent(handle)}`, api).href;
    return html`<p role="alert" part="alert">${error.message}</p>
      <p part="hosted-page">${t.bookOnHostedPage}
        <a href=${page} target="_blank" rel="noopener">${t.openBookingPage}<span class="visually-hidden">${t.opensInNewTab}</span></a></p>`;
  }
  if (error.code === 'invalid_request') {
    return html`<p role="alert" part="alert">${t.invalidHandle(handle)}</p>`;
  }
  return html`<p role="alert" part="alert" tabindex="-1">
    ${t.loadPageFailed} ${errorText(error, t)}
    <button type="button" @click=${retry}>${t.tryAgain}</button>
  </p>`;
}

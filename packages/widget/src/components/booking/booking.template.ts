import { html, nothing } from 'lit';
import type { Specialist } from '@slotwise/sdk/contract';
import type { ErrorDetail, SlotwiseEvent } from '../../events.js';
import { formatMonth } from '../../internal/format.js';
import { DEFAULT_STRIPE_JS } from '../../internal/stripe-js.js';
import type { BookingFlow, PendingPayment } from './booking-flow.js';

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
  credit(): { token: string; email: string } | undefined;
}

/** Calendar, the chosen day's times and the details form, once a service is chosen. */
export function renderSchedule(flow: BookingFlow, on: ScheduleHandlers) {
  const ctx = flow.ctx;
  const { service, duration, date, slot } = ctx?.selection ?? {};
  if (!ctx || !service) return nothing;
  const profile = flow.profile.value;
  if (profile?.acceptingPaidBookings === false && (service.durations.find((d) => d.minutes === duration) ?? service.durations[0])!.price > 0) {
    // The server offers no slots for it and would refuse the booking: say why instead of an empty calendar.
    return html`<p role="status" part="unavailable" class="unavailable">${profile.name} cannot take paid bookings yet. Free sessions can be booked.</p>`;
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
        ${flow.notice ? html`<p role="alert" part="alert" class="notice">${flow.notice}</p>` : nothing}
        ${slots.error
          ? html`<p role="alert" part="alert">We could not load the open times. ${slots.error.message}
              <button type="button" @click=${on.retrySlots}>Try again</button></p>`
          : nothing}
        ${empty ? html`<p class="muted">No open times in ${formatMonth(flow.month, ctx.locale)}. Try the next month.</p>` : nothing}
        ${date
          ? html`<slotwise-time-list exportparts="times, zone, time, time-selected" .date=${date}
              .slots=${slots.slotsOn(date)} ?loading=${loading} @slotwise:slot-selected=${on.slotSelected}></slotwise-time-list>`
          : empty ? nothing : html`<p class="muted hint">Choose a day to see its times.</p>`}
      </div>
    </div>
    <slotwise-details-form exportparts="form, input, field-error, submit" ?hidden=${!slot} .credit=${on.credit()}
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
}

const paymentParts =
  'payment, amount, countdown, payment-element, pay, test-panel, pay-test, decline-test, payment-error, payment-pending, released, choose-again';

/**
 * The held booking's payment. The `payment` slot passes the light-DOM element for Stripe's form
 * from `<slotwise-booking>` on into `<slotwise-payment>`'s shadow root.
 */
export function renderPaymentStep(payment: PendingPayment, step: PaymentStep) {
  return html`<slotwise-payment exportparts=${paymentParts} .session=${payment.paymentSession} .booking=${payment.booking}
      .manageToken=${payment.manageToken} .container=${step.container} .now=${step.now}
      .stripeJs=${step.stripeJs || DEFAULT_STRIPE_JS} @slotwise:booked=${step.booked} @choose-again=${step.chooseAgain}
    ><slot name="payment" slot="payment"></slot></slotwise-payment>`;
}

/** Why the specialist could not be shown, in words the visitor (or the site's owner) can act on. */
/**
 * In place of services and calendar while the specialist takes no bookings (suspended, or their
 * account closed): one plain sentence, never why — that is between them and the platform.
 */
export function renderNotAccepting(profile: Pick<Specialist, 'name'>) {
  return html`<p role="status" part="unavailable" class="unavailable">${profile.name} is not taking bookings right now.</p>`;
}

export function renderProfileError(error: ErrorDetail, handle: string, retry: () => void) {
  if (error.code === 'specialist_not_found') {
    return html`<p role="alert" part="alert">Specialist not found: there is no one to book under “${handle}”.</p>`;
  }
  if (error.code === 'invalid_request') {
    return html`<p role="alert" part="alert">“${handle}” is not a valid specialist handle.</p>`;
  }
  return html`<p role="alert" part="alert">
    We could not load the booking page. ${error.message}
    <button type="button" @click=${retry}>Try again</button>
  </p>`;
}

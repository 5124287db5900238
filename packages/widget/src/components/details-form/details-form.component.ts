import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { bookingContext, type BookingContext } from '../../context.js';
import { emit } from '../../events.js';
import { describeError, idempotencyKey } from '../../internal/errors.js';
import { formatDate, formatMinutes, formatTime } from '../../internal/format.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './details-form.styles.js';

type Field = 'name' | 'email' | 'notes';

/** Where the API reports a problem with what the visitor typed. */
const fields: Record<string, Field> = { 'body.customer.name': 'name', 'body.customer.email': 'email', 'body.notes': 'notes' };

/**
 * @summary The visitor's name, email and notes for the chosen time; books it on submit.
 *
 * @event slotwise:booked - The booking was made and confirmed (a free session). `detail: { booking, manageToken }`.
 * @event payment-required - Internal, to `<slotwise-booking>`: the time is held and waits for payment.
 *   `detail`: the API's answer (`booking`, `manageToken`, `paymentSession`).
 * @event slotwise:error - Booking failed. `detail: { code, status, message, problem }`; `slot_unavailable` when someone else took the time.
 *
 * @csspart form - The form.
 * @csspart input - The name, email and notes fields.
 * @csspart field-error - A message under a field the server refused.
 * @csspart submit - The submit button.
 */
export class SlotwiseDetailsForm extends LitElement {
  static override styles = [tokens, styles];

  @consume({ context: bookingContext, subscribe: true })
  @state()
  protected ctx?: BookingContext;

  /** A credit to book with instead of paying (the visitor's credits cover the service); its email prefills the form. */
  @property({ attribute: false }) credit: { token: string; email: string } | undefined;

  @state() private busy = false;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private formError = '';
  /** Kept across a retry after a network failure, so the server can tell it is the same request. */
  private key = '';

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#name')?.focus(options);
  }

  override render() {
    const { selection, timeZone, locale } = this.ctx ?? { selection: {} };
    const { service, duration, slot } = selection;
    const paid = (service?.durations.find((d) => d.minutes === duration)?.price ?? 0) > 0;
    return html`
      <form part="form" @submit=${this.onSubmit} aria-labelledby="heading">
        <h3 id="heading">Your details</h3>
        ${service && duration && slot && timeZone
          ? html`<p class="summary muted">
              ${service.name} · ${formatMinutes(duration, locale)} ·
              ${formatDate(selection.date ?? slot.start.slice(0, 10), locale)}, ${formatTime(slot.start, timeZone, locale)}
            </p>`
          : nothing}
        ${this.field('name', 'Name', html`<input part="input" id="name" name="name" autocomplete="name" required maxlength="120"
          aria-invalid=${this.errors.name ? 'true' : 'false'} aria-describedby="name-error" />`)}
        ${this.field('email', 'Email', html`<input part="input" id="email" name="email" type="email" autocomplete="email" required value=${this.credit?.email ?? ''}
          maxlength="254" aria-invalid=${this.errors.email ? 'true' : 'false'} aria-describedby="email-error" />`)}
        ${this.field('notes', 'Notes (optional)', html`<textarea part="input" id="notes" name="notes" rows="3" maxlength="2000"
          aria-invalid=${this.errors.notes ? 'true' : 'false'} aria-describedby="notes-error"></textarea>`)}
        ${this.formError ? html`<p role="alert" class="error">${this.formError}</p>` : nothing}
        <button part="submit" class="primary" type="submit" ?disabled=${this.busy || !slot}>
          ${this.busy ? 'Booking…' : this.credit ? this.ctx?.messages.bookWithCredit : paid ? 'Continue to payment' : 'Book this time'}
        </button>
        <p role="status" class="visually-hidden">${this.busy ? 'Booking your session…' : ''}</p>
      </form>
    `;
  }

  private field(name: Field, label: string, control: unknown) {
    return html`<div class="field">
      <label for=${name}>${label}</label>
      ${control}
      <p id="${name}-error" part="field-error" class="error" ?hidden=${!this.errors[name]}>${this.errors[name] ?? ''}</p>
    </div>`;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const ctx = this.ctx;
    const { service, duration, slot } = ctx?.selection ?? {};
    if (!ctx || !service || !duration || !slot || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: Field) => String(data.get(name) ?? '');
    this.busy = true;
    this.errors = {};
    this.formError = '';
    this.key ||= idempotencyKey();
    try {
      const created = await ctx.client.bookings.create(
        {
          specialist: ctx.specialist,
          service: service.id,
          duration,
          start: slot.start,
          customer: { name: text('name'), email: text('email'), timeZone: ctx.timeZone },
          ...(text('notes').trim() ? { notes: text('notes') } : {}),
          ...(this.credit ? { credit: { token: this.credit.token } } : {}),
        },
        { idempotencyKey: this.key },
      );
      this.key = '';
      form.reset();
      // A priced session is only held: it is booked once the server has seen the payment.
      if (created.paymentSession) this.dispatchEvent(new CustomEvent('payment-required', { detail: { ...created, paymentSession: created.paymentSession } }));
      else emit(this, 'slotwise:booked', created);
    } catch (error) {
      const detail = describeError(error);
      if (detail.status !== 0) this.key = '';
      this.showErrors(detail.problem?.errors ?? [], detail.message, detail.code);
      emit(this, 'slotwise:error', detail);
    } finally {
      this.busy = false;
    }
  }

  private async showErrors(list: readonly { field: string; message: string }[], message: string, code: string): Promise<void> {
    const errors: Partial<Record<Field, string>> = {};
    const others: string[] = [];
    for (const { field, message: text } of list) {
      const name = fields[field];
      if (name) errors[name] ??= text;
      else others.push(text);
    }
    this.errors = errors;
    // `<slotwise-booking>` explains a taken time itself, next to the refreshed times.
    const handledAbove = code === 'slot_unavailable' || code === 'not_a_slot';
    const mapped = Object.keys(errors).length > 0;
    this.formError = handledAbove ? '' : others.length > 0 ? others.join(' ') : mapped ? '' : message;
    await this.updateComplete;
    const first = (['name', 'email', 'notes'] as const).find((name) => errors[name]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
  }
}

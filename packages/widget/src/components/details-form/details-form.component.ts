import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { bookingContext, type BookingContext } from '../../context.js';
import { emit } from '../../events.js';
import { describeError, errorText, idempotencyKey, reportToOwner } from '../../internal/errors.js';
import { en } from '../../i18n/index.js';
import { customerLocale } from '../../internal/customer-locale.js';
import { visitorId } from '../../internal/visitor.js';
import { formatAmount, formatDate, formatMinutes, formatTime, dateTimeJoiner } from '../../internal/format.js';
import { renderCreditChoice, type CreditOffer } from './credit-choice.js';
import { closedPromo, renderPromoField, type PromoState } from './promo-field.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './details-form.styles.js';
import { addEnglish } from '../../i18n/en.js';
import { details } from '../../i18n/en/details.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(details);

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
 * @csspart form-error - Why the booking failed (not a field's fault): the refusal's sentence, focused when it shows.
 * @csspart submit - The submit button.
 * @csspart promo-toggle - "Have a code?", which opens the promo-code field.
 * @csspart promo-input - The promo code (also `input`).
 * @csspart promo-apply - The button that checks the code and shows the price after it.
 * @csspart promo-status - The price after the code, or why it cannot be used.
 */
export class SlotwiseDetailsForm extends LitElement {
  static override styles = [tokens, styles];

  @consume({ context: bookingContext, subscribe: true })
  @state()
  protected ctx?: BookingContext;

  /**
   * A credit to book with instead of paying (the visitor's credits cover the service); its email
   * prefills the form. For a priced session the visitor may pay instead (`payInstead`).
   */
  @property({ attribute: false }) credit: CreditOffer | undefined;

  /** The visitor chose "Pay … instead" of the credit: the booking goes to the payment step. */
  @state() private payInstead = false;

  /** The promo-code field: closed until "Have a code?"; a checked code lowers the price shown and booked. */
  @state() private promo: PromoState = closedPromo();
  /** Whether the page's promo code (`prefill.promoCode`) was applied: once, when a time is chosen. */
  private prefilledPromo = false;

  @state() private busy = false;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private formError = '';
  /** Kept across a retry after a network failure, so the server can tell it is the same request. */
  private key = '';

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#name')?.focus(options);
  }

  override render() {
    const { selection, timeZone, locale, prefill = {} } = this.ctx ?? { selection: {} };
    const { service, duration, slot } = selection;
    const price = this.price();
    const paid = price > 0;
    const t = this.ctx?.messages ?? en;
    const credit = this.usedCredit();
    return html`
      <form part="form" @submit=${this.onSubmit} aria-labelledby="heading">
        <h3 id="heading">${t.yourDetails}</h3>
        ${service && duration && slot && timeZone
          ? html`<p class="summary muted">
              ${service.name} · ${formatMinutes(duration, locale)} ·
              ${formatDate(selection.date ?? slot.start.slice(0, 10), locale)}${dateTimeJoiner(locale)}${formatTime(slot.start, timeZone, locale)}
            </p>`
          : nothing}
        ${this.field('name', t.nameLabel, html`<input part="input" id="name" name="name" autocomplete="name" required maxlength="120" .defaultValue=${prefill.name ?? this.credit?.name ?? ''}
          aria-invalid=${this.errors.name ? 'true' : 'false'} aria-describedby="name-error" />`)}
        ${this.field('email', t.emailLabel, html`<input part="input" id="email" name="email" type="email" autocomplete="email" required
          maxlength="254" .defaultValue=${this.credit?.email ?? prefill.email ?? ''} aria-invalid=${this.errors.email ? 'true' : 'false'} aria-describedby="email-error" />`)}
        ${this.field('notes', t.notesLabel, html`<textarea part="input" id="notes" name="notes" rows="3" maxlength="2000" .defaultValue=${prefill.notes ?? ''}
          aria-invalid=${this.errors.notes ? 'true' : 'false'} aria-describedby="notes-error"></textarea>`)}
        ${this.credit && paid && service
          ? renderCreditChoice({ offer: this.credit, price: formatAmount(price, service.currency, locale), pay: this.payInstead, choose: (pay) => (this.payInstead = pay), t, timeZone: timeZone ?? 'UTC', locale })
          : nothing}
        ${credit ? nothing : renderPromoField({ state: this.promo, quote: this.quote(), t, locale, open: () => this.openPromo(), apply: (code) => void this.applyPromo(code), edited: (code) => this.promoEdited(code) })}
        ${this.formError ? html`<p role="alert" part="form-error" class="error" tabindex="-1">${this.formError}</p>` : nothing}
        <button part="submit" class="primary" type="submit" ?disabled=${this.busy || !slot}>
          ${this.busy ? t.bookingBusy : credit ? t.bookWithCredit : paid ? t.continueToPayment : t.bookThisTime}
        </button>
        <p role="status" class="visually-hidden">${this.busy ? t.bookingAnnounce : ''}</p>
      </form>
    `;
  }

  protected override willUpdate(): void {
    // A code from the page (a campaign link) is checked at once, as if typed and applied: the
    // visitor sees the price after it, or the server's reason it cannot be used, and may change it.
    const code = this.ctx?.prefill?.promoCode?.trim();
    const { service, duration } = this.ctx?.selection ?? {};
    if (this.prefilledPromo || !code || !service || !duration || this.usedCredit()) return;
    this.prefilledPromo = true;
    this.promo = { ...closedPromo(), open: true, initial: code };
    void this.applyPromo(code);
  }

  /**
   * The credit this booking spends: none for a free session (a credit is worth a priced one), nor
   * when the visitor chose to pay a priced session instead.
   */
  private usedCredit(): CreditOffer | undefined {
    return this.price() === 0 || this.payInstead ? undefined : this.credit;
  }

  /** The chosen duration's price in minor units (0: free), after the applied promo code. */
  private price(): number {
    const { service, duration } = this.ctx?.selection ?? {};
    const quote = this.quote();
    if (quote) return quote.total;
    return service?.durations.find((d) => d.minutes === duration)?.price ?? 0;
  }

  /** The applied code's answer, when it was checked for the service and duration chosen now. */
  private quote() {
    const { service, duration } = this.ctx?.selection ?? {};
    const quote = this.promo.quote;
    return quote && quote.for === `${service?.id}/${duration}` ? quote : undefined;
  }

  /**
   * The code in the field was changed: the price it got stands only while the field still holds
   * that code; a refusal's sentence goes with the text it was about.
   */
  private promoEdited(code: string): void {
    const { quote, error } = this.promo;
    const same = quote !== undefined && quote.code.toUpperCase() === code.trim().toUpperCase();
    if ((quote && !same) || error) this.promo = { ...this.promo, quote: same ? quote : undefined, error: '' };
  }

  private async openPromo(): Promise<void> {
    this.promo = { ...this.promo, open: true };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#promo')?.focus();
  }

  /** Checks `code` with the server before booking: the new price, or the server's sentence. */
  private async applyPromo(text: string): Promise<void> {
    const ctx = this.ctx;
    const { service, duration } = ctx?.selection ?? {};
    const code = text.trim();
    if (!ctx || !service || !duration || this.promo.busy) return;
    if (!code) {
      this.promo = { ...closedPromo(), open: true };
      return;
    }
    this.promo = { ...this.promo, busy: true, error: '' };
    try {
      const quote = await ctx.client.specialists.checkPromoCode(ctx.specialist, code, { service: service.id, duration });
      this.promo = { ...this.promo, open: true, busy: false, quote: { ...quote, for: `${service.id}/${duration}` }, error: '' };
    } catch (error) {
      this.promo = { ...this.promo, open: true, busy: false, quote: undefined, error: errorText(describeError(error), ctx.messages) };
    }
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
    // What the field holds goes, applied or not (the server checks it either way) — never a code
    // applied earlier and since changed or cleared.
    const promoCode = this.usedCredit() ? '' : String(data.get('promo') ?? '').trim();
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
          // The visitor's language goes with the booking: their emails follow it.
          customer: { name: text('name'), email: text('email'), timeZone: ctx.timeZone, ...customerLocale(ctx.locale) },
          ...(text('notes').trim() ? { notes: text('notes') } : {}),
          visitor: visitorId(),
          ...(ctx.utm ? { utm: ctx.utm } : {}),
          ...(this.usedCredit() ? { credit: { token: this.credit!.token } } : {}),
          ...(promoCode ? { promoCode } : {}),
        },
        { idempotencyKey: this.key },
      );
      this.key = '';
      this.payInstead = false; // the next booking offers the credit first again
      this.promo = closedPromo();
      form.reset();
      // A priced session is only held: it is booked once the server has seen the payment.
      if (created.paymentSession) this.dispatchEvent(new CustomEvent('payment-required', { detail: { ...created, paymentSession: created.paymentSession } }));
      else emit(this, 'slotwise:booked', ctx.utm ? { ...created, utm: ctx.utm } : created);
    } catch (error) {
      const detail = describeError(error);
      if (detail.status !== 0) this.key = '';
      this.showErrors(detail.problem?.errors ?? [], errorText(detail, ctx.messages), detail.code);
      reportToOwner(detail);
      emit(this, 'slotwise:error', detail);
    } finally {
      this.busy = false;
    }
  }

  private async showErrors(list: readonly { field: string; message: string }[], message: string, code: string): Promise<void> {
    const errors: Partial<Record<Field, string>> = {};
    const others: string[] = [];
    let promoRefused = false;
    for (const { field, message: text } of list) {
      // A code refused at booking time (this email's limit, a first booking): said under the code.
      if (field === 'body.promoCode') {
        this.promo = { ...this.promo, open: true, quote: undefined, error: text };
        promoRefused = true;
        continue;
      }
      const name = fields[field];
      if (name) errors[name] ??= text;
      else others.push(text);
    }
    this.errors = errors;
    // `<slotwise-booking>` explains a taken time itself, next to the refreshed times.
    const handledAbove = code === 'slot_unavailable' || code === 'not_a_slot';
    const mapped = Object.keys(errors).length > 0 || promoRefused;
    this.formError = handledAbove ? '' : others.length > 0 ? others.join(' ') : mapped ? '' : message;
    await this.updateComplete;
    const first = (['name', 'email', 'notes'] as const).find((name) => errors[name]);
    // The submit button was disabled while sending: focus goes to what to fix, or to why it failed.
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
    else if (promoRefused) this.renderRoot.querySelector<HTMLElement>('#promo')?.focus();
    else if (this.formError) this.renderRoot.querySelector<HTMLElement>('[part="form-error"]')?.focus();
  }
}

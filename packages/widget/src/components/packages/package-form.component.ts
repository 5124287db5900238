import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Package, PackagePurchaseCreated } from '@slotwise/sdk/contract';
import { bookingContext, type BookingContext } from '../../context.js';
import { emit } from '../../events.js';
import { customerLocale } from '../../internal/customer-locale.js';
import { describeError, idempotencyKey } from '../../internal/errors.js';
import { formatPrice } from '../../internal/format.js';
import { tokens } from '../../styles/tokens.js';
import { cardList } from '../../styles/card-list.js';
import { styles } from './packages.styles.js';
import { addEnglish } from '../../i18n/en.js';
import { packages } from '../../i18n/en/packages.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(packages);

type Field = 'name' | 'email';
const fields: Record<string, Field> = { 'body.customer.name': 'name', 'body.customer.email': 'email' };

/**
 * @summary The buyer's name and email for a package; starts the purchase on submit.
 *
 * @event purchase-created - Internal, to `<slotwise-booking>`: the server's answer (purchase, credits token, payment session) and the name typed.
 * @event checkout-cancelled - Internal: the visitor went back to the sessions.
 * @event slotwise:error - The purchase was refused. `detail: { code, status, message, problem }`.
 *
 * @csspart checkout - The form. @csspart input - Its fields. @csspart submit - Its button. @csspart back - Back to the sessions.
 */
export class SlotwisePackageForm extends LitElement {
  static override styles = [
    tokens,
    cardList,
    styles,
    css`
      form { display: grid; gap: calc(0.75 * var(--_sw-u)); }
      .field { display: grid; gap: calc(0.25 * var(--_sw-u)); }
      input { font: inherit; color: inherit; background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); padding: calc(0.5 * var(--_sw-u)) calc(0.625 * var(--_sw-u)); }
      [aria-invalid='true'] { border-color: var(--_danger); }
      .actions { display: flex; flex-wrap: wrap; gap: calc(0.5 * var(--_sw-u)); }
    `,
  ];

  @property({ attribute: false }) package?: Package;

  @consume({ context: bookingContext, subscribe: true })
  @state()
  protected ctx?: BookingContext;

  @state() private busy = false;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private formError = '';
  /** Kept across a retry after a network failure, so the server can tell it is the same request. */
  private key = '';

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#checkout-heading')?.focus(options);
  }

  override render() {
    const { ctx, package: pkg } = this;
    if (!ctx || !pkg) return nothing;
    const m = ctx.messages;
    return html`
      <form part="checkout" aria-labelledby="checkout-heading" @submit=${this.onSubmit}>
        <h3 id="checkout-heading" tabindex="-1">${m.checkoutHeading(pkg.name)}</h3>
        <p class="muted">${m.packageSessions(pkg.sessionCount)} · ${pkg.price > 0 ? formatPrice(pkg.price, pkg.currency, ctx.locale) : m.packageFree} ·
          ${m.packageValidity(pkg.validityDays)}</p>
        ${this.field('name', m.checkoutName, 'name')}
        ${this.field('email', m.checkoutEmail, 'email')}
        ${this.formError ? html`<p role="alert" class="error">${this.formError}</p>` : nothing}
        <div class="actions">
          <button part="submit" class="primary" type="submit" ?disabled=${this.busy}>
            ${this.busy ? m.checkoutBusy : pkg.price > 0 ? m.checkoutSubmit : m.checkoutSubmitFree}</button>
          <button part="back" type="button" @click=${this.back}>${m.checkoutBack}</button>
        </div>
      </form>
    `;
  }

  private field(name: Field, label: string, autocomplete: string) {
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input part="input" id=${name} name=${name} type=${name === 'email' ? 'email' : 'text'} autocomplete=${autocomplete} required
        maxlength=${name === 'email' ? 254 : 120} aria-invalid=${this.errors[name] ? 'true' : 'false'} aria-describedby="${name}-error" />
      <p id="${name}-error" class="error">${this.errors[name] ?? ''}</p>
    </div>`;
  }

  private back(): void {
    this.dispatchEvent(new CustomEvent('checkout-cancelled'));
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { ctx, package: pkg } = this;
    if (!ctx || !pkg || this.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: Field) => String(data.get(name) ?? '');
    this.busy = true;
    this.errors = {};
    this.formError = '';
    this.key ||= idempotencyKey();
    try {
      const created: PackagePurchaseCreated = await ctx.client.packages.purchase(
        pkg.id,
        // The visitor's language goes with the purchase: its emails and credits page follow it.
        { customer: { name: text('name'), email: text('email'), timeZone: ctx.timeZone, ...customerLocale(ctx.locale) } },
        { idempotencyKey: this.key },
      );
      this.key = '';
      // With the name typed here: booking with the credits next fills it in, as it does the email.
      this.dispatchEvent(new CustomEvent('purchase-created', { detail: { ...created, customerName: text('name') } }));
    } catch (error) {
      const detail = describeError(error);
      if (detail.status !== 0) this.key = '';
      const errors: Partial<Record<Field, string>> = {};
      for (const { field, message } of detail.problem?.errors ?? []) if (fields[field]) errors[fields[field]!] ??= message;
      this.errors = errors;
      this.formError = Object.keys(errors).length > 0 ? '' : detail.message;
      emit(this, 'slotwise:error', detail);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(errors.name ? '#name' : errors.email ? '#email' : '#checkout-heading')?.focus();
    } finally {
      this.busy = false;
    }
  }
}

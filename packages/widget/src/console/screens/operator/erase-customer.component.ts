import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CustomerErased } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { countOf } from '../../../internal/format.js';
import { tokens } from '../../../styles/tokens.js';
import { ConfirmController } from '../../ui/confirm-dialog.js';
import { describedBy, invalid, renderFieldError, renderFormError } from '../../ui/field-error.js';
import { focusFirstInvalid, formErrors, noErrors, type FormErrors } from '../../ui/form-errors.js';
import { screenStyles } from '../../ui/screen.styles.js';


/**
 * @summary Erase a customer's personal data on their request (`operator.customers.erase`): an
 * email, a confirmation that says what is replaced and what stays (amounts, dates, payment
 * records), then the counts the server answered — nothing is claimed before it answers.
 */
export class SlotwiseConsoleEraseCustomer extends LitElement {
  static override styles = [tokens, screenStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() email = '';
  @state() errors: FormErrors = noErrors;
  @state() erasing = false;
  /** The last erasure's answer, with the address it was asked for (the placeholder stands in for it from now on). */
  @state() erased: (CustomerErased & { email: string }) | undefined;
  readonly confirm = new ConfirmController(this);

  async erase(event: Event): Promise<void> {
    event.preventDefault();
    const email = this.email.trim();
    // Not an address: said beside the field, before a dialog warns of what cannot be undone.
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      this.errors = { message: 'Please check the fields marked below.', fields: { email: 'Enter the customer’s email address, such as ada@example.com.' } };
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot);
      return;
    }
    const ok = await this.confirm.ask({
      heading: `Erase ${email || 'this customer'}’s personal data?`,
      consequence: 'Their name, email, phone and what they wrote are replaced with “Erased customer” in every specialist’s bookings, package sales and messages, and messages not yet sent to them are stopped. Amounts, dates and payment records stay, as the law requires; nothing is cancelled. This cannot be undone.',
      action: 'Erase their data',
    });
    if (!ok) return;
    this.erasing = true;
    try {
      const erased = { ...(await this.session!.client.operator.customers.erase({ email })), email };
      this.erased = erased;
      this.errors = noErrors;
      this.email = '';
      // Said only when something was erased: an address nothing held gets the result's own sentence.
      if (!nothingHeld(erased)) this.session?.announce(`${email}’s personal data was erased.`);
    } catch (error) {
      this.errors = formErrors(error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot);
    } finally {
      this.erasing = false;
    }
  }

  private result(e: CustomerErased & { email: string }) {
    return html`<div class="result" role="status">
      ${nothingHeld(e)
        ? html`<p>Nothing held ${e.email}’s personal data: no such customer, or erased already.</p>`
        : html`<p>Erased ${e.email}: now <span class="secret">${e.placeholder}</span>.</p>
          <ul>
            <li>${countOf(e.bookings, 'booking', 'bookings')}, ${countOf(e.purchases, 'package sale', 'package sales')}, ${countOf(e.payments, 'payment', 'payments')} (amounts kept)</li>
            <li>${countOf(e.messagesStopped, 'unsent message stopped', 'unsent messages stopped')}</li>
            <li>at ${countOf(e.specialists, 'specialist', 'specialists')}</li>
          </ul>`}
      <p class="note">The payment provider keeps its own copy of a payment (e.g. a receipt email): erase it there too.</p>
    </div>`;
  }

  override render() {
    if (!this.session) return nothing;
    const { errors } = this;
    return html`<section aria-labelledby="erase-heading">
      <h3 id="erase-heading">Erase a customer’s personal data</h3>
      <form novalidate @submit=${(e: Event) => this.erase(e)}>
        ${renderFormError(errors)}
        <label for="erase-email">The customer’s email, as they booked with it</label>
        <input id="erase-email" type="email" autocomplete="off" .value=${this.email} aria-invalid=${invalid(errors, 'email')}
          aria-describedby=${describedBy(errors, 'email')} @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)} />
        ${renderFieldError(errors, 'email')}
        <div class="actions"><button type="submit" class="danger" ?disabled=${this.erasing}>Erase their data…</button></div>
      </form>
      ${this.erased ? this.result(this.erased) : nothing}
      ${this.confirm.render()}
    </section>`;
  }
}

/** Whether the erasure found nothing of theirs: no such customer, or erased already. */
function nothingHeld(e: CustomerErased): boolean {
  return e.bookings + e.purchases + e.payments + e.messagesStopped === 0;
}

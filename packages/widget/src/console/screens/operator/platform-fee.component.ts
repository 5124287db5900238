import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { PlatformSettings } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { describedBy, invalid, renderFieldError, renderFormError } from '../../ui/field-error.js';
import { focusFirstInvalid, formErrors, noErrors, type FormErrors } from '../../ui/form-errors.js';
import { screenStyles } from '../../ui/screen.styles.js';

/** Basis points as the percent a person reads and types: 2000 → "20", 1250 → "12.5". */
const percentOf = (bps: number) => String(bps / 100);

/**
 * @summary The platform fee (`operator.settings`), typed as a percent and stored in basis points;
 * the server's limits come back beside the field.
 */
export class SlotwiseConsolePlatformFee extends LitElement {
  static override styles = [tokens, screenStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() settings: PlatformSettings | undefined;
  @state() percent = '';
  @state() errors: FormErrors = noErrors;
  @state() error = '';
  @state() saving = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.session?.client.operator.settings.retrieve().then(
      (settings) => Object.assign(this, { settings, percent: percentOf(settings.platformFeeBps) }),
      (error) => (this.error = describeError(error).message),
    );
  }

  async save(event: Event): Promise<void> {
    event.preventDefault();
    const value = Number(this.percent.trim().replace(',', '.'));
    if (this.percent.trim() === '' || !Number.isFinite(value)) {
      return this.fail({ fields: { platformFeeBps: 'Enter a percent such as 20 or 12.5.' }, message: 'Please check the fields marked below.' });
    }
    // Said in the percent typed here: the server's own limits speak of basis points ("Use 5000 or less.").
    if (value < 0 || value > 50) {
      return this.fail({ fields: { platformFeeBps: 'Use a percent from 0 to 50.' }, message: 'Please check the fields marked below.' });
    }
    this.saving = true;
    try {
      this.settings = await this.session!.client.operator.settings.update({ platformFeeBps: Math.round(value * 100) });
      this.percent = percentOf(this.settings.platformFeeBps);
      this.errors = noErrors;
      this.session?.announce(`Platform fee set to ${this.percent}%. It applies to new payments.`);
    } catch (error) {
      await this.fail(formErrors(error));
    } finally {
      this.saving = false;
    }
  }

  private async fail(errors: FormErrors): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    focusFirstInvalid(this.renderRoot);
  }

  override render() {
    if (!this.session) return nothing;
    const { errors } = this;
    return html`<section aria-labelledby="fee-heading">
      <h3 id="fee-heading">Platform fee</h3>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.settings ? html`<form novalidate @submit=${(e: Event) => this.save(e)}>
        ${renderFormError(errors)}
        <label for="fee">Fee on each payment, in percent (0–50)</label>
        <input id="fee" inputmode="decimal" .value=${this.percent} aria-invalid=${invalid(errors, 'platformFeeBps')}
          aria-describedby=${describedBy(errors, 'platformFeeBps')} @input=${(e: Event) => (this.percent = (e.target as HTMLInputElement).value)} />
        ${renderFieldError(errors, 'platformFeeBps')}
        <p class="note">Specialists keep the rest. Payments already started keep the fee they started with.${this.settings.updatedAt ? ` Last changed ${new Date(this.settings.updatedAt).toLocaleString()}.` : ''}</p>
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.saving}>Save fee</button></div>
      </form>` : html`<p>Loading…</p>`}
    </section>`;
  }
}

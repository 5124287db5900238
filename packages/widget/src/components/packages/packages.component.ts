import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Package, Service } from '@slotwise/sdk/contract';
import { bookingContext, type BookingContext } from '../../context.js';
import { formatPrice } from '../../internal/format.js';
import { tokens } from '../../styles/tokens.js';
import { cardList } from '../../styles/card-list.js';
import { styles } from './packages.styles.js';
import { addEnglish } from '../../i18n/en.js';
import { packages } from '../../i18n/en/packages.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(packages);

/**
 * @summary A specialist's packages of sessions, offered after the single sessions, and the
 * "Have a credits code?" field for a visitor who already bought one.
 *
 * @event package-selected - Internal, to `<slotwise-booking>`: the visitor wants to buy `detail.package`.
 * @event credits-code - Internal, to `<slotwise-booking>`: the visitor typed a credits code, `detail.token`.
 *
 * @csspart packages - The list. @csspart package - One package. @csspart package-name - Its name.
 * @csspart buy - Its Buy button. @csspart credits-code - The code field's disclosure.
 */
export class SlotwisePackages extends LitElement {
  static override styles = [tokens, cardList, styles];

  @property({ attribute: false }) packages: readonly Package[] = [];
  /** The profile's services, to name what a package's credits book. */
  @property({ attribute: false }) services: readonly Service[] = [];
  /** Whether a credits code is being checked. */
  @property({ type: Boolean }) checking = false;
  /** Why the last code was refused. */
  @property() codeError = '';
  /** Whether the visitor already has credits (the code field is then not offered). */
  @property({ type: Boolean }) hasCredits = false;

  @consume({ context: bookingContext, subscribe: true })
  @state()
  protected ctx?: BookingContext;

  /** Moves focus to the first package's Buy button, else the credits code's disclosure. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('button, summary')?.focus(options);
  }

  /** Moves focus to the credits code field (after a refused code), once rendered. */
  async focusCode(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#credits-code')?.focus();
  }

  override render() {
    const m = this.ctx?.messages;
    if (!m) return nothing;
    const locale = this.ctx?.locale;
    const names = (ids: readonly string[]) => this.services.filter((s) => ids.includes(s.id)).map((s) => s.name).join(', ');
    return html`
      ${this.packages.length > 0 ? html`
        <h3 id="packages-heading">${m.packagesHeading}</h3>
        <ul part="packages" aria-labelledby="packages-heading">
          ${this.packages.map((pkg) => html`
            <li part="package">
              <p part="package-name" class="name" dir="auto">${pkg.name}</p>
              ${pkg.description ? html`<p class="muted" dir="auto">${pkg.description}</p>` : nothing}
              <p class="terms">
                ${m.packageSessions(pkg.sessionCount)} · ${pkg.price > 0 ? formatPrice(pkg.price, pkg.currency, locale) : m.packageFree} ·
                ${m.packageValidity(pkg.validityDays)}
              </p>
              <p class="muted">${m.packageCovers(names(pkg.services))}</p>
              <button type="button" part="buy" data-package=${pkg.id} @click=${() => this.select(pkg)}>${m.packageBuy(pkg.name)}</button>
            </li>`)}
        </ul>` : nothing}
      ${this.hasCredits ? nothing : html`
        <details part="credits-code" ?open=${Boolean(this.codeError)}>
          <summary>${m.creditsCodeToggle}</summary>
          <form @submit=${this.onCode}>
            <label for="credits-code">${m.creditsCodeLabel}</label>
            <div class="row">
              <input id="credits-code" name="code" autocomplete="off" spellcheck="false" required maxlength="200"
                aria-invalid=${this.codeError ? 'true' : 'false'} aria-describedby="code-error" />
              <button type="submit" ?disabled=${this.checking}>${this.checking ? m.creditsCodeChecking : m.creditsCodeUse}</button>
            </div>
            <p id="code-error" role="alert" class="error">${this.codeError}</p>
          </form>
        </details>`}
    `;
  }

  private select(pkg: Package): void {
    this.dispatchEvent(new CustomEvent('package-selected', { detail: { package: pkg } }));
  }

  private onCode(event: SubmitEvent): void {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget as HTMLFormElement).get('code') ?? '').trim();
    if (token) this.dispatchEvent(new CustomEvent('credits-code', { detail: { token } }));
  }
}

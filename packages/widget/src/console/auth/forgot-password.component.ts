import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { tokens } from '../../styles/tokens.js';
import { describedBy, fieldError, focusFirstInvalid, invalid, saveFailure, type SaveFailure } from '../forms.js';
import { consoleStyles } from '../styles.js';
import { authStyles } from './auth-forms.styles.js';
import { carried, focusHeading } from './recovery-links.js';
import type { TokenKeeper } from './token-keeper.js';

/**
 * @summary "Forgot your password?": asks the server to email a reset link.
 * The answer is the server's own sentence, the same whether or not the address has an account
 * (so nobody learns who has one), and it is shown only after the server accepted the request.
 */
export class SlotwiseConsoleForgot extends LitElement {
  static override styles = [tokens, consoleStyles, authStyles];

  @property({ attribute: false }) keeper!: TokenKeeper;
  @state() private failure: SaveFailure | undefined;
  @state() private accepted = '';
  @state() private busy = false;

  protected override firstUpdated(): void {
    focusHeading(this);
  }

  override render() {
    const id = 'forgot-email';
    return html`
      <main class="auth">
        <h1 tabindex="-1">Forgot your password?</h1>
        <p>Enter the email you log in with; we email you a link to choose a new password.</p>
        <form novalidate @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.failure ? html`<p class="error" role="alert" tabindex="-1">${this.failure.message}</p>` : nothing}
          <label for=${id}>Email
            <input id=${id} name="email" type="email" autocomplete="email" required .defaultValue=${carried.email}
              aria-invalid=${invalid(this.failure, 'email')} aria-describedby=${ifDefined(describedBy(id, this.failure, 'email'))} />
            ${fieldError(id, this.failure, 'email')}</label>
          <button class="primary" type="submit" ?disabled=${this.busy}>Email me a link</button>
        </form>
        <p class="card sent" role="status">${this.accepted}</p>
        <p><a href="#/login">Back to log in</a></p>
      </main>
    `;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get('email') ?? '');
    this.busy = true;
    this.failure = undefined;
    this.accepted = '';
    try {
      this.accepted = (await this.keeper.anonymous.auth.passwordReset.request({ email })).message;
    } catch (error) {
      this.failure = saveFailure(error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot);
    } finally {
      this.busy = false;
    }
  }
}

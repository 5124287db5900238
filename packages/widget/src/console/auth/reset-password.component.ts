import { isSlotwiseError } from '@slotwise/sdk';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { tokens } from '../../styles/tokens.js';
import { describedBy, fieldError, focusFirstInvalid, invalid, saveFailure, type SaveFailure } from '../forms.js';
import { consoleStyles } from '../styles.js';
import { authStyles, recoveryStyles } from './auth-forms.styles.js';
import { flash, focusHeading } from './recovery-links.js';
import type { TokenKeeper } from './token-keeper.js';

/*
 * The rule is the contract's `NewPassword` (10–200 characters), written out: importing the
 * contract's values would bring zod into the console's first load. The server's field error
 * still says the rule if it ever changes.
 */
/** What the home page says after a reset logged the specialist in (only once the server set the password). */
export const RESET_DONE = 'Your new password is set and you are logged in. Every other login of your account was ended.';

/**
 * @summary `#/reset`: choose a new password with the token of an emailed reset link.
 * The shell reads the token from the address and removes it from the address bar before this
 * page gets it (`token`). A set password logs in like a login does (the tokens go to the
 * `TokenKeeper`) and opens home with a sentence saying every other login was ended. A used,
 * replaced or expired link says so and offers a new one; what was typed stays on a failure.
 */
export class SlotwiseConsoleReset extends LitElement {
  static override styles = [tokens, consoleStyles, authStyles, recoveryStyles];

  @property({ attribute: false }) keeper!: TokenKeeper;
  /** The token from the link; '' when the page was opened without one (e.g. reloaded). */
  @property({ attribute: false }) token = '';
  @state() private failure: SaveFailure | undefined;
  /** The link can no longer be used: the server's sentence. */
  @state() private deadLink = '';
  @state() private busy = false;

  protected override firstUpdated(): void {
    focusHeading(this);
  }

  override render() {
    return html`
      <main class="auth">
        <h1 tabindex="-1">Choose a new password</h1>
        ${this.deadLink || !this.token ? this.noLink() : this.form()}
        <p><a href="#/login">Back to log in</a></p>
      </main>
    `;
  }

  private noLink() {
    const why = this.deadLink || 'This page needs the link from your reset email. Open the link again, or ask for a new one.';
    return html`<p class="error" role="alert" tabindex="-1">${why}</p>
      <p><a href="#/forgot">Send me a new link</a></p>`;
  }

  private form() {
    const id = 'reset-password';
    const described = [`${id}-hint`, describedBy(id, this.failure, 'password')].filter(Boolean).join(' ');
    return html`<form novalidate @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'}>
      ${this.failure ? html`<p class="error" role="alert" tabindex="-1">${this.failure.message}</p>` : nothing}
      <label for=${id}>New password
        <span class="hint" id="${id}-hint">At least 10 characters (at most 200); a few unrelated words make a good password.</span>
        <input id=${id} name="password" type="password" autocomplete="new-password" required
          aria-invalid=${invalid(this.failure, 'password')} aria-describedby=${ifDefined(described)} />
        ${fieldError(id, this.failure, 'password')}</label>
      <button class="primary" type="submit" ?disabled=${this.busy}>Set password and log in</button>
    </form>`;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const password = String(new FormData(event.target as HTMLFormElement).get('password') ?? '');
    this.busy = true;
    this.failure = undefined;
    try {
      const tokens = await this.keeper.anonymous.auth.passwordReset.confirm({ token: this.token, password });
      flash(this, 'home', RESET_DONE);
      location.hash = '#/home';
      this.keeper.accept(tokens);
    } catch (error) {
      if (isSlotwiseError(error, 'reset_token_invalid')) this.deadLink = error.problem.detail || error.message;
      else this.failure = saveFailure(error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot);
    } finally {
      this.busy = false;
    }
  }
}

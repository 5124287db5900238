import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { describeError } from '../../internal/errors.js';
import { tokens } from '../../styles/tokens.js';
import { consoleContext, type ConsoleSession } from '../context.js';
import { consoleStyles } from '../styles.js';
import '../ui/resend-verification.js';
import { authStyles, recoveryStyles } from './auth-forms.styles.js';
import { focusHeading } from './recovery-links.js';
import type { TokenKeeper } from './token-keeper.js';

type Outcome = { kind: 'verifying' } | { kind: 'verified'; email: string } | { kind: 'failed'; message: string };

/**
 * @summary `#/verify`: verifies the login email with the token of an emailed link, as soon as the
 * page opens (opening the link is the specialist's request), logged in or not. The shell removes
 * the token from the address bar first. Says it is verified only after the server said so, and
 * then reads the shared profile again so the console's "verify your email" banner goes. A used,
 * replaced or expired link says so; a logged-in specialist can send a new one from here.
 */
export class SlotwiseConsoleVerify extends LitElement {
  static override styles = [tokens, consoleStyles, authStyles, recoveryStyles];

  @property({ attribute: false }) keeper!: TokenKeeper;
  /** The token from the link; '' when the page was opened without one (e.g. reloaded). */
  @property({ attribute: false }) token = '';
  @consume({ context: consoleContext, subscribe: true }) @state() private session: ConsoleSession | undefined;
  @state() private outcome: Outcome = { kind: 'verifying' };

  /** Once per page, after the first render: the token is single use, so a re-attached page must not spend it again. */
  protected override firstUpdated(): void {
    focusHeading(this);
    void this.verify();
  }

  private async verify() {
    if (!this.token) {
      this.outcome = { kind: 'failed', message: 'This page needs the link from your verification email. Open the link again.' };
      return;
    }
    try {
      const verified = await this.keeper.anonymous.auth.verifyEmail({ token: this.token });
      this.outcome = { kind: 'verified', email: verified.email };
      await this.session?.refreshProfile().catch(() => undefined);
    } catch (error) {
      this.outcome = { kind: 'failed', message: describeError(error).message };
    }
  }

  override render() {
    return html`
      <main class="auth">
        <h1 tabindex="-1">Verify your email</h1>
        ${this.result()}
        <p>${this.session ? html`<a href="#/home">Go to your console</a>` : html`<a href="#/login">Log in</a>`}</p>
      </main>
    `;
  }

  private result() {
    const outcome = this.outcome;
    if (outcome.kind === 'verifying') return html`<p role="status">Verifying your email…</p>`;
    if (outcome.kind === 'verified') {
      return html`<p class="card" role="status">Your email ${outcome.email} is verified. Priced services take bookings now.</p>`;
    }
    return html`<p class="error" role="alert">${outcome.message}</p>
      ${this.session?.profile && !this.session.profile.emailVerified
        ? html`<slotwise-console-resend-verification></slotwise-console-resend-verification>`
        : this.session ? nothing : html`<p class="hint">Log in to send a new link.</p>`}`;
  }
}

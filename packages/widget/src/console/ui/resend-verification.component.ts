import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { describeError } from '../../internal/errors.js';
import { tokens } from '../../styles/tokens.js';
import { consoleContext, type ConsoleSession } from '../context.js';
import { consoleStyles } from '../styles.js';

/**
 * @summary "Send the link again": asks the server for a new email verification link for the
 * logged-in specialist. Says what the server answered, only after it answered (a rate limit's
 * sentence included); while the request runs the button is disabled, so one click is one email.
 */
export class SlotwiseConsoleResendVerification extends LitElement {
  static override styles = [tokens, consoleStyles];

  @consume({ context: consoleContext, subscribe: true }) @state() private session: ConsoleSession | undefined;
  @state() private answer = '';
  @state() private failure = '';
  @state() private busy = false;

  override render() {
    return html`<button type="button" class="resend" ?disabled=${this.busy} @click=${this.resend}>Send the link again</button>
      <p role="status" class="answer">${this.answer}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}`;
  }

  private async resend() {
    if (!this.session) return;
    this.busy = true;
    this.answer = '';
    this.failure = '';
    try {
      this.answer = (await this.session.client.me.emailVerification.resend()).message;
    } catch (error) {
      this.failure = describeError(error).message;
    } finally {
      this.busy = false;
    }
  }
}

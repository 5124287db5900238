import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { consoleStyles } from '../../styles.js';
import '../onboarding/onboarding.js';
import { isComplete, readProgress } from '../onboarding/progress.js';

/**
 * @summary Where the console opens. Until every onboarding step is done it is the onboarding
 * checklist; then it links to the hosted page and the screens a specialist uses every week.
 * An operator sees where their tools are.
 */
export class SlotwiseConsoleHome extends LitElement {
  static override styles = [tokens, consoleStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;
  @property() route = '';
  @state() private complete: boolean | undefined;
  @state() private error = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.session?.profile && this.complete === undefined) void this.check();
  }

  private async check() {
    try {
      this.complete = isComplete(await readProgress(this.session!));
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  override render() {
    const session = this.session;
    if (!session) return nothing;
    if (!session.profile) return html`<p>You are logged in as the platform’s operator (${session.account.email}). Your tools are in the navigation.</p>`;
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (this.complete === undefined) return html`<p class="muted">Reading your account…</p>`;
    if (!this.complete) return html`<p>Welcome, ${session.profile.name}. Your setup, step by step:</p><slotwise-console-onboarding></slotwise-console-onboarding>`;
    const page = `${session.apiBase}/${session.profile.handle}`;
    return html`
      <p>Welcome back, ${session.profile.name}. Customers book you on <a href=${page} target="_blank" rel="noopener">${page}</a> and on your site.</p>
      <ul class="plain">
        <li><a href="#/services">Services</a> — what you offer, prices and policies</li>
        <li><a href="#/availability">Availability</a> — hours, days off and a preview of your open times</li>
        <li><a href="#/settings">Settings</a> — profile, notices and your calendar feed</li>
        <li><a href="#/onboarding">Setup checklist</a></li>
      </ul>
    `;
  }
}

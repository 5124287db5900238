import { consume } from '@lit/context';
import type { AccountClosed } from '@slotwise/sdk/contract';
import { html, LitElement, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import { countOf } from '../../../internal/format.js';
import { tokens } from '../../../styles/tokens.js';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { focusFirstInvalid, saveFailure, textField, type SaveFailure } from '../../forms.js';
import { consoleStyles } from '../../styles.js';


/** What closing did, from the server's answer only (the emails are queued, so "gets", not "got"). */
export function closedSummary(closed: AccountClosed): string {
  const n = closed.bookingsCancelled;
  const bookings = n === 0 ? 'No future bookings needed cancelling.' : `${countOf(n, 'future booking', 'future bookings')} cancelled; ${n === 1 ? 'its customer gets' : 'their customers get'} an email saying so.`;
  const refunds = closed.refundsQueued === 0 ? '' : ` ${countOf(closed.refundsQueued, 'full refund', 'full refunds')} queued.`;
  return `Your account is closed. ${bookings}${refunds} Past bookings and payments are kept.`;
}

/**
 * @summary "Close your account": a dialog that states the consequence, asks the password and the
 * handle typed to confirm (`me.account.close`), shows the server's errors beside those fields
 * (keeping what was typed), and on success ends the login with the server's summary shown on the
 * login page (`session.logOut`): the server has already revoked every login's refresh token.
 */
export class SlotwiseConsoleCloseAccount extends LitElement {
  static override styles = [tokens, consoleStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;
  @state() private failure: SaveFailure | undefined;
  @state() private busy = false;
  @state() private summary = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  private async close(event: SubmitEvent) {
    event.preventDefault();
    const d = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.failure = undefined;
    try {
      const closed = await this.session!.client.me.account.close({ password: String(d.get('password')), confirm: String(d.get('confirm')) });
      this.summary = closedSummary(closed);
      this.dialog.close();
      await this.session!.logOut(this.summary);
    } catch (error) {
      this.failure = saveFailure(error);
      await this.updateComplete;
      focusFirstInvalid(this.dialog);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const handle = this.session?.profile?.handle;
    if (!handle) return nothing;
    const f = this.failure;
    return html`<section id="close-account" aria-labelledby="close-title"><h2 id="close-title">Close your account</h2>
      ${this.summary
        ? html`<p class="card" role="status">${this.summary}</p>`
        : html`<p class="hint">Cancels your future bookings with full refunds and takes your page down. It cannot be undone.</p>
          <div><button type="button" class="danger" @click=${() => this.dialog.showModal()}>Close your account…</button></div>`}
      <dialog aria-labelledby="close-dialog-title" aria-describedby="close-consequence">
        <h2 id="close-dialog-title">Close your account for good?</h2>
        <ul id="close-consequence">
          <li>Every future booking is cancelled with a full refund, and its customer gets an email saying so.</li>
          <li>Your page (${this.session!.apiBase}/${handle}) and your widget stop taking bookings; your services and packages are taken down.</li>
          <li>Your API keys, webhooks, calendar feed and every login end.</li>
          <li>Past bookings, payments and refunds are kept: they are the records the law requires.</li>
        </ul>
        <form novalidate @submit=${this.close}>
          ${f && Object.keys(f.fields).length === 0 ? html`<p class="error" role="alert" tabindex="-1">${f.message}</p>` : nothing}
          ${textField({ id: 'close-password', name: 'password', label: 'Your password', value: '', failure: f, type: 'password' })}
          ${textField({ id: 'close-confirm', name: 'confirm', label: `Type your handle, ${handle}, to confirm`, value: '', failure: f })}
          <div class="row">
            <button type="submit" class="danger" ?disabled=${this.busy}>Close my account</button>
            <button type="button" @click=${() => this.dialog.close()}>Keep my account</button>
          </div>
        </form>
      </dialog>
    </section>`;
  }
}

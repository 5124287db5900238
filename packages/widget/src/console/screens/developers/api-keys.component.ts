import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ApiKey } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { attempt } from '../../ui/attempt.js';
import { ConfirmController } from '../../ui/confirm-dialog.js';
import { describedBy, invalid, renderFieldError, renderFormError } from '../../ui/field-error.js';
import { focusFirstInvalid, formErrors, noErrors, type FormErrors } from '../../ui/form-errors.js';
import { screenStyles } from '../../ui/screen.styles.js';
import { formatInstantDate } from '../../../internal/format.js';
import { renderSecretOnce } from '../../ui/secret-once.js';

/**
 * @summary Secret API keys: create with a name (the key shown once, with Copy), rotate (a new key,
 * the old one dead at once) and revoke, each after saying so.
 */
export class SlotwiseConsoleApiKeys extends LitElement {
  static override styles = [tokens, screenStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() keys: ApiKey[] | undefined;
  @state() name = '';
  @state() errors: FormErrors = noErrors;
  @state() error = '';
  /** A create is on its way: the button waits. */
  @state() creating = false;
  /** The secret just made, shown until dismissed; never stored anywhere else. */
  @state() secret: { name: string; key: string } | undefined;
  readonly confirm = new ConfirmController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.keys = (await this.session!.client.me.apiKeys.list()).data;
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  async create(event: Event): Promise<void> {
    event.preventDefault();
    // A double click submits once: the second would find the field emptied and show an error under the new key.
    if (this.creating) return;
    this.creating = true;
    try {
      const created = await this.session!.client.me.apiKeys.create({ name: this.name });
      Object.assign(this, { secret: { name: created.name, key: created.key }, name: '', errors: noErrors });
      this.session?.announce(`Key “${created.name}” created.`);
      await this.load();
    } catch (error) {
      this.errors = formErrors(error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot);
    } finally {
      this.creating = false;
    }
  }

  async rotate(key: ApiKey): Promise<void> {
    const ok = await this.confirm.ask({ heading: `Rotate “${key.name}”?`, action: 'Rotate key', back: 'Keep the key',
      consequence: `A new key replaces it. The old key (${key.prefix}…) stops working at once: update every place that uses it.` });
    if (ok) await this.run(async () => {
      const created = await this.session!.client.me.apiKeys.rotate(key.id);
      this.secret = { name: created.name, key: created.key };
    }, `Key “${key.name}” rotated; the old one no longer works.`);
  }

  async revoke(key: ApiKey): Promise<void> {
    const ok = await this.confirm.ask({ heading: `Revoke “${key.name}”?`, action: 'Revoke key', back: 'Keep the key',
      consequence: `Everything using ${key.prefix}… stops working at once. This cannot be undone.` });
    if (ok) await this.run(() => this.session!.client.me.apiKeys.revoke(key.id), `Key “${key.name}” revoked.`);
  }

  /** One change, then the list as the server has it now. */
  private async run(action: () => Promise<unknown>, said: string): Promise<void> {
    this.error = await attempt(this.session, action, said);
    if (!this.error) await this.load();
  }

  override render() {
    if (!this.session) return nothing;
    const zone = this.session?.profile?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const date = (instant: string | null) => (instant ? formatInstantDate(instant, zone, undefined, { dateStyle: 'medium' }) : '—');
    return html`<section aria-labelledby="keys-heading">
      <h3 id="keys-heading">API keys</h3>
      <p class="note">Secret keys reach your whole account through the API: use them on servers only, never in a page.</p>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.secret ? renderSecretOnce(`Secret key “${this.secret.name}”`, this.secret.key, 'hashed', this.session, () => (this.secret = undefined)) : nothing}
      ${this.keys?.length ? html`<div class="table-wrap"><table class="keys">
        <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${this.keys.map((key) => html`<tr data-id=${key.id}>
          <th scope="row">${key.name}</th><td><code>${key.prefix}…</code></td><td>${date(key.createdAt)}</td><td>${date(key.lastUsedAt)}</td>
          <td class="actions">${key.revokedAt ? html`Revoked ${date(key.revokedAt)}` : html`
            <button type="button" aria-label="Rotate ${key.name}" @click=${() => this.rotate(key)}>Rotate…</button>
            <button type="button" aria-label="Revoke ${key.name}" @click=${() => this.revoke(key)}>Revoke…</button>`}</td>
        </tr>`)}</tbody>
      </table></div>` : html`<p>No keys yet.</p>`}
      <form novalidate @submit=${(e: Event) => this.create(e)}>
        ${renderFormError(this.errors)}
        <label for="key-name">Name of a new key (where it is used)</label>
        <input id="key-name" .value=${this.name} aria-invalid=${invalid(this.errors, 'name')} aria-describedby=${describedBy(this.errors, 'name')}
          @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
        ${renderFieldError(this.errors, 'name')}
        <div class="actions"><button type="submit" aria-disabled=${this.creating ? 'true' : 'false'}>Create key</button></div>
      </form>
      ${this.confirm.render()}
    </section>`;
  }
}

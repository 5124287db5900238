import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { ConfirmController } from '../../ui/confirm-dialog.js';
import { copyText } from '../../ui/copy-text.js';
import { errorId } from '../../ui/form-errors.js';
import { screenStyles } from '../../ui/screen.styles.js';
import { embedSnippet, snippetLanguages } from './snippet.js';

/**
 * @summary Where the widget may be embedded (`profile.allowedOrigins`: add and remove, validated by
 * the contract, the server's message beside the field) and the snippet to paste, with Copy.
 */
export class SlotwiseConsoleEmbed extends LitElement {
  static override styles = [tokens, screenStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() origin = '';
  @state() originError = '';
  @state() error = '';
  @state() lang = '';
  @state() timeZone = '';
  @state() accent = '';
  readonly confirm = new ConfirmController(this);

  get origins(): string[] {
    return this.session?.profile?.allowedOrigins ?? [];
  }

  /** Saves the whole list (the API replaces it) and shares the new profile. */
  private async saveOrigins(origins: string[]): Promise<boolean> {
    try {
      await this.session!.client.me.profile.update({ allowedOrigins: origins });
      await this.session!.refreshProfile();
      this.requestUpdate();
      return true;
    } catch (error) {
      const problem = describeError(error).problem;
      const field = problem?.errors?.find((e) => e.field.includes('allowedOrigins'));
      this.originError = field?.message ?? describeError(error).message;
      return false;
    }
  }

  async add(event: Event): Promise<void> {
    event.preventDefault();
    this.originError = '';
    const origin = this.origin.trim();
    if (await this.saveOrigins([...this.origins, origin])) {
      this.origin = '';
      this.session?.announce(`${origin} may now embed your booking widget.`);
    } else {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#origin')?.focus();
    }
  }

  async removeOrigin(origin: string): Promise<void> {
    const last = this.origins.length === 1;
    const ok = await this.confirm.ask({ heading: `Remove ${origin}?`, action: 'Remove origin', back: 'Keep it',
      consequence: last
        ? `With no origins left, any site may embed your widget (fine while developing).`
        : `Pages on ${origin} can no longer show your booking widget or book for you.` });
    if (ok && (await this.saveOrigins(this.origins.filter((o) => o !== origin)))) this.session?.announce(`${origin} removed.`);
  }

  override render() {
    const session = this.session;
    if (!session) return nothing;
    const snippet = embedSnippet({ apiBase: session.apiBase, handle: session.profile?.handle ?? '', lang: this.lang, timeZone: this.timeZone, accent: this.accent });
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return html`<section aria-labelledby="origins-heading">
        <h3 id="origins-heading">Sites that may embed your widget</h3>
        <p class="note">${this.origins.length ? 'Only these origins may show your widget and book for you.' : 'None listed: any site may embed it (fine while developing). List your site before going live.'}</p>
        <ul class="origins">${this.origins.map((origin) => html`<li><code>${origin}</code>
          <button type="button" aria-label="Remove ${origin}" @click=${() => this.removeOrigin(origin)}>Remove…</button></li>`)}</ul>
        <form novalidate @submit=${(e: Event) => this.add(e)}>
          <label for="origin">Add an origin, like https://coach.example</label>
          <input id="origin" inputmode="url" .value=${this.origin} aria-invalid=${this.originError ? 'true' : nothing}
            aria-describedby=${this.originError ? errorId('origin') : nothing} @input=${(e: Event) => (this.origin = (e.target as HTMLInputElement).value)} />
          ${this.originError ? html`<p class="field-error" id=${errorId('origin')}>${this.originError}</p>` : nothing}
          <div class="actions"><button type="submit">Add origin</button></div>
        </form>
      </section>
      <section aria-labelledby="snippet-heading">
        <h3 id="snippet-heading">Embed snippet</h3>
        <p class="note">The widget shows all your active services; to open on one, add <code>service="…"</code> with its id or its name as a slug (<code>service="intro-call"</code>) and, for a length, <code>duration="60"</code>. It follows the visitor’s light or dark mode.</p>
        <form @submit=${(e: Event) => e.preventDefault()}>
          <label>Language <select @change=${(e: Event) => (this.lang = (e.target as HTMLSelectElement).value)}>
            ${snippetLanguages.map(({ tag, label }) => html`<option value=${tag} ?selected=${tag === this.lang}>${label}</option>`)}</select></label>
          <label>Time zone shown <select @change=${(e: Event) => (this.timeZone = (e.target as HTMLSelectElement).value)}>
            <option value="">The visitor’s own</option>
            ${zones.map((zone) => html`<option value=${zone} ?selected=${zone === this.timeZone}>${zone}</option>`)}</select></label>
          <label>Accent colour <input type="color" .value=${this.accent || '#3451b2'} @input=${(e: Event) => (this.accent = (e.target as HTMLInputElement).value)} /></label>
        </form>
        <pre class="secret"><code class="snippet">${snippet}</code></pre>
        <button type="button" @click=${async () => session.announce((await copyText(snippet)) ? 'Snippet copied.' : 'The browser did not allow copying: select the text and copy it.')}>Copy snippet</button>
      </section>
      ${this.confirm.render()}`;
  }
}

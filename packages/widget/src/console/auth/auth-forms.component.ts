import type { AuthTokens } from '@slotwise/sdk/contract';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { tokens } from '../../styles/tokens.js';
import { describedBy, fieldError, focusFirstInvalid, invalid, saveFailure, type SaveFailure } from '../forms.js';
import { consoleStyles } from '../styles.js';
import type { TokenKeeper } from './token-keeper.js';
import { authStyles } from './auth-forms.styles.js';
import { carried } from './recovery-links.js';
import { CURRENCIES, detectedTimeZone, guessCurrency, timeZones } from './zones.js';

export type AuthMode = 'login' | 'signup';

/**
 * @summary Log in or sign up for the console; the shell shows it while nobody is logged in.
 * After a sign-up the console opens onboarding. Typed values stay on a failed attempt, the
 * server's field errors sit beside their fields and the first invalid field takes focus.
 */
export class SlotwiseConsoleAuth extends LitElement {
  static override styles = [tokens, consoleStyles, authStyles];

  @property({ attribute: false }) keeper!: TokenKeeper;
  @property() mode: AuthMode = 'login';
  /** Why the last login ended, when it ended on its own. */
  @property() notice = '';
  @state() private failure: SaveFailure | undefined;
  @state() private busy = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode')) this.failure = undefined;
  }

  override render() {
    const signup = this.mode === 'signup';
    return html`
      <main class="auth">
        <h1>${signup ? 'Create your Slotwise account' : 'Log in to Slotwise'}</h1>
        ${this.notice ? html`<p class="card" role="status">${this.notice}</p>` : nothing}
        <form novalidate @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.failure ? html`<p class="error" role="alert" tabindex="-1">${this.failure.message}</p>` : nothing}
          ${signup ? this.input('name', 'Your name', 'text', 'name') : nothing}
          ${signup ? this.input('handle', 'Handle (your page’s address)', 'text', 'off', 'Lowercase letters, digits and dashes.') : nothing}
          ${this.input('email', 'Email', 'email', 'email')}
          ${this.input('password', 'Password', 'password', signup ? 'new-password' : 'current-password', signup ? 'At least 10 characters.' : undefined)}
          ${signup ? this.signupChoices() : nothing}
          <button class="primary" type="submit" ?disabled=${this.busy}>${signup ? 'Create account' : 'Log in'}</button>
        </form>
        ${signup ? nothing : html`<p><a href="#/forgot" @click=${this.carryEmail}>Forgot your password?</a></p>`}
        <p>
          ${signup
            ? html`Have an account? <a href="#/login">Log in</a>`
            : html`New to Slotwise? <a href="#/signup">Create an account</a>`}
        </p>
      </main>
    `;
  }

  private input(name: string, label: string, type: string, autocomplete: string, hint?: string) {
    const id = `auth-${name}`;
    const hintId = hint ? `${id}-hint` : '';
    const described = [hintId, describedBy(id, this.failure, name)].filter(Boolean).join(' ') || undefined;
    return html`<label for=${id}>${label}
      ${hint ? html`<span class="hint" id=${hintId}>${hint}</span>` : nothing}
      <input id=${id} name=${name} type=${type} autocomplete=${autocomplete} required
        aria-invalid=${invalid(this.failure, name)} aria-describedby=${ifDefined(described)} />
      ${fieldError(id, this.failure, name)}</label>`;
  }

  private signupChoices() {
    const zone = detectedTimeZone();
    return html`
      <label for="auth-timeZone">Time zone <span class="hint">Detected from this device: ${zone}.</span>
        <select id="auth-timeZone" name="timeZone" aria-invalid=${invalid(this.failure, 'timeZone')} aria-describedby=${ifDefined(describedBy('auth-timeZone', this.failure, 'timeZone'))}>
          ${timeZones().map((name) => html`<option ?selected=${name === zone}>${name}</option>`)}
        </select>${fieldError('auth-timeZone', this.failure, 'timeZone')}</label>
      <label for="auth-currency">Currency of your prices
        <select id="auth-currency" name="currency" aria-invalid=${invalid(this.failure, 'currency')} aria-describedby=${ifDefined(describedBy('auth-currency', this.failure, 'currency'))}>
          ${CURRENCIES.map((code) => html`<option ?selected=${code === guessCurrency()}>${code}</option>`)}
        </select>${fieldError('auth-currency', this.failure, 'currency')}</label>
    `;
  }

  /** Hands the email typed here to the forgot-password page (`carried`). */
  private carryEmail() {
    carried.email = this.renderRoot.querySelector<HTMLInputElement>('#auth-email')?.value.trim() ?? '';
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.target as HTMLFormElement)) as Record<string, string>;
    this.busy = true;
    this.failure = undefined;
    try {
      const client = this.keeper.anonymous;
      let tokens: AuthTokens;
      if (this.mode === 'signup') {
        tokens = await client.auth.signup({ name: values.name!, handle: values.handle!, email: values.email!, password: values.password!, timeZone: values.timeZone!, currency: values.currency! });
        location.hash = '#/onboarding';
      } else {
        tokens = await client.auth.login({ email: values.email!, password: values.password! });
        if (/^#\/?(login|signup)?$/.test(location.hash)) location.hash = '#/home';
      }
      this.keeper.accept(tokens);
    } catch (error) {
      this.failure = saveFailure(error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot);
    } finally {
      this.busy = false;
    }
  }
}

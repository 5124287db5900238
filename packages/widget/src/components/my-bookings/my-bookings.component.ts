import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CustomerBookingEntry, CustomerBookings } from '@slotwise/sdk/contract';
import { bookingContext, type BookingContext } from '../../context.js';
import { emit, type ErrorDetail } from '../../events.js';
import { describeError } from '../../internal/errors.js';
import { tokens } from '../../styles/tokens.js';
import { renderList } from './my-bookings.template.js';
import { styles } from './my-bookings.styles.js';
import { sessionStore } from './session-store.js';
import { addEnglish } from '../../i18n/en.js';
import { myBookings } from '../../i18n/en/my-bookings.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(myBookings);

type Phase = 'ask' | 'sending' | 'sent' | 'opening' | 'list';

/**
 * @summary "My bookings" without an account: the visitor asks for a link by email
 * (`myBookings.requestLink`; the server answers alike whether or not the address has bookings),
 * follows it back to this page (`#slotwise-my=<token>`, read by `<slotwise-booking>`), and sees
 * their bookings with this specialist — times in the visitor's zone, status, what was paid and
 * refunded, calendar file, receipt, shared notes and recording — with a way into each booking's
 * manage view. The session token lives in sessionStorage for the tab (1 hour on the server).
 *
 * @event manage-booking - Internal, to `<slotwise-booking>`: `detail: { id, token }` to show.
 * @event close - Internal: back to the booking flow.
 *
 * @csspart my-bookings - The whole view. @csspart my-form - The email form. @csspart my-sent - What the server said.
 * @csspart my-booking - One booking: `my-status`, `my-paid`, `my-manage`, `my-calendar`, `my-receipt`,
 * `my-shared-notes`, `my-recording`. @csspart my-credits - Credits left. @csspart my-sign-out - Sign out.
 */
export class SlotwiseMyBookings extends LitElement {
  static override styles = [tokens, styles];

  /** A link token from the page's fragment, to exchange for a session once. */
  @property({ attribute: false }) linkToken?: string;

  @consume({ context: bookingContext, subscribe: true })
  @state()
  protected ctx?: BookingContext;

  @state() private phase: Phase = 'ask';
  @state() private message = '';
  @state() private error: ErrorDetail | undefined;
  /** The server's sentence about the typed address (a `400` naming `email`), shown under the field. */
  @state() private emailError = '';
  @state() private list: CustomerBookings | undefined;
  private session: string | undefined;
  private started = false;

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#my-title')?.focus(options);
  }

  private get api(): string {
    return this.ctx?.client.baseURL ?? '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const ctx = this.ctx;
    if (!ctx || (this.started && !changed.has('linkToken'))) return;
    this.started = true;
    if (this.linkToken) void this.exchange(this.linkToken);
    else if ((this.session = sessionStore.read(this.api, ctx.specialist))) void this.load();
  }

  override render() {
    const ctx = this.ctx;
    if (!ctx) return nothing;
    const m = ctx.messages;
    const busy = this.phase === 'sending' || this.phase === 'opening';
    return html`<section part="my-bookings" aria-labelledby="my-title" aria-busy=${busy ? 'true' : 'false'}>
      <h3 id="my-title" tabindex="-1">${m.myTitle}</h3>
      ${this.error ? html`<p role="alert" part="alert">${this.error.message}</p>` : nothing}
      ${this.phase === 'opening' ? html`<p role="status">${m.myOpening}</p>` : nothing}
      ${this.phase === 'list' && this.list
        ? html`${renderList({ list: this.list, m, api: this.api, timeZone: ctx.timeZone, locale: ctx.locale, manage: (e) => this.manage(e) })}
            <button type="button" part="my-sign-out" @click=${this.signOut}>${m.mySignOut}</button>`
        : this.phase === 'opening' ? nothing : this.renderAsk(ctx)}
      <button type="button" part="my-back" @click=${() => this.dispatchEvent(new CustomEvent('close'))}>${m.myBack}</button>
    </section>`;
  }

  private renderAsk(ctx: BookingContext) {
    const m = ctx.messages;
    return html`<form part="my-form" @submit=${this.send} novalidate>
        <p class="muted">${m.myIntro}</p>
        <label for="my-email">${m.myEmail}</label>
        <input id="my-email" type="email" name="email" autocomplete="email" required aria-invalid=${this.emailError ? 'true' : 'false'}
          aria-describedby=${this.emailError ? 'my-email-error' : nothing} @input=${() => (this.emailError = '')} />
        ${this.emailError ? html`<p id="my-email-error" part="field-error" class="error">${this.emailError}</p>` : nothing}
        <button type="submit" ?disabled=${this.phase === 'sending'}>${this.phase === 'sending' ? m.mySending : m.mySend}</button>
      </form>
      ${this.phase === 'sent' ? html`<p role="status" part="my-sent">${this.message}</p>` : nothing}`;
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const ctx = this.ctx!;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#my-email')!;
    this.phase = 'sending';
    this.error = undefined;
    this.emailError = '';
    try {
      const returnUrl = location.href.split('#')[0]!;
      const answer = await ctx.client.myBookings.requestLink(ctx.specialist, { email: input.value.trim(), ...(/^https?:/.test(returnUrl) ? { returnUrl } : {}) });
      this.message = answer.message;
      this.phase = 'sent';
    } catch (error) {
      // A refused address: the sentence itself under the field (not the API's `body.email: …`), the focus on the field.
      const field = describeError(error).problem?.errors?.find((e) => e.field === 'body.email');
      if (!field) return this.fail(error, 'ask');
      emit(this, 'slotwise:error', describeError(error));
      this.emailError = field.message;
      this.phase = 'ask';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#my-email')?.focus();
    }
  }

  private async exchange(token: string): Promise<void> {
    const ctx = this.ctx!;
    this.phase = 'opening';
    try {
      const session = await ctx.client.myBookings.openSession(ctx.specialist, { token });
      this.session = session.sessionToken;
      sessionStore.write(this.api, ctx.specialist, session.sessionToken);
      await this.load();
    } catch (error) {
      this.fail(error, 'ask', ctx.messages.myLinkFailed);
    }
  }

  private async load(): Promise<void> {
    const ctx = this.ctx!;
    this.phase = 'opening';
    try {
      this.list = await ctx.client.myBookings.list({ sessionToken: this.session! });
      this.phase = 'list';
      await this.updateComplete;
      this.focus();
    } catch (error) {
      sessionStore.clear(this.api, ctx.specialist);
      this.session = undefined;
      this.fail(error, 'ask', ctx.messages.myEnded);
    }
  }

  private async signOut(): Promise<void> {
    const ctx = this.ctx!;
    const token = this.session;
    this.session = undefined;
    this.list = undefined;
    sessionStore.clear(this.api, ctx.specialist);
    this.phase = 'ask';
    if (token) await ctx.client.myBookings.signOut({ sessionToken: token }).catch((error) => this.fail(error, 'ask'));
    await this.updateComplete;
    this.focus();
  }

  private manage({ booking, manageToken }: CustomerBookingEntry): void {
    if (manageToken) this.dispatchEvent(new CustomEvent('manage-booking', { detail: { id: booking.id, token: manageToken } }));
  }

  private async fail(error: unknown, phase: Phase, message?: string): Promise<void> {
    const detail = describeError(error);
    emit(this, 'slotwise:error', detail);
    this.error = message ? { ...detail, message } : detail;
    this.phase = phase;
    await this.updateComplete;
    this.focus();
  }
}

import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { OperatorSpecialist } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { ConfirmController } from '../../ui/confirm-dialog.js';
import { focusFirstInvalid, formErrors, noErrors, type FormErrors } from '../../ui/form-errors.js';
import { screenStyles } from '../../ui/screen.styles.js';
import { renderSpecialists, renderSuspendForm } from './specialists.template.js';

/**
 * @summary The platform's specialists with their status (searched on the server), suspend with
 * a reason the specialist reads (after a confirmation that says what it does) and reactivate; a
 * specialist's reviews, each hidden with a reason (`slotwise-console-operator-reviews`).
 */
export class SlotwiseConsoleSpecialists extends LitElement {
  static override styles = [tokens, screenStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() specialists: OperatorSpecialist[] | undefined;
  @state() hasMore = false;
  @state() q = '';
  @state() error = '';
  /** The specialist whose suspension is being written, and the reason so far. */
  @state() suspending: OperatorSpecialist | undefined;
  @state() reason = '';
  @state() errors: FormErrors = noErrors;
  /** The specialist whose reviews are shown below the list. */
  @state() reviewing: OperatorSpecialist | undefined;
  readonly confirm = new ConfirmController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(more = false): Promise<void> {
    const last = more ? this.specialists?.at(-1)?.id : undefined;
    try {
      const page = await this.session!.client.operator.specialists.list({ limit: 50, ...(this.q.trim() ? { q: this.q.trim() } : {}), ...(last ? { starting_after: last } : {}) });
      this.specialists = more ? [...(this.specialists ?? []), ...page.data] : page.data;
      this.hasMore = page.hasMore;
      this.error = '';
    } catch (error) {
      this.error = `We could not load the specialists. ${describeError(error).message}`;
    }
  }

  /** Shows `specialist`'s reviews below the list and moves focus to their heading. */
  showReviews(specialist: OperatorSpecialist): void {
    this.reviewing = specialist;
    void this.updateComplete.then(() => this.renderRoot.querySelector('slotwise-console-operator-reviews')?.updateComplete).then(() =>
      this.renderRoot.querySelector('slotwise-console-operator-reviews')?.shadowRoot?.querySelector<HTMLElement>('#operator-reviews-heading')?.focus(),
    );
  }

  startSuspend(specialist: OperatorSpecialist): void {
    Object.assign(this, { suspending: specialist, reason: '', errors: noErrors });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#suspend-reason')?.focus());
  }

  async suspend(event: Event): Promise<void> {
    event.preventDefault();
    const specialist = this.suspending;
    if (!specialist) return;
    const ok = await this.confirm.ask({ heading: `Suspend ${specialist.name}?`, action: 'Suspend', back: 'Don’t suspend',
      consequence: `${specialist.name}’s widget and page will say they are not taking bookings, and take none. Bookings already made stay, and so does their login. They are emailed your reason, and read it in their console.` });
    if (!ok) return;
    try {
      await this.session!.client.operator.specialists.suspend(specialist.id, { reason: this.reason });
      Object.assign(this, { suspending: undefined, errors: noErrors });
      this.session?.announce(`${specialist.name} is suspended.`);
      await this.load();
    } catch (error) {
      // The reason typed stays in its field.
      this.errors = formErrors(error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot.querySelector('form.suspend') ?? this.renderRoot);
    }
  }

  async reactivate(specialist: OperatorSpecialist): Promise<void> {
    try {
      await this.session!.client.operator.specialists.reactivate(specialist.id);
      this.session?.announce(`${specialist.name} is taking bookings again.`);
      await this.load();
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  override render() {
    if (!this.session) return nothing;
    return html`<section aria-labelledby="specialists-heading">
      <h3 id="specialists-heading">Specialists</h3>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <form role="search" @submit=${(e: Event) => (e.preventDefault(), void this.load())}>
        <label for="specialist-q">Search handle, name or email</label>
        <div class="actions"><input id="specialist-q" type="search" .value=${this.q} @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)} />
          <button type="submit">Search</button></div>
      </form>
      ${renderSpecialists(this)}
      ${this.suspending ? renderSuspendForm(this, this.suspending) : nothing}
      ${this.reviewing ? html`<slotwise-console-operator-reviews .specialist=${this.reviewing}></slotwise-console-operator-reviews>` : nothing}
      ${this.confirm.render()}
    </section>`;
  }
}

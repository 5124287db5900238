import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { MyPromoCode, MyService } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { attempt } from '../../ui/attempt.js';
import { ConfirmController } from '../../ui/confirm-dialog.js';
import { focusFirstInvalid, formErrors, noErrors, type FormErrors } from '../../ui/form-errors.js';
import { screenStyles } from '../../ui/screen.styles.js';
import { bodyOf, emptyDraft, limitsBodyOf, limitsOf, type LimitsDraft, type PromoDraft } from './promo-draft.js';
import { renderCodes, renderLimitsForm, renderNewCodeForm, stateOf } from './promo-codes.template.js';

/** What creating `code` did, as it stands now: usable now, from a later day, or not at all (its last day has passed). */
function createdSentence(code: MyPromoCode, timeZone: string): string {
  const state = stateOf(code, timeZone);
  if (state === 'Active') return `Promo code ${code.code} created: customers can use it now.`;
  if (state.startsWith('Starts ')) return `Promo code ${code.code} created: customers can use it from ${state.slice('Starts '.length)}.`;
  if (state === 'Ended') return `Promo code ${code.code} created, but its last day has passed: customers cannot use it. Change its end to let them.`;
  return `Promo code ${code.code} created: ${state.toLowerCase()}.`;
}

/**
 * @summary Promo codes: the list (stopped and ended ones too) with each code's discount, services,
 * window, limits and uses; a new code (percent or amount, services, dates in the specialist's
 * zone, limits, first booking only); a code's end and limits changed; a code stopped after a
 * confirmation and started again. Every sentence follows the server's answer.
 */
export class SlotwiseConsolePromoCodes extends LitElement {
  static override styles = [tokens, screenStyles];

  @property() route = '';

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() codes: MyPromoCode[] | undefined;
  @state() services: MyService[] = [];
  /** `new`, the id of a code whose limits are being changed, or nothing. */
  @state() editing: string | undefined;
  @state() draft: PromoDraft = emptyDraft();
  @state() limits: LimitsDraft = { validUntil: '', maxRedemptions: '', maxPerCustomer: '' };
  @state() errors: FormErrors = noErrors;
  @state() saving = false;
  @state() error = '';
  readonly confirm = new ConfirmController(this);

  get currency(): string {
    return this.session?.profile?.currency ?? 'EUR';
  }

  get timeZone(): string {
    return this.session?.profile?.timeZone ?? 'UTC';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const me = this.session?.client.me;
    if (!me) return;
    try {
      const [codes, services] = await Promise.all([me.promoCodes.list(), me.services.list()]);
      this.codes = codes.data;
      this.services = services.data;
    } catch (error) {
      this.error = `We could not load your promo codes. ${describeError(error).message}`;
    }
  }

  create(): void {
    this.editing = 'new';
    this.draft = emptyDraft();
    this.errors = noErrors;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#promo-code')?.focus());
  }

  editLimits(code: MyPromoCode): void {
    this.editing = code.id;
    this.limits = limitsOf(code, this.timeZone);
    this.errors = noErrors;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#limits-validUntil')?.focus());
  }

  cancelEdit(): void {
    const was = this.editing;
    this.editing = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(was === 'new' ? '#new-code' : `tr[data-id="${was}"] button`)?.focus());
  }

  async save(event: Event): Promise<void> {
    event.preventDefault();
    const me = this.session?.client.me;
    const editing = this.editing;
    if (!me || !editing || this.saving) return;
    const parsed = editing === 'new' ? bodyOf(this.draft, this.currency, this.timeZone) : limitsBodyOf(this.limits, this.timeZone);
    if ('fields' in parsed) return this.showErrors({ fields: parsed.fields, message: 'Please check the fields marked below.' });
    this.saving = true;
    try {
      const saved = editing === 'new' ? await me.promoCodes.create(parsed.body as Parameters<typeof me.promoCodes.create>[0]) : await me.promoCodes.update(editing, parsed.body);
      this.editing = undefined;
      this.errors = noErrors;
      this.session?.announce(editing === 'new' ? createdSentence(saved, this.timeZone) : `Promo code ${saved.code} saved.`);
      await this.load();
    } catch (error) {
      await this.showErrors(formErrors(error));
    } finally {
      this.saving = false;
    }
  }

  private async showErrors(errors: FormErrors): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    focusFirstInvalid(this.renderRoot.querySelector('form') ?? this.renderRoot);
  }

  async stop(code: MyPromoCode): Promise<void> {
    const ok = await this.confirm.ask({
      heading: `Stop promo code ${code.code}?`,
      consequence: 'Customers can no longer use it. Bookings already made with it keep their price. You can start it again later.',
      action: 'Stop code',
      back: 'Keep it',
    });
    if (!ok) return;
    await this.run(() => this.session!.client.me.promoCodes.deactivate(code.id), `Promo code ${code.code} stopped.`);
  }

  start(code: MyPromoCode): Promise<void> {
    return this.run(() => this.session!.client.me.promoCodes.update(code.id, { active: true }), `Promo code ${code.code} can be used again.`);
  }

  /** One change, then the list as the server has it now. */
  private async run(action: () => Promise<unknown>, said: string): Promise<void> {
    this.error = await attempt(this.session, action, said);
    if (!this.error) await this.load();
  }

  override render() {
    if (!this.session) return nothing;
    return html`<h2 class="visually-hidden">Promo codes</h2>
      <p class="note">A code lowers the price of a booking made with it: customers type it on the booking form, or follow a link with <code>?slotwise_code=YOURCODE</code> to the page with your widget.</p>
      ${this.error ? html`<p role="alert" id="promo-error" tabindex="-1">${this.error}</p>` : nothing}
      ${this.editing === 'new' ? renderNewCodeForm(this) : html`<button type="button" class="primary" id="new-code" @click=${() => this.create()}>New promo code</button>`}
      ${this.editing && this.editing !== 'new' ? renderLimitsForm(this) : nothing}
      ${renderCodes(this)}
      ${this.confirm.render()}`;
  }
}

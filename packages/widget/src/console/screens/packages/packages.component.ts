import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { MyPackage, MyService, SpecialistPackagePurchase } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { attempt } from '../../ui/attempt.js';
import { ConfirmController } from '../../ui/confirm-dialog.js';
import { focusFirstInvalid, formErrors, noErrors, type FormErrors } from '../../ui/form-errors.js';
import { screenStyles } from '../../ui/screen.styles.js';
import { bodyOf, draftOf, emptyDraft, type PackageDraft } from './package-draft.js';
import { renderPackageForm } from './package-form.template.js';
import { renderPackages, renderPurchases } from './packages.template.js';
import { refundPurchase } from './purchase-refund.js';

/**
 * @summary Packages of sessions: the list (archived ones too), create and edit (name, sessions,
 * the services a credit books, price, validity), archive after a confirmation, and purchases with
 * the customer, credits left and their expiry — a paid one refunded after a confirmation that says
 * how much goes back and how many unused credits are removed.
 */
export class SlotwiseConsolePackages extends LitElement {
  static override styles = [tokens, screenStyles];

  @property() route = '';

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() packages: MyPackage[] | undefined;
  @state() services: MyService[] = [];
  @state() purchases: SpecialistPackagePurchase[] = [];
  @state() morePurchases = false;
  @state() loadingMore = false;
  /** The purchase being refunded: its button is disabled until the server answered. */
  @state() refunding: string | undefined;
  /** What the last refund did, as the server answered it. */
  @state() notice = '';
  /** `new`, a package id being edited, or nothing. */
  @state() editing: string | undefined;
  @state() draft: PackageDraft = emptyDraft();
  @state() errors: FormErrors = noErrors;
  @state() saving = false;
  @state() error = '';
  readonly confirm = new ConfirmController(this);

  get currency(): string {
    return this.session?.profile?.currency ?? 'EUR';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const me = this.session?.client.me;
    if (!me) return;
    try {
      const [packages, services, purchases] = await Promise.all([me.packages.list(), me.services.list(), me.packagePurchases.list({ limit: 50 })]);
      Object.assign(this, { packages: packages.data, services: services.data, purchases: purchases.data, morePurchases: purchases.hasMore });
    } catch (error) {
      this.error = `We could not load your packages. ${describeError(error).message}`;
    }
  }

  /** The next page of purchases; a failure is said in the screen's alert and the button stays to try again. */
  async loadMorePurchases(): Promise<void> {
    const me = this.session?.client.me;
    const last = this.purchases.at(-1)?.id;
    if (!me || !last || this.loadingMore) return;
    this.loadingMore = true;
    this.error = '';
    try {
      const page = await me.packagePurchases.list({ limit: 50, starting_after: last });
      this.purchases = [...this.purchases, ...page.data];
      this.morePurchases = page.hasMore;
    } catch (error) {
      this.error = `We could not load more purchases. ${describeError(error).message}`;
    } finally {
      this.loadingMore = false;
    }
  }

  refund(purchase: SpecialistPackagePurchase): Promise<void> {
    return refundPurchase(this, purchase);
  }

  edit(pkg?: MyPackage): void {
    this.editing = pkg?.id ?? 'new';
    this.draft = pkg ? draftOf(pkg) : emptyDraft();
    this.errors = noErrors;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#package-name')?.focus());
  }

  async save(event: Event): Promise<void> {
    event.preventDefault();
    const me = this.session?.client.me;
    const editing = this.editing;
    if (!me || !editing || this.saving) return;
    const currency = editing === 'new' ? this.currency : (this.packages?.find((p) => p.id === editing)?.currency ?? this.currency);
    const parsed = bodyOf(this.draft, currency);
    if ('fields' in parsed) return this.showErrors({ fields: parsed.fields, message: 'Please check the fields marked below.' });
    this.saving = true;
    try {
      const saved = editing === 'new' ? await me.packages.create(parsed.body) : await me.packages.update(editing, parsed.body);
      this.editing = undefined;
      this.errors = noErrors;
      this.session?.announce(editing === 'new' ? `Package “${saved.name}” created.` : `Package “${saved.name}” saved.`);
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

  async archive(pkg: MyPackage): Promise<void> {
    const ok = await this.confirm.ask({
      heading: `Stop selling “${pkg.name}”?`,
      consequence: 'Nobody can buy it any more. Credits already bought stay valid until they expire. You can sell it again later.',
      action: 'Archive package',
      back: 'Keep selling it',
    });
    if (!ok) return;
    await this.run(() => this.session!.client.me.packages.archive(pkg.id), `Package “${pkg.name}” archived.`);
  }

  reactivate(pkg: MyPackage): Promise<void> {
    return this.run(() => this.session!.client.me.packages.update(pkg.id, { active: true }), `Package “${pkg.name}” is on sale again.`);
  }

  /** One change, then the list as the server has it now. */
  private async run(action: () => Promise<unknown>, said: string): Promise<void> {
    this.error = await attempt(this.session, action, said);
    if (!this.error) await this.load();
  }

  override render() {
    if (!this.session) return nothing;
    return html`<h2 class="visually-hidden">Packages</h2>
      ${this.error ? html`<p role="alert" id="packages-error" tabindex="-1">${this.error}</p>` : nothing}
      ${this.editing ? renderPackageForm(this) : html`<button type="button" class="primary" @click=${() => this.edit()}>New package</button>`}
      ${renderPackages(this)}
      ${renderPurchases(this)}
      ${this.confirm.render()}`;
  }
}

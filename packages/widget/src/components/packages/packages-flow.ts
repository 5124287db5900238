import type { ReactiveControllerHost } from 'lit';
import type { VisitorClient } from '@slotwise/sdk';
import type { Package, PackagePurchaseCreated, PackagePurchaseState, PurchasePaymentSession, Specialist } from '@slotwise/sdk/contract';
import { emit } from '../../events.js';
import { CreditsController } from './credits-controller.js';

/** A purchase waiting for its payment. */
export type PendingPurchase = PackagePurchaseCreated & { paymentSession: PurchasePaymentSession };

/**
 * Packages and credits inside `<slotwise-booking>`: buying a package (name and email → the same
 * payment step as a booking → what was bought) and the credits the visitor holds. Each step
 * replaces the one before; the credits outlive them, for booking with a credit right away.
 */
export class PackagesFlow {
  readonly credits: CreditsController;
  /** The package whose name-and-email form is shown. */
  buying: Package | undefined;
  /** A purchase waiting for its payment. */
  paying: PendingPurchase | undefined;
  /** The purchase the server says is paid, for its confirmation. */
  bought: PackagePurchaseState | undefined;
  /** Credits left after the last booking paid with one, as the server counted them. */
  creditsLeft: number | undefined;
  /** Why the last credits code typed in was refused. */
  codeError = '';
  /**
   * The packages' templates (offers, credits bar, purchase step), loaded with their elements by
   * `define`: until then, and on a page without packages or credits, the booking renders none.
   */
  view: typeof import('./packages.template.js') | undefined;
  private client: VisitorClient | undefined;
  private defining: Promise<void> | undefined;
  private specialist = '';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    this.credits = new CreditsController(host);
  }

  /**
   * Loads the packages' elements and templates (`import()`: a lazy chunk of the script-tag build) once a profile
   * sells packages or the visitor holds credits; a page without either never downloads them.
   */
  define(profile: Specialist | undefined): void {
    if (this.defining || !profile || (profile.packages.length === 0 && !this.credits.token)) return;
    this.defining = Promise.all([import('./packages.js'), import('./packages.template.js')]).then(([, view]) => {
      this.view = view;
      this.host.requestUpdate();
    });
  }

  /** Whether a purchase step replaces the sessions. */
  get active(): boolean {
    return Boolean(this.buying || this.paying || this.bought);
  }

  /** A new specialist or API starts over and picks up a credits code from the URL or this visit. */
  configure(client: VisitorClient, specialist: string): void {
    if (this.client === client && this.specialist === specialist) return;
    this.client = client;
    this.specialist = specialist;
    this.buying = this.paying = this.bought = undefined;
    this.creditsLeft = this.buyerName = undefined;
    this.credits.clear();
    this.credits.token = undefined;
    if (specialist) this.credits.connect(client, specialist);
  }

  choose(pkg: Package): void {
    this.buying = pkg;
    this.host.requestUpdate();
  }

  cancel(): void {
    this.buying = this.paying = this.bought = undefined;
    this.host.requestUpdate();
  }

  /** The name the visitor bought under in this visit: booking with the credits prefills it. */
  buyerName: string | undefined;

  /** The purchase exists: pay for it, or (a free package) ask the server for its credits now. */
  async created(created: PackagePurchaseCreated & { customerName?: string }): Promise<void> {
    this.buying = undefined;
    this.buyerName = created.customerName || undefined;
    if (created.paymentSession) {
      this.paying = { ...created, paymentSession: created.paymentSession };
      this.host.requestUpdate();
      return;
    }
    const state = await this.client!.packages.syncPayment(created.purchase.id, { creditsToken: created.creditsToken });
    await this.paid(state, created.creditsToken);
  }

  /** The server says the purchase is paid: its credits become the visitor's for this visit. */
  async paid(state: PackagePurchaseState, token = this.paying?.creditsToken): Promise<void> {
    this.paying = undefined;
    this.bought = state;
    this.host.requestUpdate();
    if (!token) return;
    emit(this.host, 'slotwise:package-purchased', { ...state, creditsToken: token });
    await this.credits.use(this.client!, token);
  }

  /** "Book a session with a credit": back to the sessions, the credits at the top. */
  bookWithCredit(): void {
    this.bought = undefined;
    this.host.requestUpdate();
  }

  /** A credits code typed in: its balance, or why it was refused. */
  async useCode(token: string): Promise<boolean> {
    this.codeError = '';
    const balance = await this.credits.use(this.client!, token);
    if (!balance) this.codeError = this.credits.error?.message ?? '';
    this.host.requestUpdate();
    return Boolean(balance);
  }

  /** A booking was paid with a credit: reads how many are left from the server. */
  async creditSpent(): Promise<void> {
    const balance = await this.credits.reload();
    this.creditsLeft = balance?.total;
    this.host.requestUpdate();
  }

  /** A new booking starts: the note about the spent credit goes. */
  clearSpent(): void {
    this.creditsLeft = undefined;
  }
}

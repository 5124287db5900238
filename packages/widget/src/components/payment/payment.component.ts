import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Booking, PackagePurchase, PaymentSession, PurchasePaymentSession } from '@slotwise/sdk/contract';
import { bookingContext, type BookingContext } from '../../context.js';
import { catalogLanguage, en } from '../../i18n/index.js';
import { CountdownController } from '../../countdown-controller.js';
import { emit } from '../../events.js';
import { describeError, errorText } from '../../internal/errors.js';
import { FocusController } from '../../internal/focus.js';
import { DEFAULT_STRIPE_JS, type StripeError } from '../../internal/stripe-js.js';
import { tokens } from '../../styles/tokens.js';
import { awaitConfirmation, paymentIntentId, StripeCheckout } from './payment-steps.js';
import { payPurchaseInTestMode, settlePurchase } from './payment-purchase.js';
import { renderPayment } from './payment.template.js';
import { styles } from './payment.styles.js';
import { addEnglish } from '../../i18n/en.js';
import { payment } from '../../i18n/en/payment.js';
import { holds } from '../../i18n/en/holds.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(payment, holds);

/** `ready`: waiting for the visitor; `paying`: the provider is taking the payment; `confirming`: asking the server. */
export type PaymentPhase = 'ready' | 'paying' | 'confirming' | 'unconfirmed' | 'released';

/**
 * @summary Pays for a held booking before its hold lapses — or for a package purchase (`purchase`
 * and `creditsToken` instead of `booking`; no hold) — with Stripe's Payment Element, or the
 * offline test-payments panel. Shows it as paid only when the server says so.
 *
 * @slot payment - Receives the light-DOM element Stripe's Payment Element is mounted in. Without
 * `container`, the element creates it as its own child.
 *
 * @event slotwise:paid - The server confirmed the booking from its payment. `detail: { booking }`.
 * @event slotwise:booked - Fired with `slotwise:paid`. `detail: { booking, manageToken }`.
 * @event slotwise:error - A request failed, or the card was declined (`code` from Stripe, e.g. `card_declined`).
 * @event choose-again - Internal, to `<slotwise-booking>`: the hold lapsed and the visitor wants another time.
 * @event purchase-paid - Internal, to `<slotwise-booking>`: the server says the package purchase is paid.
 *   `detail`: its `PackagePurchaseState` (the purchase, the credits, whether the email was queued).
 *
 * @csspart payment - The whole step. @csspart amount - The amount to pay.
 * @csspart countdown - "Complete payment within 14:32". @csspart payment-element - Around Stripe's form.
 * @csspart pay - Stripe mode's pay button. @csspart test-panel - The test-mode panel.
 * @csspart pay-test - "Pay (test)". @csspart decline-test - "Decline (test)".
 * @csspart payment-error - A declined payment or failed request. @csspart payment-pending - Payment not confirmed yet.
 * @csspart released - The hold lapsed. @csspart choose-again - Its button to pick another time.
 * @csspart back - "Choose another time" while the hold is live (with `back`): releases the hold at once.
 */
export class SlotwisePayment extends LitElement {
  static override styles = [tokens, styles];

  @property({ attribute: false }) session?: PaymentSession | PurchasePaymentSession;
  @property({ attribute: false }) booking?: Booking;
  @property({ attribute: false }) manageToken = '';
  /** A package purchase to pay for, instead of a booking. */
  @property({ attribute: false }) purchase?: PackagePurchase;
  /** The purchase's credits token: it proves the visitor is its customer. */
  @property({ attribute: false }) creditsToken = '';
  /** Where Stripe.js is loaded from. */
  @property({ attribute: 'stripe-js' }) stripeJs = DEFAULT_STRIPE_JS;
  /** A light-DOM element projected into the `payment` slot, for Stripe's form. */
  @property({ attribute: false }) container?: HTMLElement;
  @property({ attribute: false }) now: () => Date = () => new Date();
  /** Waits between asking the server whether the payment arrived; about 10 s in all. */
  @property({ attribute: false }) pollDelays: readonly number[] = [500, 1000, 1500, 2000, 2500, 2500];
  /**
   * The way back while the hold is live ("Choose another time", part `back`): the booking element
   * passes what releases the hold and shows the times again. Without it, no such button.
   */
  @property({ attribute: false }) back?: () => Promise<void>;

  @consume({ context: bookingContext, subscribe: true })
  @state()
  protected ctx?: BookingContext;

  @state() phase: PaymentPhase = 'ready';
  @state() message = '';
  @state() stripeStatus: 'idle' | 'loading' | 'mounted' | 'failed' = 'idle';
  /** Going back: the hold is being released. */
  @state() leaving = false;

  protected readonly countdown = new CountdownController(this, {
    until: () => (this.session && 'holdExpiresAt' in this.session ? this.session.holdExpiresAt : undefined),
    now: () => this.now(),
  });
  private readonly checkout = new StripeCheckout();
  private readonly focusing = new FocusController(this);

  /** The hold lapsed before the visitor paid: nothing can be paid any more. */
  get released(): boolean {
    return this.phase === 'released' || (this.phase === 'ready' && this.countdown.ended);
  }

  /** The text, in the visitor's language. */
  get t() {
    return this.ctx?.messages ?? en;
  }

  /** Milliseconds left on the hold, for the countdown. */
  get countdownRemaining(): number {
    return this.countdown.remaining ?? 0;
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#pay-heading')?.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unmount();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') || changed.has('stripeJs') || changed.has('container') || this.released) this.unmount();
    // Not while detached: the form comes back when the element does.
    const wanted = this.isConnected && this.session?.mode === 'stripe' && this.phase === 'ready' && !this.released;
    if (wanted && this.stripeStatus === 'idle') void this.mountStripe();
  }

  override render() {
    return renderPayment(this, this.ctx, {
      payTest: () => void this.payTest('succeed'),
      declineTest: () => void this.payTest('decline'),
      payStripe: () => void this.payStripe(),
      retryStripe: () => void this.mountStripe(),
      checkAgain: () => void this.settle(undefined),
      chooseAgain: () => this.dispatchEvent(new CustomEvent('choose-again')),
      back: () => void this.goBack(),
    });
  }

  private async goBack(): Promise<void> {
    if (!this.back || this.leaving || this.phase !== 'ready') return;
    this.leaving = true;
    try {
      await this.back();
    } finally {
      this.leaving = false;
    }
  }

  private async mountStripe(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.stripeStatus = 'loading';
    this.message = '';
    try {
      const locale = catalogLanguage(this.ctx?.locale);
      if (await this.checkout.mount(this.stripeJs, session, this, this.container, locale)) this.stripeStatus = 'mounted';
    } catch (error) {
      this.stripeStatus = 'failed';
      emit(this, 'slotwise:error', { code: 'stripe_js_unavailable', status: 0, message: describeError(error).message });
    }
  }

  private unmount(): void {
    this.checkout.destroy();
    this.stripeStatus = 'idle';
  }

  private async payStripe(): Promise<void> {
    if (this.phase !== 'ready' || this.released) return;
    this.phase = 'paying';
    this.message = '';
    const result = await this.checkout.confirm().catch((error: unknown) => ({ error: { type: 'api_error', message: describeError(error).message } }));
    if (result.error) return this.declined(result.error);
    await this.settle(undefined);
  }

  private async payTest(outcome: 'succeed' | 'decline'): Promise<void> {
    const { session, ctx } = this;
    if (!session || !ctx || this.phase !== 'ready' || this.released) return;
    this.phase = 'paying';
    this.message = '';
    if (this.purchase) return payPurchaseInTestMode(this, ctx, outcome);
    try {
      const booking = await ctx.client.payments.confirmTest(paymentIntentId(session.clientSecret), { outcome }, { manageToken: this.manageToken });
      if (booking.status === 'held' && booking.payment?.status === 'failed') {
        return this.declined({ type: 'card_error', code: 'card_declined', message: this.t.cardDeclinedTest });
      }
      await this.settle(booking);
    } catch (error) {
      this.failed(error, 'ready');
    }
  }

  /** A refused card: say why next to the form and let the visitor try again while the hold lasts. */
  declined(error: StripeError): void {
    const known = error.type === 'card_error' || error.type === 'validation_error';
    this.message = known && error.message ? error.message : this.t.paymentFailed;
    this.phase = 'ready';
    // The pay buttons were disabled while paying: the reason is where the visitor continues from.
    void this.focusing.moveTo('[part="payment-error"]', '#pay-heading');
    // An incomplete form is Stripe's to explain inside its own fields, not an event for the page.
    if (error.type !== 'validation_error') {
      emit(this, 'slotwise:error', { code: error.code ?? error.type, status: 402, message: this.message });
    }
  }

  async settle(first: Booking | undefined): Promise<void> {
    if (this.purchase && this.ctx) return settlePurchase(this, this.ctx);
    const { booking, ctx, manageToken } = this;
    if (!booking || !ctx) return;
    this.phase = 'confirming';
    this.message = '';
    try {
      const sync = () => ctx.client.payments.sync(booking.id, { manageToken });
      const settled = await awaitConfirmation(sync, first, this.pollDelays, () => !this.isConnected);
      this.booking = settled;
      if (settled.status === 'confirmed') {
        emit(this, 'slotwise:paid', { booking: settled });
        emit(this, 'slotwise:booked', { booking: settled, manageToken, ...(ctx.utm ? { utm: ctx.utm } : {}) });
      } else {
        this.phase = settled.status === 'held' ? 'unconfirmed' : 'released';
        void this.focusing.moveTo(this.phase === 'released' ? '[part="released"]' : '[part="payment-pending"]');
      }
    } catch (error) {
      this.failed(error, 'unconfirmed');
    }
  }

  failed(error: unknown, phase: PaymentPhase): void {
    const detail = describeError(error);
    this.message = errorText(detail, this.t);
    this.phase = phase;
    emit(this, 'slotwise:error', detail);
    void this.focusing.moveTo('[part="payment-error"]', '[part="payment-pending"]', '#pay-heading');
  }
}

import type { Booking, PaymentSession } from '@slotwise/sdk/contract';
import {
  appearanceOf,
  loadStripe,
  type StripeConfirmResult,
  type StripeElements,
  type StripeInstance,
  type StripePaymentElement,
} from '../../internal/stripe-js.js';

/** Stripe's PaymentIntent id is the client secret's prefix: `pi_123_secret_456` → `pi_123`. */
export function paymentIntentId(clientSecret: string): string {
  return clientSecret.split('_secret_')[0]!;
}

/**
 * Asks the server to read the payment (`sync`) until what is paid for stops `waiting` (a booking
 * leaves `held`; a package purchase leaves `pending`) or `delays` run out, waiting each delay
 * before the next ask; answers the last state seen. Stripe's webhook may reach the server a
 * moment after the browser learns the payment went through.
 */
export async function awaitConfirmation<T = Booking>(
  sync: () => Promise<T>,
  first: T | undefined,
  delays: readonly number[],
  stopped: () => boolean,
  waiting: (state: T) => boolean = (state) => (state as Booking).status === 'held',
): Promise<T> {
  let state = first ?? (await sync());
  for (const delay of delays) {
    if (!waiting(state) || stopped()) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
    state = await sync();
  }
  return state;
}

/**
 * Stripe's Payment Element for one payment session: loaded from Stripe, mounted into a
 * light-DOM element (Stripe's iframes do not work reliably inside a shadow root), confirmed,
 * destroyed. A `destroy` during the load wins: the late load mounts nothing.
 */
export class StripeCheckout {
  private stripe: StripeInstance | undefined;
  private elements: StripeElements | undefined;
  private element: StripePaymentElement | undefined;
  private generation = 0;
  /** Created as a `slot="payment"` child of the host when no container was given. */
  private own: HTMLElement | undefined;

  get mounted(): boolean {
    return this.element !== undefined;
  }

  /**
   * Mounts into `container`, else into a new `slot="payment"` child of `host`. Answers false when
   * `destroy` came first; throws when Stripe.js cannot be loaded.
   */
  async mount(url: string, session: Pick<PaymentSession, 'publishableKey' | 'clientSecret'>, host: HTMLElement, container?: HTMLElement, locale = 'auto'): Promise<boolean> {
    this.destroy();
    const generation = this.generation;
    const Stripe = await loadStripe(url);
    if (generation !== this.generation) return false;
    const stripe = Stripe(session.publishableKey);
    // Stripe's own labels and card errors in the widget's language, not the browser's.
    const elements = stripe.elements({ clientSecret: session.clientSecret, appearance: appearanceOf(host), locale });
    const element = elements.create('payment');
    if (!container) {
      container = this.own = document.createElement('div');
      container.slot = 'payment';
      host.append(container);
    }
    element.mount(container);
    Object.assign(this, { stripe, elements, element });
    return true;
  }

  /** Confirms in place (`redirect: 'if_required'`): only methods that must leave the page do. */
  confirm(): Promise<StripeConfirmResult> {
    if (!this.stripe || !this.elements) return Promise.reject(new Error('The payment form is not ready.'));
    return this.stripe.confirmPayment({ elements: this.elements, redirect: 'if_required', confirmParams: { return_url: location.href } });
  }

  destroy(): void {
    this.generation += 1;
    this.element?.destroy();
    this.own?.remove();
    this.stripe = this.elements = this.element = this.own = undefined;
  }
}

/**
 * A package purchase's side of `<slotwise-payment>`: the same panel and Stripe form as a booking's,
 * proved by the purchase's credits token instead of a manage token, settled by the purchase's
 * own server-side sync. Nothing here says "paid" before the server does.
 */
import type { PackagePurchaseState } from '@slotwise/sdk/contract';
import type { BookingContext } from '../../context.js';
import { awaitConfirmation, paymentIntentId } from './payment-steps.js';
import type { SlotwisePayment } from './payment.component.js';

/** Pays (or declines) in the offline test mode; a decline grants no credits, which is how it shows. */
export async function payPurchaseInTestMode(el: SlotwisePayment, ctx: BookingContext, outcome: 'succeed' | 'decline'): Promise<void> {
  const { session, creditsToken } = el;
  if (!session) return;
  try {
    const balance = await ctx.client.payments.confirmTestPurchase(paymentIntentId(session.clientSecret), { outcome }, { creditsToken });
    if (balance.lots.length === 0) {
      return el.declined({ type: 'card_error', code: 'card_declined', message: 'Your card was declined (test). No money moved.' });
    }
    await el.settle(undefined);
  } catch (error) {
    el.failed(error, 'ready');
  }
}

/**
 * Asks the server to read the payment until the purchase is no longer pending, then tells
 * `<slotwise-booking>` (`purchase-paid`) — or shows that the confirmation has not arrived yet.
 */
export async function settlePurchase(el: SlotwisePayment, ctx: BookingContext): Promise<void> {
  const { purchase, creditsToken } = el;
  if (!purchase) return;
  el.phase = 'confirming';
  el.message = '';
  try {
    const sync = () => ctx.client.packages.syncPayment(purchase.id, { creditsToken });
    const state = await awaitConfirmation<PackagePurchaseState>(sync, undefined, el.pollDelays, () => !el.isConnected, (s) => s.purchase.status === 'pending');
    if (state.purchase.status === 'paid') el.dispatchEvent(new CustomEvent<PackagePurchaseState>('purchase-paid', { detail: state }));
    else el.phase = 'unconfirmed';
  } catch (error) {
    el.failed(error, 'unconfirmed');
  }
}

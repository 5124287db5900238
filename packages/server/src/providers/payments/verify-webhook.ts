import { PaymentsError } from '../../services/payments/payments-error.js';
import type { ProviderEvent } from '../../services/payments/port.js';
import { toProviderEvent } from './stripe-objects.js';
import { loadStripe } from './stripe-sdk.js';

/** Stripe's default: a signature older than five minutes is refused, against replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const timestampOf = (header: string): number | undefined => {
  const t = /(?:^|,)\s*t=(\d+)/.exec(header)?.[1];
  return t === undefined ? undefined : Number(t);
};

/**
 * Verifies a Stripe webhook with Stripe's own `constructEventAsync` and a SubtleCrypto provider,
 * so the same code runs on Node and on the edge. Any of `secrets` may have signed it (two while
 * a secret is rolled; Stripe then also sends one `v1` per secret).
 *
 * - no header, a garbled one, or no matching signature → `invalid_signature`;
 * - a matching signature more than `tolerance` seconds old → `stale_signature` (Stripe's rule);
 *   also one dated more than `tolerance` seconds ahead, which Stripe's check lets through but a
 *   replay-proof endpoint should not;
 * - a valid signature over a body that is not an event → `invalid_payload`.
 */
export async function verifyStripeWebhook(
  rawBody: string,
  header: string | undefined,
  secrets: readonly string[],
  nowMs: number,
  tolerance = WEBHOOK_TOLERANCE_SECONDS,
): Promise<ProviderEvent> {
  if (!header) throw new PaymentsError('invalid_signature', 'No Stripe-Signature header.', { status: 400 });
  if (secrets.length === 0) throw new PaymentsError('invalid_signature', 'No webhook secret is configured.', { status: 400 });
  const Stripe = await loadStripe();
  const cryptoProvider = Stripe.createSubtleCryptoProvider();
  let stale = false;
  for (const secret of secrets) {
    let event: unknown;
    try {
      event = await Stripe.webhooks.constructEventAsync(rawBody, header, secret, tolerance, cryptoProvider, nowMs);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        // Told apart by checking the signature alone (tolerance 0): it matched, so only the time failed.
        stale ||= await Stripe.webhooks.signature!.verifyHeaderAsync(rawBody, header, secret, 0, cryptoProvider).then(() => true, () => false);
        continue;
      }
      throw new PaymentsError('invalid_payload', 'The webhook body is signed but is not JSON.', { status: 400, cause: error });
    }
    const t = timestampOf(header);
    if (t !== undefined && t - Math.floor(nowMs / 1000) > tolerance) {
      throw new PaymentsError('stale_signature', 'The webhook signature is dated in the future, beyond the tolerance.', { status: 400 });
    }
    const providerEvent = toProviderEvent(event);
    if (!providerEvent) throw new PaymentsError('invalid_payload', 'The webhook body is signed but is not a Stripe event.', { status: 400 });
    return providerEvent;
  }
  if (stale) throw new PaymentsError('stale_signature', `The webhook signature is older than ${tolerance} s.`, { status: 400 });
  throw new PaymentsError('invalid_signature', 'No valid Stripe signature for this body.', { status: 400 });
}

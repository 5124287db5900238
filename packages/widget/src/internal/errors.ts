import { isSlotwiseError } from '@slotwise/sdk';
import type { ErrorDetail } from '../events.js';

/** Reduces anything thrown by the client to what the UI and `slotwise:error` need. */
export function describeError(error: unknown): ErrorDetail {
  if (isSlotwiseError(error)) {
    return { code: error.code, status: error.status, message: error.problem.detail || error.message, problem: error.problem };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected_error', status: 0, message };
}

/** A random `Idempotency-Key`. `crypto.randomUUID` needs a secure context; this does not. */
export function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `wdg_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Problems only the site's owner can fix go to the browser console too, where they look first:
 * today an embed on a site the specialist did not register (`origin_not_allowed`), whose `detail`
 * names the site and where to register it.
 */
export function reportToOwner(detail: Pick<ErrorDetail, 'code' | 'message'>): void {
  if (detail.code === 'origin_not_allowed') console.error(`Slotwise: ${detail.message}`);
}

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

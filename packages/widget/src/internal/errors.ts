import { isSlotwiseError } from '@slotwise/sdk';
import type { ErrorDetail } from '../events.js';
import type { Messages } from '../i18n/index.js';

/** Reduces anything thrown by the client to what the UI and `slotwise:error` need. */
export function describeError(error: unknown): ErrorDetail {
  if (isSlotwiseError(error)) {
    return { code: error.code, status: error.status, message: forPeople(error.problem.detail || error.message), problem: error.problem };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected_error', status: 0, message };
}

/**
 * A problem's sentence without the field path it starts with for integrators (`body.text: Use at
 * most 2000 characters.` reads "Use at most 2000 characters."): a person sees the field it is about.
 */
function forPeople(detail: string): string {
  return detail.replace(/^(?:body|query|params|path)(?:\.[\w-]+)+: /, '');
}

/** A random `Idempotency-Key`. `crypto.randomUUID` needs a secure context; this does not. */
export function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `wdg_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * What to show the visitor for a failure, in their language: the server's own sentence (its
 * problem `detail`, which follows `Accept-Language`) when it answered, else the catalog's words
 * for what the client made up — no answer, no answer in time, an answer that made no sense.
 */
export function errorText(error: ErrorDetail, t: Pick<Messages, 'networkError' | 'timeoutError' | 'unexpectedError'>): string {
  if (error.code === 'network_error') return t.networkError;
  if (error.code === 'timeout') return t.timeoutError;
  if (error.code === 'unexpected_response' || error.code === 'unexpected_error') return t.unexpectedError;
  return error.message;
}

/**
 * Problems only the site's owner can fix go to the browser console too, where they look first:
 * today an embed on a site the specialist did not register (`origin_not_allowed`), whose `detail`
 * names the site and where to register it.
 */
export function reportToOwner(detail: Pick<ErrorDetail, 'code' | 'message'>): void {
  if (detail.code === 'origin_not_allowed') console.error(`Slotwise: ${detail.message}`);
}

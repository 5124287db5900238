import type { Problem } from './contract/common.js';

/**
 * An error answered by the Slotwise API, carrying its RFC 9457 problem document. `code` is
 * stable: branch on it (`slot_unavailable`, `booking_not_found`, …), not on `message`.
 */
export class SlotwiseError extends Error {
  override readonly name = 'SlotwiseError';
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;
  /**
   * Seconds the API asked to wait before trying again (its `Retry-After`: on `429 rate_limited`,
   * `409 idempotency_key_in_use`, …), when it sent one.
   */
  readonly retryAfter?: number;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail || problem.title);
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
    if (retryAfter !== undefined) this.retryAfter = retryAfter;
  }
}

/** `Retry-After` in seconds: its delay-seconds form, or an HTTP date from `now`; undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Codes the client makes up when no problem document came back: `network_error` (no answer),
 * `timeout` (no answer in time), `unexpected_response` (an answer that is not a problem document,
 * e.g. from a proxy). Every other code comes from the API (`problemCodes` in the contract).
 */
export type ClientErrorCode = 'network_error' | 'timeout' | 'unexpected_response';

/**
 * True for a `SlotwiseError`, optionally with the given `code`. Checks the shape, not
 * `instanceof`, so an error from another copy of the SDK on the page (script tag + bundle) counts.
 */
export function isSlotwiseError(error: unknown, code?: string): error is SlotwiseError {
  if (!(error instanceof Error) || error.name !== 'SlotwiseError') return false;
  const candidate = error as Partial<SlotwiseError>;
  return typeof candidate.code === 'string' && typeof candidate.problem === 'object' && (code === undefined || candidate.code === code);
}

/** Turns whatever came back into a problem document, even when the server (or a proxy) sent none. */
export function toProblem(status: number, body: unknown, fallback: string, timedOut = false): Problem {
  if (body && typeof body === 'object' && 'code' in body && 'status' in body) {
    const candidate = body as Partial<Problem>;
    if (typeof candidate.code === 'string' && typeof candidate.status === 'number') {
      return {
        type: candidate.type ?? 'about:blank',
        title: candidate.title ?? candidate.code,
        status: candidate.status,
        code: candidate.code,
        detail: candidate.detail ?? candidate.title ?? fallback,
        ...(typeof candidate.instance === 'string' ? { instance: candidate.instance } : {}),
        ...(candidate.errors ? { errors: candidate.errors } : {}),
      };
    }
  }
  const code: ClientErrorCode = status !== 0 ? 'unexpected_response' : timedOut ? 'timeout' : 'network_error';
  const titles: Record<ClientErrorCode, string> = {
    network_error: 'Network error',
    timeout: 'The API did not answer in time',
    unexpected_response: 'Unexpected response',
  };
  return { type: 'about:blank', title: titles[code], status, code, detail: fallback };
}

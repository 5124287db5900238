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

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }
}

/** True for a `SlotwiseError`, optionally with the given `code`. */
export function isSlotwiseError(error: unknown, code?: string): error is SlotwiseError {
  return error instanceof SlotwiseError && (code === undefined || error.code === code);
}

/** Turns whatever came back into a problem document, even when the server (or a proxy) sent none. */
export function toProblem(status: number, body: unknown, fallback: string): Problem {
  if (body && typeof body === 'object' && 'code' in body && 'status' in body) {
    const candidate = body as Partial<Problem>;
    if (typeof candidate.code === 'string' && typeof candidate.status === 'number') {
      return {
        type: candidate.type ?? 'about:blank',
        title: candidate.title ?? candidate.code,
        status: candidate.status,
        code: candidate.code,
        detail: candidate.detail ?? candidate.title ?? fallback,
        ...(candidate.errors ? { errors: candidate.errors } : {}),
      };
    }
  }
  const network = status === 0;
  return {
    type: 'about:blank',
    title: network ? 'Network error' : 'Unexpected response',
    status,
    code: network ? 'network_error' : 'unexpected_response',
    detail: fallback,
  };
}

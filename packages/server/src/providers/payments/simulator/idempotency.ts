import { StripeApiError } from './api-error.js';
import type { Params } from './params.js';

/** Keys are pruned after 24 hours; a key reused after that starts a new request (Stripe's rule). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface SavedResponse {
  status: number;
  body: unknown;
  /** The request id of the first request, sent back as `Original-Request` on replays. */
  requestId: string;
  /** Headers replayed with it (`Stripe-Should-Retry`). */
  headers: Record<string, string>;
}

export interface IdempotencyEntry {
  method: string;
  path: string;
  params: string;
  savedAt: number;
  response: SavedResponse;
}

/** Order-insensitive form of the parameters, for comparing a retry with the first request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  // Form bodies carry every leaf as a string: 2000 and "2000" are the same parameter.
  return JSON.stringify(value === undefined ? null : String(value));
}

/**
 * Stripe's idempotency layer (https://docs.stripe.com/api/idempotent_requests): the first answer
 * for a key (per API key) is saved once the endpoint began executing, errors included, and
 * replayed for retries with the same parameters; the same key with another endpoint or other
 * parameters is refused with an `idempotency_error`.
 */
export class IdempotencyStore {
  readonly #entries = new Map<string, IdempotencyEntry>();
  readonly #clock: () => number;

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  /** The saved answer for a retry, `undefined` for a new key; throws when the key was used differently. */
  lookup(scope: string, key: string, method: string, path: string, params: Params): SavedResponse | undefined {
    const id = `${scope}\u0000${key}`;
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (this.#clock() - entry.savedAt > IDEMPOTENCY_TTL_MS) {
      this.#entries.delete(id);
      return undefined;
    }
    if (entry.method !== method || entry.path !== path) {
      throw new StripeApiError(400, `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${method} ${path}' vs '${entry.method} ${entry.path}'). Try using a key other than '${key}' if you meant to execute a different request.`, { type: 'idempotency_error', saved: false });
    }
    if (entry.params !== canonical(params)) {
      throw new StripeApiError(400, `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`, { type: 'idempotency_error', saved: false });
    }
    return entry.response;
  }

  /** The live entries, for a snapshot (expired ones are left out). */
  export(): [string, IdempotencyEntry][] {
    const now = this.#clock();
    return [...this.#entries].filter(([, entry]) => now - entry.savedAt <= IDEMPOTENCY_TTL_MS);
  }

  /** Replaces every entry with a snapshot's. */
  import(entries: readonly [string, IdempotencyEntry][]): void {
    this.#entries.clear();
    for (const [id, entry] of entries) this.#entries.set(id, entry);
  }

  save(scope: string, key: string, method: string, path: string, params: Params, response: SavedResponse): void {
    this.#entries.set(`${scope}\u0000${key}`, { method, path, params: canonical(params), savedAt: this.#clock(), response });
  }
}

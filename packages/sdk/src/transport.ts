import { createFetch, FetchError, type $Fetch } from 'ofetch';
import { SlotwiseError, toProblem } from './errors.js';

export interface ClientOptions {
  /** Where the API lives, e.g. `https://api.slotwise.dev` or `http://localhost:8787`. */
  baseURL: string;
  /** A `fetch` to use instead of the global one (tests pass the Hono app's `request`). */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Milliseconds before a request is aborted. @default 15000 */
  timeout?: number;
  /**
   * A specialist's secret API key (`sk_…`) or a login's access token, for the `me` namespace.
   * Server-side only for API keys: never put one in a page.
   */
  apiKey?: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * Sent as `Idempotency-Key` on POST requests; one is generated for every POST when omitted, so
   * a retry of the same call object is safe. Pass your own to make retries across processes safe.
   */
  idempotencyKey?: string;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Call {
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
  /** `apiKey`: send the client's `apiKey` as the bearer; `none`: no credentials. */
  auth?: 'apiKey' | 'none';
  opts?: RequestOptions;
}

/** A random idempotency key; `crypto.getRandomValues` exists on plain-http pages, unlike `randomUUID`. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `idk_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** `template` with `{}` replaced by the URL-encoded `value`. */
export const pathOf = (template: string, value: string) => template.replace('{}', encodeURIComponent(value));

export type Transport = <T>(method: Method, path: string, call?: Call) => Promise<T>;

/** The one place a request is made: headers, idempotency keys and errors are handled here. */
export function createTransport(options: ClientOptions): Transport {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const $fetch: $Fetch = createFetch({
    fetch: fetchImpl,
    Headers: globalThis.Headers,
    AbortController: globalThis.AbortController,
  }).create({
    baseURL: options.baseURL.replace(/\/+$/, ''),
    headers: { accept: 'application/json', ...options.headers },
    timeout: options.timeout ?? 15_000,
    retry: 0,
  });

  return async function request<T>(method: Method, path: string, call: Call = {}): Promise<T> {
    const headers: Record<string, string> = { ...call.headers };
    if (call.auth === 'apiKey') {
      if (!options.apiKey) throw new TypeError('Pass `apiKey` to createClient to use the `me` and `operator` namespaces.');
      headers.authorization = `Bearer ${options.apiKey}`;
    }
    if (method === 'POST') headers['idempotency-key'] = call.opts?.idempotencyKey ?? newIdempotencyKey();
    const signal = call.opts?.signal;
    try {
      return await $fetch<T>(path, { method, query: call.query, body: call.body as BodyInit, headers, signal });
    } catch (error) {
      // A caller's own abort is not a failure of the API: hand back the AbortError as fetch does.
      if (signal?.aborted) throw signal.reason ?? error;
      if (error instanceof FetchError) {
        const status = error.response?.status ?? 0;
        const timedOut = status === 0 && (error.cause as { name?: string } | undefined)?.name === 'TimeoutError';
        throw new SlotwiseError(toProblem(status, error.data, error.message, timedOut));
      }
      throw error;
    }
  };
}

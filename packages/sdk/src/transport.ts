import { createFetch, FetchError, type $Fetch } from 'ofetch';
import type { Operation } from './contract/operations.js';
import { retryAfterSeconds, SlotwiseError, toProblem } from './errors.js';

export interface ClientOptions {
  /** Where the API lives, e.g. `https://api.slotwise.dev` or `http://localhost:8787`. */
  baseURL: string;
  /** A `fetch` to use instead of the global one (tests pass the Hono app's `request`). */
  fetch?: typeof globalThis.fetch;
  /**
   * Extra headers on every request. A function is asked on every request, so a header may follow
   * the page without a new client — e.g. `() => ({ 'accept-language': document.documentElement.lang })`
   * writes the API's sentences in the page's language as the page switches it.
   */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Milliseconds before a request is aborted. @default 15000 */
  timeout?: number;
  /**
   * A specialist's secret API key (`sk_…`) or a login's access token, for the `me` namespace.
   * Server-side only for API keys: never put one in a page. A function is asked on every call,
   * so a login whose access token is refreshed keeps one client (the console does this).
   */
  apiKey?: string | (() => string | undefined);
}

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * Sent as `Idempotency-Key` on POST requests; one is generated for every POST when omitted, so
   * a retry of the same call object is safe. Pass your own to make retries across processes safe.
   */
  idempotencyKey?: string;
}

/** Options of a call on a booking, which its manage token opens. */
export interface ManageOptions extends RequestOptions {
  /** The manage token returned when the booking was created. */
  manageToken: string;
}

/** Options of a call on credits, which their credits token opens. */
export interface CreditsOptions extends RequestOptions {
  /** The credits token returned when the package was bought. */
  creditsToken: string;
}

/** Options of a "My bookings" call, which the customer's session token opens. */
export interface CustomerSessionOptions extends RequestOptions {
  /** The `sessionToken` from `myBookings.openSession`. */
  sessionToken: string;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Call {
  query?: Record<string, unknown>;
  body?: unknown;
  /** Whose credentials go into `Authorization` (an operation's `auth`); none for a public call. */
  auth?: Operation['auth'];
  opts?: RequestOptions & Partial<ManageOptions & CreditsOptions & CustomerSessionOptions>;
}

/** A random idempotency key; `crypto.getRandomValues` exists on plain-http pages, unlike `randomUUID`. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `idk_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

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
    timeout: options.timeout ?? 15_000,
    retry: 0,
  });

  return async function request<T>(method: Method, path: string, call: Call = {}): Promise<T> {
    const extra = options.headers;
    const headers: Record<string, string> = { accept: 'application/json', ...(typeof extra === 'function' ? extra() : extra) };
    const token = bearerOf(call, options);
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
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
        throw new SlotwiseError(toProblem(status, error.data, error.message, timedOut), retryAfterSeconds(error.response?.headers.get('retry-after')));
      }
      throw error;
    }
  };
}

/** The token a call sends as its bearer, by the operation's kind of auth; throws when the caller gave none. */
function bearerOf({ auth, opts }: Call, options: ClientOptions): string | undefined {
  switch (auth) {
    case undefined:
      return undefined;
    case 'apiKey':
    case 'operator': {
      const apiKey = typeof options.apiKey === 'function' ? options.apiKey() : options.apiKey;
      if (!apiKey) throw new TypeError('Pass `apiKey` to createClient to use the `me` and `operator` namespaces.');
      return apiKey;
    }
    case 'manageToken':
      if (typeof opts?.manageToken !== 'string') throw new TypeError('Pass `{ manageToken }` (returned when the booking was created) as the last argument.');
      return opts.manageToken;
    case 'creditsToken':
      if (typeof opts?.creditsToken !== 'string') throw new TypeError('Pass `{ creditsToken }` (returned when the package was bought) as the last argument.');
      return opts.creditsToken;
    case 'customerSession':
      if (typeof opts?.sessionToken !== 'string') throw new TypeError('Pass `{ sessionToken }` (from `myBookings.openSession`) as the last argument.');
      return opts.sessionToken;
  }
}

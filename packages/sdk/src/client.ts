import { createFetch, FetchError, type $Fetch } from 'ofetch';
import type {
  AvailabilityRules,
  CalendarFeed,
  CalendarFeedCreate,
  DateOverride,
  DateOverrideCreate,
  Recurring,
  RecurringCreate,
  ServiceDetail,
  ServiceList,
  ServiceRulesUpdate,
  WeeklySchedule,
} from './contract/availability.js';
import type { Booking, BookingCancel, BookingCreate, BookingCreated } from './contract/bookings.js';
import type { Slots, SlotsQuery, Specialist } from './contract/specialists.js';
import { SlotwiseError, toProblem } from './errors.js';

export interface ClientOptions {
  /** Where the API lives, e.g. `https://api.slotwise.dev` or `http://localhost:8787`. */
  baseURL: string;
  /** A `fetch` to use instead of the global one (tests pass the Hono app's `request`). */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /**
   * A specialist's secret API key (`sk_…`), for the `me` namespace. Server-side only: never put
   * it in a page.
   */
  apiKey?: string;
  /** Milliseconds before a request is aborted. @default 15000 */
  timeout?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key` on POST requests. */
  idempotencyKey?: string;
}

export interface ManageOptions extends RequestOptions {
  /** The manage token returned when the booking was created. */
  manageToken: string;
}

/**
 * A typed client for the Slotwise API. Works in browsers, Node and edge runtimes.
 *
 * @example
 * const slotwise = createClient({ baseURL: 'http://localhost:8787' });
 * const { days } = await slotwise.specialists.slots('demo', { service: 'svc_…', timezone: 'Europe/Paris' });
 */
export function createClient(options: ClientOptions) {
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

  async function call<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    init: { query?: Record<string, unknown>; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<T> {
    try {
      return await $fetch<T>(path, { method, query: init.query, body: init.body as BodyInit, headers: init.headers, signal: init.signal });
    } catch (error) {
      // A caller's own abort is not a failure of the API: hand back the AbortError as fetch does.
      if (init.signal?.aborted) throw init.signal.reason ?? error;
      if (error instanceof FetchError) {
        const status = error.response?.status ?? 0;
        const timedOut = status === 0 && (error.cause as { name?: string } | undefined)?.name === 'TimeoutError';
        throw new SlotwiseError(toProblem(status, error.data, error.message, timedOut));
      }
      throw error;
    }
  }

  const path = (template: string, value: string) => template.replace('{}', encodeURIComponent(value));
  const post = (opts: RequestOptions | undefined, extra: Record<string, string> = {}) => ({
    ...extra,
    ...(opts?.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
  });
  const asMe = async <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, opts?: RequestOptions) => {
    if (!options.apiKey) throw new TypeError('Pass `apiKey` to createClient to use the `me` namespace.');
    return call<T>(method, url, { body, headers: post(opts, { authorization: `Bearer ${options.apiKey}` }), signal: opts?.signal });
  };

  return {
    specialists: {
      /** The public profile of `handle`, with its active services. */
      retrieve: (handle: string, opts?: RequestOptions) =>
        call<Specialist>('GET', path('/v1/specialists/{}', handle), { signal: opts?.signal }),
      /** Open start times, grouped by date in `query.timezone`. */
      slots: (handle: string, query: SlotsQuery, opts?: RequestOptions) =>
        call<Slots>('GET', path('/v1/specialists/{}/slots', handle), { query: { ...query }, signal: opts?.signal }),
    },
    bookings: {
      /** Books an open time. Keep the returned `manageToken`: it is shown once. */
      create: (params: BookingCreate, opts?: RequestOptions) =>
        call<BookingCreated>('POST', '/v1/bookings', { body: params, headers: post(opts), signal: opts?.signal }),
      retrieve: (id: string, opts: ManageOptions) =>
        call<Booking>('GET', path('/v1/bookings/{}', id), {
          headers: { authorization: `Bearer ${opts.manageToken}` },
          signal: opts.signal,
        }),
      cancel: (id: string, params: BookingCancel, opts: ManageOptions) =>
        call<Booking>('POST', path('/v1/bookings/{}/cancel', id), {
          body: params,
          headers: post(opts, { authorization: `Bearer ${opts.manageToken}` }),
          signal: opts.signal,
        }),
    },
    /** The calling specialist's own data; needs `apiKey`. */
    me: {
      availability: {
        retrieve: (opts?: RequestOptions) => asMe<AvailabilityRules>('GET', '/v1/me/availability', undefined, opts),
        /** Replaces all weekly hours and breaks at once. */
        replaceWeekly: (params: WeeklySchedule, opts?: RequestOptions) =>
          asMe<AvailabilityRules>('PUT', '/v1/me/availability/weekly', params, opts),
        overrides: {
          create: (params: DateOverrideCreate, opts?: RequestOptions) => asMe<DateOverride>('POST', '/v1/me/availability/overrides', params, opts),
          delete: (id: string, opts?: RequestOptions) => asMe<DateOverride>('DELETE', path('/v1/me/availability/overrides/{}', id), undefined, opts),
        },
        recurring: {
          create: (params: RecurringCreate, opts?: RequestOptions) => asMe<Recurring>('POST', '/v1/me/availability/recurring', params, opts),
          delete: (id: string, opts?: RequestOptions) => asMe<Recurring>('DELETE', path('/v1/me/availability/recurring/{}', id), undefined, opts),
        },
      },
      calendarFeeds: {
        create: (params: CalendarFeedCreate, opts?: RequestOptions) => asMe<CalendarFeed>('POST', '/v1/me/calendar-feeds', params, opts),
        delete: (id: string, opts?: RequestOptions) => asMe<CalendarFeed>('DELETE', path('/v1/me/calendar-feeds/{}', id), undefined, opts),
      },
      services: {
        list: (opts?: RequestOptions) => asMe<ServiceList>('GET', '/v1/me/services', undefined, opts),
        /** Changes durations and prices, step, buffers, notice, advance window and caps. */
        update: (id: string, params: ServiceRulesUpdate, opts?: RequestOptions) =>
          asMe<ServiceDetail>('PATCH', path('/v1/me/services/{}', id), params, opts),
      },
    },
  };
}

export type SlotwiseClient = ReturnType<typeof createClient>;

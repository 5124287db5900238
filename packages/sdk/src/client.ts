import { operations } from './contract/operations.js';
import type { routes } from './contract/routes.js';
import { namespaces } from './namespaces.js';
import { methodsOf, type ClientNamespaces, type QueryInput } from './operation-method.js';
import { createTransport, type ClientOptions } from './transport.js';

export type { ClientOptions, CreditsOptions, CustomerSessionOptions, ManageOptions, RequestOptions } from './transport.js';

export type { ClientNamespaces } from './operation-method.js';

export type SlotwiseClient = ClientNamespaces<typeof namespaces> & {
  /** Where this client sends its requests (without a trailing slash). */
  baseURL: string;
};

/** What `client.me.bookings.list` takes: `status` is a list of statuses. */
export type BookingListParams = QueryInput<(typeof routes)['listMyBookings']['query']>;

/**
 * A typed client for the Slotwise API. Works in browsers, Node and edge runtimes. Every POST
 * carries an `Idempotency-Key`.
 *
 * @example
 * const slotwise = createClient({ baseURL: 'http://localhost:8787' });
 * const { days } = await slotwise.specialists.slots('demo', { service: 'svc_…', timezone: 'Europe/Paris' });
 */
export function createClient(options: ClientOptions): SlotwiseClient {
  return { baseURL: options.baseURL.replace(/\/+$/, ''), ...methodsOf(createTransport(options), namespaces, operations) };
}

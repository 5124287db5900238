import type { OperationName } from './contract/operations.js';
import type { routes } from './contract/routes.js';
import { namespaces, type Namespaces } from './namespaces.js';
import { operationMethod, type OperationMethod, type QueryInput } from './operation-method.js';
import { createTransport, type ClientOptions, type Transport } from './transport.js';

export type { ClientOptions, CreditsOptions, CustomerSessionOptions, ManageOptions, RequestOptions } from './transport.js';

/** The methods of a namespace tree: each leaf becomes its operation's method. */
export type ClientNamespaces<T extends Namespaces> = {
  [K in keyof T]: T[K] extends OperationName ? OperationMethod<T[K]> : T[K] extends Namespaces ? ClientNamespaces<T[K]> : never;
};

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
  return { baseURL: options.baseURL.replace(/\/+$/, ''), ...methodsOf(createTransport(options), namespaces) };
}

function methodsOf<T extends Namespaces>(request: Transport, tree: T): ClientNamespaces<T> {
  const entries = Object.entries(tree).map(([name, node]) => [name, typeof node === 'string' ? operationMethod(request, node) : methodsOf(request, node)]);
  return Object.fromEntries(entries) as ClientNamespaces<T>;
}

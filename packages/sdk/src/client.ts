import { accountNamespaces } from './namespaces/account.js';
import { availabilityNamespaces } from './namespaces/availability.js';
import { myBookingsNamespace } from './namespaces/my-bookings.js';
import { publicNamespaces } from './namespaces/public.js';
import { createTransport, type ClientOptions } from './transport.js';

export type { ClientOptions, RequestOptions } from './transport.js';
export type { ManageOptions } from './namespaces/public.js';

/**
 * A typed client for the Slotwise API. Works in browsers, Node and edge runtimes. Every POST
 * carries an `Idempotency-Key`.
 *
 * @example
 * const slotwise = createClient({ baseURL: 'http://localhost:8787' });
 * const { days } = await slotwise.specialists.slots('demo', { service: 'svc_…', timezone: 'Europe/Paris' });
 */
export function createClient(options: ClientOptions) {
  const request = createTransport(options);
  const account = accountNamespaces(request);
  return {
    ...publicNamespaces(request),
    auth: account.auth,
    operator: account.operator,
    /** The calling specialist's own data; needs `apiKey` (a secret key or an access token). */
    me: { ...availabilityNamespaces(request), ...myBookingsNamespace(request), ...account.me },
  };
}

export type SlotwiseClient = ReturnType<typeof createClient>;

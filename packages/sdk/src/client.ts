import { accountNamespaces } from './namespaces/account.js';
import { availabilityNamespaces } from './namespaces/availability.js';
import { myBookingsNamespace } from './namespaces/my-bookings.js';
import { packageNamespaces } from './namespaces/packages.js';
import { paymentNamespaces } from './namespaces/payments.js';
import { publicNamespaces } from './namespaces/public.js';
import { createTransport, type ClientOptions } from './transport.js';

export type { ClientOptions, RequestOptions } from './transport.js';
export type { ManageOptions } from './namespaces/public.js';
export type { CreditsOptions } from './namespaces/packages.js';

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
  const payments = paymentNamespaces(request);
  const packages = packageNamespaces(request);
  return {
    /** Where this client sends its requests (without a trailing slash). */
    baseURL: options.baseURL.replace(/\/+$/, ''),
    ...publicNamespaces(request),
    payments: payments.payments,
    packages: packages.packages,
    credits: packages.credits,
    auth: account.auth,
    operator: account.operator,
    /** The calling specialist's own data; needs `apiKey` (a secret key or an access token). */
    me: { ...availabilityNamespaces(request), ...myBookingsNamespace(request), ...account.me, ...payments.me, ...packages.me },
  };
}

export type SlotwiseClient = ReturnType<typeof createClient>;

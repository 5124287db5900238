import { visitorOperations } from './contract/visitor-operations.js';
import { methodsOf, type ClientNamespaces } from './operation-method.js';
import { createTransport, type ClientOptions } from './transport.js';
import { visitorNamespaces } from './visitor-namespaces.js';

export type VisitorClient = ClientNamespaces<typeof visitorNamespaces> & {
  /** Where this client sends its requests (without a trailing slash). */
  baseURL: string;
};

/**
 * `createClient` for a visitor's browser: the same methods, arguments and answers for the
 * namespaces a visitor may call (`specialists`, `bookings`, `payments`, `packages`, `credits`,
 * `myBookings`) and nothing else — so a page that books (the widget's script tag) does not
 * download the path table of every specialist and operator endpoint.
 *
 * @example
 * const slotwise = createVisitorClient({ baseURL: 'https://api.example.com' });
 * const profile = await slotwise.specialists.retrieve('demo');
 */
export function createVisitorClient(options: ClientOptions): VisitorClient {
  return { baseURL: options.baseURL.replace(/\/+$/, ''), ...methodsOf(createTransport(options), visitorNamespaces, visitorOperations) };
}

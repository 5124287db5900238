import type { Transport } from '../transport.js';

/** Sign-up, login, profile, API keys and operator settings (filled in with the account API). */
export function accountNamespaces(_request: Transport) {
  return { me: {}, auth: {}, operator: {} };
}

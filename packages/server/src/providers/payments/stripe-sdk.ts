import type Stripe from 'stripe';

/** The `stripe` SDK's default export: the client class, with `errors`, `webhooks` and the crypto/HTTP factories on it. */
export type StripeSdk = typeof Stripe;

let loading: Promise<StripeSdk> | undefined;
let loaded: StripeSdk | undefined;

/**
 * The `stripe` SDK, imported on first use and then kept. It is the largest module the server
 * carries (about a third of a second of CPU to load on Node, 12 % of the Worker's bundle), and a
 * server without Stripe settings never needs it: no static import of `stripe` may remain outside
 * this file (type-only imports excepted), or it is loaded at start again.
 */
export function loadStripe(): Promise<StripeSdk> {
  loading ??= import('stripe').then((module) => (loaded = module.default));
  return loading;
}

/**
 * The SDK if `loadStripe` has finished, else `undefined` — for synchronous checks (`instanceof`
 * one of its error classes): an error the SDK threw can only exist once it is loaded.
 */
export function loadedStripe(): StripeSdk | undefined {
  return loaded;
}

/**
 * The API version the installed SDK sends (`Stripe.API_VERSION`), written out so the offline
 * simulator answers with it without loading the SDK. `stripe-sdk.test.ts` holds it to the SDK's.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive';

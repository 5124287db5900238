import { StripeApiError, noSuch } from './api-error.js';
import { createAccount, createAccountLink, retrieveAccount } from './accounts.js';
import type { Params } from './params.js';
import { cancelPaymentIntent, confirmPaymentIntent, createPaymentIntent, retrievePaymentIntent } from './payment-intents.js';
import { createRefund, listRefunds } from './refunds.js';
import type { SimContext } from './state.js';

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Callable by Stripe.js with the publishable key (and the intent's client secret). */
  publishable?: boolean;
  run(ctx: SimContext, params: Params, id: string): object;
}

const noExtraParams = (params: Params) => {
  delete params.expand;
  const [unknown] = Object.keys(params);
  if (unknown !== undefined) {
    throw new StripeApiError(400, `Received unknown parameter: ${unknown}`, { code: 'parameter_unknown', param: unknown, saved: false });
  }
};

/** The endpoints the simulator serves, with Stripe's paths. */
export const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: /^\/v1\/payment_intents$/, run: (ctx, params) => createPaymentIntent(ctx, params) },
  { method: 'GET', pattern: /^\/v1\/payment_intents\/([^/]+)$/, publishable: true, run: (ctx, params, id) => retrievePaymentIntent(ctx, id, params) },
  { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/, run: (ctx, params, id) => cancelPaymentIntent(ctx, id, params) },
  { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/, publishable: true, run: (ctx, params, id) => confirmPaymentIntent(ctx, id, params) },
  { method: 'POST', pattern: /^\/v1\/refunds$/, run: (ctx, params) => createRefund(ctx, params) },
  { method: 'GET', pattern: /^\/v1\/refunds$/, run: (ctx, params) => listRefunds(ctx, params) },
  {
    method: 'GET',
    pattern: /^\/v1\/refunds\/([^/]+)$/,
    run: (ctx, params, id) => {
      noExtraParams(params);
      return ctx.state.refunds.get(id) ?? throwError(noSuch('refund', id, 'refund'));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/charges\/([^/]+)$/,
    run: (ctx, params, id) => {
      noExtraParams(params);
      return ctx.state.charges.get(id) ?? throwError(noSuch('charge', id, 'charge'));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/events\/([^/]+)$/,
    run: (ctx, params, id) => {
      noExtraParams(params);
      return ctx.state.events.find((event) => event.id === id) ?? throwError(noSuch('event', id, 'id'));
    },
  },
  { method: 'POST', pattern: /^\/v1\/accounts$/, run: (ctx, params) => createAccount(ctx, params) },
  { method: 'GET', pattern: /^\/v1\/accounts\/([^/]+)$/, run: (ctx, params, id) => retrieveAccount(ctx, id, params) },
  { method: 'POST', pattern: /^\/v1\/account_links$/, run: (ctx, params) => createAccountLink(ctx, params) },
];

function throwError(error: Error): never {
  throw error;
}

export function matchRoute(method: string, path: string): { route: Route; id: string } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, id: decodeURIComponent(match[1] ?? '') };
  }
  return undefined;
}

export const unrecognizedUrl = (method: string, path: string) =>
  new StripeApiError(404, `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`, { saved: false });

export const publishableKeyRefused = () =>
  new StripeApiError(403, 'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.', { saved: false });

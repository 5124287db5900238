import type { IncomingMessage, ServerResponse } from 'node:http';
import Stripe from 'stripe';
import type { Params, StripeSimulator } from '../../providers/payments/simulator/index.js';
import { parseStripeForm } from './form.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Params;
  /** Lower-cased names. */
  headers: Record<string, string>;
  rawBody: string;
  /** The parsed form body (POST) or query (GET), nested like Stripe reads it. */
  body: Params;
  idempotencyKey: string | undefined;
  stripeVersion: string | undefined;
  /** Which key authenticated it. */
  auth: 'secret' | 'publishable' | 'missing' | 'invalid';
  status: number;
  replayed: boolean;
  requestId: string;
}

/** Stripe's API answers browsers (Stripe.js calls it with the publishable key). */
export const CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Max-Age': '300',
};

/** `sk_test_abcdefgh1234` → `sk_test_********1234`, as Stripe's messages show keys. */
const mask = (key: string) => {
  const cut = key.lastIndexOf('_') + 1;
  return `${key.slice(0, cut)}${'*'.repeat(Math.max(0, key.length - cut - 4))}${key.slice(-4)}`;
};

/** Bearer (what the SDK and Stripe.js send) or Basic with the key as user name (`curl -u sk_…:`). */
function authOf(header: string | undefined, secretKey: string, publishableKey: string): { auth: RecordedRequest['auth']; key?: string } {
  let key: string | undefined;
  if (header && /^bearer /i.test(header)) key = header.slice(7).trim();
  else if (header && /^basic /i.test(header)) key = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8').split(':')[0];
  if (!key) return { auth: 'missing' };
  if (key === secretKey) return { auth: 'secret', key };
  if (key === publishableKey) return { auth: 'publishable', key };
  return { auth: 'invalid', key };
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface ApiHandlerOptions {
  simulator: StripeSimulator;
  secretKey: string;
  publishableKey: string;
  /** Every request is appended here. */
  requests: RecordedRequest[];
}

/**
 * Serves `/v1/*` like api.stripe.com: authenticates the key, reads the form body (or query),
 * records the request, and answers with the simulator's status, headers and pretty-printed
 * JSON, echoing the request's `Stripe-Version`. Answers the latest version seen otherwise.
 */
export function apiHandler(options: ApiHandlerOptions) {
  const { simulator, secretKey, publishableKey, requests } = options;
  let lastVersion: string | undefined;
  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const rawBody = await readBody(req);
    const method = req.method ?? 'GET';
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const query = parseStripeForm(url.search.slice(1));
    const stripeVersion = headers['stripe-version'] || undefined;
    if (stripeVersion) lastVersion = stripeVersion;
    const { auth, key } = authOf(headers.authorization, secretKey, publishableKey);
    const record: RecordedRequest = {
      method, path: url.pathname, query, headers, rawBody, auth, stripeVersion,
      body: method === 'GET' || method === 'DELETE' ? query : parseStripeForm(rawBody),
      idempotencyKey: headers['idempotency-key'] || undefined, status: 0, replayed: false, requestId: '',
    };
    requests.push(record);
    const send = (status: number, payload: unknown, extra: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json', 'Stripe-Version': stripeVersion ?? lastVersion ?? Stripe.API_VERSION, ...CORS, ...extra });
      res.end(JSON.stringify(payload, null, 2));
    };
    if (auth === 'missing') {
      return send(401, { error: { message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.", type: 'invalid_request_error' } });
    }
    if (auth === 'invalid') return send(401, { error: { message: `Invalid API Key provided: ${mask(key ?? '')}`, type: 'invalid_request_error' } });
    // Idempotency keys are per Stripe account; both keys belong to the one simulated account.
    const answer = simulator.handle({ method, path: url.pathname, params: record.body, idempotencyKey: record.idempotencyKey, key: auth, scope: 'account' });
    record.replayed = answer.replayed;
    record.requestId = answer.requestId;
    send(answer.status, answer.body, answer.headers);
  };
  return { handle, apiVersion: () => lastVersion ?? Stripe.API_VERSION };
}

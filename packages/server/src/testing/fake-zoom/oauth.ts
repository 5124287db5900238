import { randomBytes } from 'node:crypto';

export interface IssuedToken {
  token: string;
  expiresAt: number;
  revoked: boolean;
}

export interface OAuthState {
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** Seconds a token lives; Zoom's is 3600. */
  ttlSeconds: number;
  clock: () => number;
  tokens: IssuedToken[];
}

type Answer = { status: number; body: unknown };

const invalidClient: Answer = { status: 400, body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } };

/**
 * `POST /oauth/token` as zoom.us answers a Server-to-Server app: Basic client credentials,
 * `grant_type=account_credentials` and `account_id` in the query or the form body; an opaque
 * bearer token with `expires_in` 3600 and no refresh token. Errors are OAuth-shaped
 * (`{ reason, error }`), unlike the API's `{ code, message }`.
 */
export function issueToken(state: OAuthState, authorization: string | undefined, query: URLSearchParams, body: string): Answer {
  const params = new URLSearchParams(body);
  for (const [k, v] of query) if (!params.has(k)) params.set(k, v);
  if (!authorization || !/^basic /i.test(authorization)) return { status: 400, body: { reason: 'Client ID or client secret is missing.', error: 'invalid_request' } };
  const [id, ...rest] = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8').split(':');
  if (id !== state.clientId || rest.join(':') !== state.clientSecret) return invalidClient;
  const grant = params.get('grant_type');
  if (!grant) return { status: 400, body: { reason: 'Missing grant type', error: 'invalid_request' } };
  if (grant !== 'account_credentials') return { status: 400, body: { reason: 'unsupported grant type', error: 'unsupported_grant_type' } };
  if (params.get('account_id') !== state.accountId) return { status: 400, body: { reason: 'Invalid account_id', error: 'invalid_request' } };
  const issued: IssuedToken = { token: `eyJzdiI6IjAwMDAwMSJ9.${randomBytes(24).toString('base64url')}`, expiresAt: state.clock() + state.ttlSeconds * 1000, revoked: false };
  state.tokens.push(issued);
  return {
    status: 200,
    body: { access_token: issued.token, token_type: 'bearer', expires_in: state.ttlSeconds, scope: 'meeting:write:meeting:admin meeting:update:meeting:admin meeting:delete:meeting:admin meeting:read:list_meetings:admin', api_url: 'https://api.zoom.us' },
  };
}

/** The API's check of `Authorization: Bearer …`: 401 `{ code: 124 }` for a missing, unknown, revoked or expired token. */
export function checkBearer(state: OAuthState, authorization: string | undefined): Answer | undefined {
  const token = authorization && /^bearer /i.test(authorization) ? authorization.slice(7).trim() : undefined;
  const issued = token ? state.tokens.find((t) => t.token === token) : undefined;
  if (!issued || issued.revoked) return { status: 401, body: { code: 124, message: 'Invalid access token.' } };
  if (state.clock() >= issued.expiresAt) return { status: 401, body: { code: 124, message: 'Access token is expired.' } };
  return undefined;
}

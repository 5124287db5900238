import { and, eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { accounts } from '../../db/schema.js';
import { ProblemError } from '../../http/problem.js';
import { bearerToken } from '../../http/tokens.js';
import { looksLikeJwt, verifyAccessToken, type AccessClaims, type AccountRole } from './access-token.js';

export interface SessionOptions {
  /** The role the caller's account must have. */
  role: AccountRole;
}

const challenge = { 'www-authenticate': 'Bearer realm="slotwise-api"' };

export const unauthorized = (detail: string) => new ProblemError('unauthorized', detail, { headers: challenge });

/**
 * The claims of an access token sent as a bearer, or a 401: `token_expired` when it is ours but
 * old (get new tokens at `/v1/auth/refresh`), `unauthorized` for anything else.
 */
export async function accessClaims(c: Context<AppEnv>, token: string): Promise<AccessClaims> {
  const { jwtSecret, clock } = c.var.deps;
  const claims = looksLikeJwt(token) ? await verifyAccessToken(token, jwtSecret, clock()) : undefined;
  if (claims === 'expired') {
    throw new ProblemError('token_expired', 'The access token has expired; get new tokens from POST /v1/auth/refresh.', {
      headers: { 'www-authenticate': 'Bearer realm="slotwise-api", error="invalid_token"' },
    });
  }
  if (!claims) throw unauthorized('This access token is not valid; log in again at POST /v1/auth/login.');
  return claims;
}

/**
 * Lets through only a logged-in account with `options.role` (today: operators, for platform
 * settings), checked against the database as well as the token, and sets `c.var.principal`. No
 * token is a 401; an API key or another role's token is a 403.
 *
 * @param options.role - the role required
 * @example
 * app.use('/v1/operator/*', sessionAuth({ role: 'operator' }));
 */
export function sessionAuth(options: SessionOptions): MiddlewareHandler<AppEnv> {
  const { role } = options;
  return async function sessionAuthHandler(c, next) {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw unauthorized(`Log in as ${role === 'operator' ? 'an operator' : 'a specialist'} and send the access token as \`Authorization: Bearer …\`.`);
    if (token.startsWith('sk_')) {
      throw new ProblemError('forbidden', `API keys act for a specialist's own data; this needs the access token of ${role === 'operator' ? 'an operator' : 'a specialist'}.`);
    }
    const claims = await accessClaims(c, token);
    if (claims.role !== role) throw new ProblemError('forbidden', `Only ${role === 'operator' ? 'operators' : 'specialists'} may do this.`);
    const [account] = await c.var.deps.database.db
      .select({ id: accounts.id, specialistId: accounts.specialistId })
      .from(accounts)
      .where(and(eq(accounts.id, claims.sub), eq(accounts.role, role)))
      .limit(1);
    if (!account) throw unauthorized('This account no longer exists; log in again.');
    c.set('principal', { kind: 'accessToken', accountId: account.id, role, specialistId: account.specialistId });
    await next();
  };
}

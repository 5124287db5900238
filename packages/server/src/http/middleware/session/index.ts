import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { AccountRole } from '../../../services/accounts/access-token.js';
import { authenticateAccount } from '../../../services/accounts/principals.js';
import { bearerToken } from '../../bearer.js';

export interface SessionOptions {
  /** The role the caller's account must have. */
  role: AccountRole;
}

/**
 * Lets through only a logged-in account with `options.role` (today: operators, for platform
 * settings) and sets `c.var.principal`. No token is a 401; an API key or another role's token
 * is a 403.
 *
 * @param options.role - the role required
 * @example
 * app.use('/v1/operator/*', sessionAuth({ role: 'operator' }));
 */
export function sessionAuth(options: SessionOptions): MiddlewareHandler<AppEnv> {
  return async function sessionAuthHandler(c, next) {
    c.set('principal', await authenticateAccount(c.var.deps, bearerToken(c.req.header('authorization')), options.role));
    await next();
  };
}

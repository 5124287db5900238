import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { SpecialistRow } from '../../../db/schema.js';
import { authenticateSpecialist } from '../../../services/accounts/principals.js';
import { bearerToken } from '../../bearer.js';

/**
 * Authenticates a specialist on `/v1/me/*` and sets `c.var.specialist` and `c.var.principal`,
 * by either credential sent as `Authorization: Bearer …`: a secret API key (`sk_…`), for the
 * specialist's own server, or an access token from `/v1/auth/login`, for the console (an
 * operator's is a 403). The lookup is the accounts service's; this only carries the header in.
 *
 * Runs once per request: mounted by several routers, it lets a request through that an earlier
 * copy already authenticated.
 *
 * @example
 * app.use('/v1/me/*', apiKeyAuth());
 */
export function apiKeyAuth(): MiddlewareHandler<AppEnv> {
  return async function apiKeyAuthHandler(c, next) {
    if ((c.get('specialist') as SpecialistRow | undefined) !== undefined) return next();
    const caller = await authenticateSpecialist(c.var.deps, bearerToken(c.req.header('authorization')));
    c.set('specialist', caller.specialist);
    c.set('principal', caller.principal);
    await next();
  };
}

import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { SpecialistRow } from '../../../db/schema.js';
import { authenticateSpecialist } from '../../../services/accounts/principals.js';
import { ServiceError } from '../../../services/errors.js';
import { t } from '../../../services/messages/index.js';
import { bearerToken } from '../../bearer.js';

/**
 * What a closed account may still write: closing again (its own `409`), marking its notices read,
 * and refunding a customer's package purchase (money owed back does not stop with the account).
 * Everything else that writes is refused: closing is the kill switch it says it is — no new API
 * key, no webhook switched back on, no service or feed, no handle change (which would free the
 * reserved handle for someone else).
 */
const CLOSED_MAY_WRITE = [/^\/v1\/me\/close$/, /^\/v1\/me\/notifications\/read$/, /^\/v1\/me\/package-purchases\/[^/]+\/refund$/];
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates a specialist on `/v1/me/*` and sets `c.var.specialist` and `c.var.principal`,
 * by either credential sent as `Authorization: Bearer …`: a secret API key (`sk_…`), for the
 * specialist's own server, or an access token from `/v1/auth/login`, for the console (an
 * operator's is a 403). The lookup is the accounts service's; this only carries the header in.
 *
 * Runs once per request: mounted by several routers, it lets a request through that an earlier
 * copy already authenticated. A closed account reads and exports; its other writes are a
 * `409 account_closed` (`CLOSED_MAY_WRITE`).
 *
 * @example
 * app.use('/v1/me/*', apiKeyAuth());
 */
export function apiKeyAuth(): MiddlewareHandler<AppEnv> {
  return async function apiKeyAuthHandler(c, next) {
    if ((c.get('specialist') as SpecialistRow | undefined) !== undefined) return next();
    const caller = await authenticateSpecialist(c.var.deps, bearerToken(c.req.header('authorization')));
    if (caller.specialist.status === 'closed' && !READS.has(c.req.method) && !CLOSED_MAY_WRITE.some((path) => path.test(c.req.path))) {
      throw new ServiceError('account_closed', t('account_closed.read_only'));
    }
    c.set('specialist', caller.specialist);
    c.set('principal', caller.principal);
    await next();
  };
}

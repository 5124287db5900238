import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import { newId } from '../../../services/ids.js';

export interface RequestLogOptions {
  /** Makes a request id when the caller sent none (or one we do not trust). @default `req_…` random */
  generator?: () => string;
}

/** A caller's own id is kept when it is short and plain, so a proxy's id follows the request. */
const USABLE_ID = /^[\w.:-]{8,64}$/;

/**
 * Gives every request an id — the caller's `X-Request-Id` when usable, else a new one —, sends it
 * back as `X-Request-Id`, and writes one structured line per request when it ends: id, method,
 * path, status and milliseconds. Never the query string, headers or body: a receipt link carries
 * its token in the query, and bodies carry emails and passwords.
 *
 * @param options.generator - how ids are made (@default random `req_…`)
 * @example
 * app.use(requestLog());
 */
export function requestLog(options: RequestLogOptions = {}): MiddlewareHandler<AppEnv> {
  const generate = options.generator ?? (() => newId('req'));
  return async function requestLogHandler(c, next) {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const id = incoming && USABLE_ID.test(incoming) ? incoming : generate();
    c.set('requestId', id);
    try {
      await next();
    } finally {
      c.res.headers.set('x-request-id', id);
      const status = c.res.status;
      c.var.deps.log({
        level: status >= 500 ? 'error' : 'info',
        msg: 'request',
        requestId: id,
        method: c.req.method,
        path: c.req.path,
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  };
}

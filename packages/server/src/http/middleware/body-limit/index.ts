import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import { HttpError } from '../../problem.js';
import { t } from '../../../services/messages/index.js';

export interface BodyLimitOptions {
  /** The largest body accepted, in bytes, for a request's path. */
  maxBytes: (path: string) => number;
}

const decoder = new TextDecoder();

/** Whether the request came through `@hono/node-server`, which puts Node's request in `env.incoming`. */
const nodeIncoming = (env: unknown): boolean => typeof env === 'object' && env !== null && 'incoming' in env && typeof (env as { incoming?: { on?: unknown } }).incoming?.on === 'function';

const tooLarge = (max: number) => new HttpError('payload_too_large', t('payload_too_large', { max }));

/** How much of a refused body is read (and dropped) so the connection stays usable; past it, the rest is cancelled. */
export const DISCARD_MAX_BYTES = 8 << 20;

/**
 * Reads what is left of a refused body and drops it, up to `DISCARD_MAX_BYTES` in all (`seen` is
 * what was read already), then cancels the rest. Outside Node (workerd), a response sent while the
 * client is still sending leaves the connection unusable: under `wrangler dev` the next request on
 * it hung, or the whole dev server stopped. Node's HTTP server drains what is left itself. Nothing
 * read is kept: memory stays at one chunk, and a body past the bound is simply cut off.
 */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, seen = 0): Promise<void> {
  try {
    for (let size = seen; size <= DISCARD_MAX_BYTES; ) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // A client that went away: nothing left to keep usable.
  }
}

/**
 * Reads every request body in full before anything else touches it, refusing it with `413
 * payload_too_large` as soon as it passes the limit — whatever the headers say: a declared
 * `Content-Length` over the limit is refused without keeping any of it, a chunked body is counted
 * as it streams, so no request holds more than the limit in memory (a refused body is read on to
 * its end and dropped outside Node, `discard`, so the connection can take the next request). What it read is handed on as the request's
 * body, so later readers (idempotency, the webhook's raw bytes, JSON parsing) see exactly it.
 *
 * @param options.maxBytes - the limit for a path
 * @example
 * app.use(bodyLimit({ maxBytes: (path) => (path.startsWith('/v1/webhooks/') ? 1 << 20 : 65536) }));
 */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  return async function bodyLimitHandler(c, next) {
    // The method first: touching `raw.body` makes the Node adapter build a full Request, which a
    // GET (nearly every request) never needs.
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const raw = c.req.raw;
    const max = options.maxBytes(c.req.path);
    const declared = Number(raw.headers.get('content-length') ?? NaN);
    if (declared > max) {
      if (!nodeIncoming(c.env) && raw.body) await discard(raw.body.getReader());
      throw tooLarge(max);
    }
    if (declared <= max && nodeIncoming(c.env)) {
      // On Node a declared length bounds what can arrive (Node's HTTP parser ends the body there),
      // so a body within the limit is read whole, straight from the socket (the adapter's fast
      // path: no web stream, no second Request), and handed on in the request's body cache, where
      // every later reader (`c.req.text()`, `arrayBuffer()`, `parseBody()`) looks first. Elsewhere
      // (an in-process `app.request`, an edge runtime) a body is counted as it streams, below.
      const bytes = await raw.arrayBuffer();
      // Hono keeps promises there (`HonoRequest#cachedBody`), whatever its type says.
      const cache = c.req.bodyCache as Record<string, Promise<unknown>>;
      cache.arrayBuffer = Promise.resolve(bytes);
      cache.text = Promise.resolve(decoder.decode(bytes));
      return next();
    }
    if (raw.body === null) return next();
    const reader = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        // Node's server copes with the rest unread; elsewhere it is read and dropped.
        await (nodeIncoming(c.env) ? reader.cancel().catch(() => undefined) : discard(reader, size));
        throw tooLarge(max);
      }
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    c.req.raw = new Request(raw.url, { method: raw.method, headers: raw.headers, body, signal: raw.signal });
    // The bytes as they came, for a reader that must tell them from their decoded text (which
    // Hono would otherwise derive from a cached `text()`, with any invalid UTF-8 already replaced).
    (c.req.bodyCache as Record<string, Promise<unknown>>).arrayBuffer = Promise.resolve(body.buffer);
    await next();
  };
}

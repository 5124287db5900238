import type { Context, MiddlewareHandler } from 'hono';
import { negotiate, type Encoder, type Encoding } from './encoder.js';

export { ENCODINGS, negotiate, webEncoder, type Encoder, type Encoding } from './encoder.js';

export interface CompressOptions {
  /** How this runtime compresses (`nodeEncoder()` on Node, `webEncoder()` elsewhere). */
  encoder: Encoder;
  /** Smaller bodies go out as they are: compressing them saves less than it costs. @default 1024 */
  threshold?: number;
}

/** JSON and problem documents; HTML pages and files are not this middleware's. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\b/i;

/** Adds `Accept-Encoding` to the response's `Vary`, keeping what is there. */
function varyOnEncoding(headers: Headers): void {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Accept-Encoding');
  else if (!/\baccept-encoding\b/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}

/**
 * What a response whose body is already in its `Content-Encoding` must say on workerd: without
 * `encodeBody: 'manual'`, workerd takes the header as an order and compresses the bytes AGAIN
 * (a browser then decodes one layer and gets gzip where it expected JavaScript or JSON). Node and
 * other runtimes ignore the member. workerd keeps it when a Response is copied from this one
 * (`new Response(res.body, res)`, as Hono's `c.res` setter does).
 */
export const PRE_ENCODED = { encodeBody: 'manual' } as ResponseInit;

/**
 * Compresses JSON answers over `threshold` bytes with the best coding the client accepts (brotli,
 * then gzip), at the encoder's fast `dynamic` setting. Leaves the bytes of what is already encoded
 * alone (the slots route and `/widget/*` bring their own) but marks it `PRE_ENCODED`, as it does
 * its own output; leaves alone HEAD answers and downloads (`Content-Disposition`: the export
 * streams page by page and must not be read whole into memory).
 *
 * @param options.encoder - the runtime's compressor
 * @param options.threshold - the smallest body compressed (@default 1024)
 * @example
 * app.use(compress({ encoder: nodeEncoder() }));
 */
export function compress(options: CompressOptions): MiddlewareHandler {
  const threshold = options.threshold ?? 1024;
  return async function compressHandler(c, next) {
    await next();
    const res = c.res;
    if (res.headers.has('content-encoding')) {
      if (MARK_PRE_ENCODED) replace(c, new Response(res.body, { status: res.status, statusText: res.statusText, headers: res.headers, ...PRE_ENCODED }));
      return;
    }
    // Never `res.body` before the body is to be read: on Node that getter alone builds an undici
    // Response around the bytes (a copy), where the status says as much about an empty body.
    if (c.req.method === 'HEAD' || res.status === 204 || res.status === 304 || res.headers.has('content-disposition')) return;
    if (!JSON_TYPE.test(res.headers.get('content-type') ?? '')) return;
    const encoding = negotiate(c.req.header('accept-encoding'), options.encoder.encodings);
    // Nothing to compress: say it varies, and leave the body alone (reading it would copy it).
    if (!encoding && varied(res.headers)) return;
    if (!res.body) return;
    const bytes = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    varyOnEncoding(headers);
    let body: Uint8Array = bytes;
    if (encoding && bytes.length >= threshold) {
      body = await options.encoder.encode(bytes, encoding, 'dynamic');
      headers.set('content-encoding', encoding);
    }
    headers.set('content-length', String(body.length));
    replace(c, new Response(body as Uint8Array<ArrayBuffer>, { status: res.status, statusText: res.statusText, headers, ...(headers.has('content-encoding') ? PRE_ENCODED : {}) }));
  };
}

/**
 * Only workerd needs an answer already in its coding re-made `PRE_ENCODED` (above); elsewhere the
 * mark means nothing, and re-making a response copies its body (on Node, through undici: a
 * quarter of a slots cache miss's CPU when it was done for every answer).
 */
const MARK_PRE_ENCODED = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers';

/** `Vary: Accept-Encoding` added in place; false when these headers cannot change (a fetched response's). */
function varied(headers: Headers): boolean {
  try {
    varyOnEncoding(headers);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sets `c.res` to `res`, which already carries every header of the old one: without clearing it
 * first, Hono's setter would copy `res` again (`new Response(res.body, res)`) to merge them.
 */
function replace(c: Context, res: Response): void {
  c.res = undefined;
  c.res = res;
}

/** Compressed forms of bodies that are served again and again (the slot cache's entries), by identity. */
const encodedBodies = new WeakMap<Uint8Array, Map<Encoding, Uint8Array>>();

/**
 * `bytes` in the coding `c`'s client accepts, with the headers saying so, compressed once per
 * body object and kept as long as that object lives: for answers kept in a cache, so a repeated
 * answer costs a lookup, not a compression. Identity below `threshold` or without a coding.
 */
export async function encodedBody(
  c: Context,
  encoder: Encoder,
  bytes: Uint8Array<ArrayBuffer>,
  threshold = 1024,
): Promise<{ body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  const encoding = bytes.length >= threshold ? negotiate(c.req.header('accept-encoding'), encoder.encodings) : undefined;
  if (!encoding) return { body: bytes, headers: {} };
  let forms = encodedBodies.get(bytes);
  if (!forms) encodedBodies.set(bytes, (forms = new Map()));
  let body = forms.get(encoding);
  if (!body) forms.set(encoding, (body = await encoder.encode(bytes, encoding, 'dynamic')));
  return { body: body as Uint8Array<ArrayBuffer>, headers: { 'content-encoding': encoding } };
}

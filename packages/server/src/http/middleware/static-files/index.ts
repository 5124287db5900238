import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';

/** One file a runtime found for a checked relative path: its bytes and what revalidation needs. */
export interface AssetFile {
  body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>;
  size: number;
  /** Last change, ms since the epoch: `Last-Modified` and the weak `ETag`. */
  modified: number;
}

/**
 * Reads `path` (already checked: `/`-separated segments, no `.`/`..`, no hidden names) from where
 * the runtime keeps its files; undefined when it is not a regular file (a folder is not listed).
 * Node reads a folder (`providers/files/node-dir.ts`); an edge entry may read its own store.
 */
export type ReadAsset = (path: string) => Promise<AssetFile | undefined>;

export interface StaticFilesOptions {
  /** Where the files come from. */
  read: ReadAsset;
  /** The URL prefix the files sit under, without a trailing slash. @default '/widget' */
  prefix?: string;
}

/** What browsers may load from here; anything else (HTML, source, a stray file) is a 404. */
const SERVED = new Set(['js', 'mjs', 'css', 'map', 'json', 'svg', 'png', 'jpg', 'webp', 'woff', 'woff2']);

/**
 * A bundler's content-hashed output (esbuild's `chunk-7XK2MQBD.js`): its bytes never change under
 * its name, so it is cached for a year. A name of lowercase words (`slotwise.js`, `console.js`,
 * `booking-calendar.js`) is an entry whose URL stays while its bytes change: `no-cache`, so a
 * browser revalidates (cheaply, by `ETag`) and never runs an old entry against a new API.
 */
export const isHashed = (name: string) => /-(?=[A-Za-z0-9_]*[A-Z0-9])[A-Za-z0-9_]{8,}\.(?:m?js|css)(?:\.map)?$/.test(name);

/** The path under the prefix as checked segments, or undefined for anything that is not plainly a file name. */
function safePath(rest: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/');
  const plain = segments.every((s) => s !== '' && !s.startsWith('.') && !/[\\\0:]/.test(s));
  return plain && segments.length <= 8 ? segments.join('/') : undefined;
}

/**
 * Serves browser files (the widget and console bundles) under `prefix`: correct content types,
 * `nosniff`, a year's `immutable` cache for hashed chunks and `no-cache` with an `ETag` for entry
 * files, `304` on revalidation. No directory listing and no way out of the folder: a path with
 * `.`/`..` segments (raw or percent-encoded), backslashes, hidden names or an unknown extension
 * is a 404 before anything is read. Runtime-neutral: the runtime only supplies `read`.
 *
 * @param options.read - where files come from
 * @param options.prefix - the URL prefix (@default '/widget')
 * @example
 * app.get('/widget/*', staticFiles({ read: nodeDir('packages/widget/dist') }));
 */
export function staticFiles(options: StaticFilesOptions): MiddlewareHandler {
  const prefix = `${options.prefix ?? '/widget'}/`;
  return async function staticFilesHandler(c, next) {
    // The raw path, before any decoding, so an encoded `%2e%2e` is judged after one decode only.
    const raw = new URL(c.req.url).pathname;
    if (!raw.startsWith(prefix)) return next();
    const path = safePath(raw.slice(prefix.length));
    const extension = path?.split('.').pop()?.toLowerCase() ?? '';
    const file = path && path.includes('.') && SERVED.has(extension) ? await options.read(path) : undefined;
    if (!path || !file) return c.text('Not found', 404, { 'x-content-type-options': 'nosniff' });
    const etag = `W/"${file.size.toString(36)}-${Math.floor(file.modified).toString(36)}"`;
    const headers: Record<string, string> = {
      'content-type': getMimeType(path) ?? 'application/octet-stream',
      'cache-control': isHashed(path.split('/').pop()!) ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
      'last-modified': new Date(file.modified).toUTCString(),
      'x-content-type-options': 'nosniff',
    };
    if (c.req.header('if-none-match')?.split(',').some((tag) => tag.trim() === etag)) {
      if (file.body instanceof ReadableStream) await file.body.cancel();
      return c.body(null, 304, headers);
    }
    headers['content-length'] = String(file.size);
    if (c.req.method === 'HEAD') {
      if (file.body instanceof ReadableStream) await file.body.cancel();
      return c.body(null, 200, headers);
    }
    return c.body(file.body, 200, headers);
  };
}

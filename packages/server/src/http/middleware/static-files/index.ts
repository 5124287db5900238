import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { negotiate } from '../compress/encoder.js';
import type { AssetStore } from './asset-store.js';

export { assetStore, type AssetStore, type StoredAsset } from './asset-store.js';

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
  /** Where the files come from, kept in memory with their compressed forms (`assetStore`). */
  store: AssetStore;
  /** The URL prefix the files sit under, without a trailing slash. @default '/widget' */
  prefix?: string;
}

/** A year, for bytes that never change under their URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Five minutes, for a stable URL whose bytes change with each release (`/widget/slotwise.js`):
 * a returning visitor skips the request, and a release reaches everyone within minutes.
 */
export const SHORT = 'public, max-age=300';

/** What browsers may load from here; anything else (HTML, source, a stray file) is a 404. */
const SERVED = new Set(['js', 'mjs', 'css', 'map', 'json', 'svg', 'png', 'jpg', 'webp', 'woff', 'woff2']);

/**
 * A bundler's content-hashed output (esbuild's `chunk-7XK2MQBD.js`): its bytes never change under
 * its name, so it is cached for a year. A name of lowercase words (`slotwise.js`, `console.js`,
 * `booking-calendar.js`) is an entry whose URL stays while its bytes change: cached briefly
 * (`SHORT`) at that URL, for a year only under its versioned URL.
 */
export const isHashed = (name: string) => /-(?=[A-Za-z0-9_]*[A-Z0-9])[A-Za-z0-9_]{8,}\.(?:m?js|css)(?:\.map)?$/.test(name);

/**
 * The hash of the loader whose folder `path` is in (`slotwise.js` for `slotwise/core.js`), if it
 * has one. The loader imports its folder's stable names (the first-load `core.js`, which a page may
 * preload by that name) relative to its own URL and carries their hash: under the loader's
 * current versioned folder they are its release's bytes, so they are pinned like it.
 */
async function loaderVersion(store: AssetStore, path: string): Promise<string | undefined> {
  const slash = path.indexOf('/');
  return slash > 0 ? (await store.get(`${path.slice(0, slash)}.js`))?.hash : undefined;
}

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
 * `nosniff`, `Access-Control-Allow-Origin: *` (pages on other sites import them as modules), brotli or gzip by `Accept-Encoding` (compressed once per file and kept, see
 * `assetStore`), a strong `ETag` from the content hash and `304` on revalidation, `Vary:
 * Accept-Encoding`. Caching: a hashed chunk, or any file under its versioned URL
 * `prefix/v/<hash>/<path>` (the hash of that file's bytes, or for a file in a loader's folder —
 * `slotwise/core.js` — the hash of that loader, `slotwise.js`), for a year, `immutable`; a stable URL
 * for five minutes. A versioned URL whose hash is no longer the file's (a page embedding an older
 * release) still gets the current file, cached as briefly as the stable URL, so it never breaks
 * and never pins old bytes. Relative imports from a versioned entry stay under the same
 * `v/<hash>/` folder, which is how lazy chunks follow the entry's URL.
 *
 * No directory listing and no way out of the folder: a path with `.`/`..` segments (raw or
 * percent-encoded), backslashes, hidden names or an unknown extension is a 404 before anything is
 * read. Runtime-neutral: the runtime supplies `read` and the encoder.
 *
 * @param options.store - the files (`assetStore(read, encoder)`)
 * @param options.prefix - the URL prefix (@default '/widget')
 * @example
 * app.get('/widget/*', staticFiles({ store: assetStore(nodeDir('packages/widget/dist'), nodeEncoder()) }));
 */
export function staticFiles(options: StaticFilesOptions): MiddlewareHandler {
  const prefix = `${options.prefix ?? '/widget'}/`;
  const { store } = options;
  return async function staticFilesHandler(c, next) {
    // The raw path, before any decoding, so an encoded `%2e%2e` is judged after one decode only.
    const raw = new URL(c.req.url).pathname;
    if (!raw.startsWith(prefix)) return next();
    const version = /^v\/([0-9a-f]{12})\//.exec(raw.slice(prefix.length));
    const path = safePath(raw.slice(prefix.length + (version?.[0].length ?? 0)));
    const extension = path?.split('.').pop()?.toLowerCase() ?? '';
    const file = path && path.includes('.') && SERVED.has(extension) ? await store.get(path) : undefined;
    if (!path || !file) return c.text('Not found', 404, { 'x-content-type-options': 'nosniff' });
    const pinned = isHashed(path.split('/').pop()!) || (version !== null && (version[1] === file.hash || (await loaderVersion(store, path)) === version[1]));
    const encoding = negotiate(c.req.header('accept-encoding'), store.encodings);
    const encoded = encoding ? await file.encoded(encoding) : undefined;
    const etag = `"${file.hash}${encoded ? `-${encoding}` : ''}"`;
    const headers: Record<string, string> = {
      'content-type': getMimeType(path) ?? 'application/octet-stream',
      'cache-control': pinned ? IMMUTABLE : SHORT,
      etag,
      'last-modified': new Date(file.modified).toUTCString(),
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      // A page on any site loads these as ES modules, which browsers fetch with CORS. Public,
      // credential-free files: any origin may read them.
      'access-control-allow-origin': '*',
    };
    if (!version) headers['content-location'] = `${prefix}v/${file.hash}/${path}`;
    if (encoded) headers['content-encoding'] = encoding!;
    // Any coding of the same bytes validates: they all decode to what the client has.
    const tags = c.req.header('if-none-match')?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (tags?.some((tag) => tag === '*' || tag.replace(/-(?:br|gzip)"$/, '"') === `"${file.hash}"`)) return c.body(null, 304, headers);
    const body = encoded ?? file.bytes;
    headers['content-length'] = String(body.length);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
  };
}

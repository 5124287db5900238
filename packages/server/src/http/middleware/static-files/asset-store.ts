import type { Encoder, Encoding } from '../compress/encoder.js';
import type { ReadAsset } from './index.js';

/** Smaller files go out as they are: below this a coding's framing eats most of the gain. */
const MIN_ENCODED_BYTES = 256;

/** One file as served: its bytes, content hash, and its compressed forms, each made once. */
export interface StoredAsset {
  readonly bytes: Uint8Array;
  /** The first 12 hex digits of the bytes' SHA-256: the versioned URL's segment and the `ETag`. */
  readonly hash: string;
  readonly modified: number;
  /** The bytes in `encoding`, compressed on first ask and kept; undefined when that saves nothing. */
  encoded(encoding: Encoding): Promise<Uint8Array | undefined>;
}

export interface AssetStore {
  /** The file at a checked `path`, undefined when there is none. */
  get(path: string): Promise<StoredAsset | undefined>;
  /** The codings this store can answer in, best first. */
  readonly encodings: readonly Encoding[];
  /**
   * `/widget/v/<hash>/<path>`, the URL under which `path` is cached for a year; the stable
   * `/widget/<path>` when the file is missing (a page still renders and loads it later).
   */
  versionedPath(path: string): Promise<string>;
}

/**
 * Files from `read`, kept in memory with their hash and compressed forms, so a request costs a
 * metadata check and a map lookup: nothing is hashed or compressed per request. An entry is
 * replaced when the file's size or modification time changes (a rebuild while the server runs).
 * Memory is bounded by the folder: only files that exist are kept, one entry per path.
 *
 * @param prefix - the URL prefix the files sit under, without a trailing slash
 */
export function assetStore(read: ReadAsset, encoder: Encoder, prefix = '/widget'): AssetStore {
  const entries = new Map<string, { size: number; modified: number; asset: Promise<StoredAsset> }>();

  async function load(body: ReadableStream<Uint8Array> | Uint8Array, modified: number): Promise<StoredAsset> {
    const bytes = body instanceof Uint8Array ? body : new Uint8Array(await new Response(body).arrayBuffer());
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    const hash = [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const variants = new Map<Encoding, Promise<Uint8Array | undefined>>();
    return {
      bytes,
      hash,
      modified,
      encoded(encoding) {
        let variant = variants.get(encoding);
        if (!variant) {
          variant = bytes.length < MIN_ENCODED_BYTES
            ? Promise.resolve(undefined)
            : encoder.encode(bytes, encoding, 'static').then((out) => (out.length < bytes.length ? out : undefined));
          variants.set(encoding, variant);
          variant.catch(() => variants.delete(encoding)); // a failed compression is tried again next time
        }
        return variant;
      },
    };
  }

  async function get(path: string): Promise<StoredAsset | undefined> {
    const file = await read(path);
    if (!file) return undefined;
    const known = entries.get(path);
    if (known && known.size === file.size && known.modified === file.modified) {
      if (file.body instanceof ReadableStream) await file.body.cancel();
      return known.asset;
    }
    const asset = load(file.body, file.modified);
    entries.set(path, { size: file.size, modified: file.modified, asset });
    asset.catch(() => entries.delete(path));
    return asset;
  }

  return {
    get,
    encodings: encoder.encodings,
    async versionedPath(path) {
      const asset = await get(path);
      return asset ? `${prefix}/v/${asset.hash}/${path}` : `${prefix}/${path}`;
    },
  };
}

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { AssetFile, ReadAsset } from '../../http/middleware/static-files/index.js';

/**
 * Files of one folder on disk for `staticFiles` (Node entries). The HTTP side has already refused
 * any path with `..`, hidden or empty segments; this checks again on the real path, so neither a
 * crafted path nor a symlink reaches a file outside `root`. A folder, a missing file or an
 * unreadable one is `undefined` (a 404): nothing is ever listed.
 *
 * @param root - the folder, e.g. `packages/widget/dist`
 */
export function nodeDir(root: string): ReadAsset {
  const base = resolve(root);
  return async function readFromDir(path: string): Promise<AssetFile | undefined> {
    try {
      const real = await realpath(resolve(base, path));
      const realBase = await realpath(base);
      if (!real.startsWith(realBase + sep)) return undefined;
      const info = await stat(real);
      if (!info.isFile()) return undefined;
      const body = Readable.toWeb(createReadStream(real)) as ReadableStream<Uint8Array>;
      return { body, size: info.size, modified: info.mtimeMs };
    } catch {
      return undefined;
    }
  };
}

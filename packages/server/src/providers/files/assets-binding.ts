import type { AssetFile, ReadAsset } from '../../http/middleware/static-files/index.js';

/** A Workers static-assets binding (`env.ASSETS`): files uploaded with the Worker, read by URL. */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/**
 * Files from a Workers static-assets binding for `staticFiles` (the edge entry's `/widget/*`).
 * The HTTP side has already refused `..`, hidden and empty segments. The binding keeps no change
 * times, so every file carries `modified` — the entry passes when its isolate started, which moves
 * with each deployment; the asset store's content hash still names the bytes exactly.
 *
 * @param prefix - where the widget's build sits among the uploaded assets. @default '/widget/'
 */
export function assetsBinding(binding: AssetsBinding, modified: number, prefix = '/widget/'): ReadAsset {
  return async function readFromAssets(path: string): Promise<AssetFile | undefined> {
    const response = await binding.fetch(new Request(new URL(prefix + path, 'https://assets.invalid')));
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    const body = new Uint8Array(await response.arrayBuffer());
    return { body, size: body.byteLength, modified };
  };
}

import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Encoder } from '../../http/middleware/compress/encoder.js';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * brotli and gzip from `node:zlib`, off the event loop (libuv's pool). Static files get brotli's
 * best (quality 11: slow, but once per file and process) and gzip 9; answers get quality 4 and
 * gzip 6, which compress a slots answer in well under a millisecond at nearly the same size.
 */
export function nodeEncoder(): Encoder {
  return {
    encodings: ['br', 'gzip'],
    async encode(bytes, encoding, level) {
      if (encoding === 'gzip') return new Uint8Array(await gz(bytes, { level: level === 'static' ? 9 : 6 }));
      const params = {
        [constants.BROTLI_PARAM_QUALITY]: level === 'static' ? 11 : 4,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      };
      return new Uint8Array(await brotli(bytes, { params }));
    },
  };
}

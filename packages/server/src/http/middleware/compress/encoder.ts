/** The content codings Slotwise sends, best first: brotli is ~15–20% smaller than gzip on JS and JSON. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/**
 * How a runtime compresses bytes (a port: Node supplies `node:zlib`, `providers/files/node-zlib.ts`;
 * an edge entry may supply its own). `level` says what the bytes are for: `static` files are
 * compressed once and kept, so they get the smallest output whatever it costs; `dynamic` answers
 * are compressed per request, so they get a fast setting.
 */
export interface Encoder {
  /** The codings this runtime can produce, best first. */
  readonly encodings: readonly Encoding[];
  encode(bytes: Uint8Array, encoding: Encoding, level: 'static' | 'dynamic'): Promise<Uint8Array>;
}

/**
 * gzip through the web-standard `CompressionStream` (Workers, Deno, Node ≥ 18): no brotli, which
 * that API does not offer everywhere. The default for `createApp`, so an edge entry needs nothing.
 */
export function webEncoder(): Encoder {
  return {
    encodings: ['gzip'],
    async encode(bytes) {
      const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    },
  };
}

/**
 * The coding to answer with: the first of `available` (best first) that `accept` (an
 * `Accept-Encoding` header) allows with a non-zero q-value, or `*` allows; undefined for identity.
 * Preference follows ours, not the client's order: every browser that sends `br` prefers it.
 */
export function negotiate(accept: string | undefined, available: readonly Encoding[]): Encoding | undefined {
  if (!accept) return undefined;
  const q = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const weight = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  return available.find((encoding) => (q.get(encoding) ?? q.get('*') ?? 0) > 0);
}

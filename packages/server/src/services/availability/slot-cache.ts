
/**
 * What the slots endpoint keeps between requests. Answers (serialised and UTF-8 encoded) are keyed by
 * everything they depend on — the specialist's availability version, service, duration, window,
 * zone and the outside feeds' content versions — and valid until the instant time alone would
 * change them. A write bumps the version in its own transaction, so no process can serve a stale
 * slot after it commits.
 */
export interface SlotCache {
  get(key: string, now: number): Uint8Array<ArrayBuffer> | undefined;
  /** The entry itself, to file the same answer under a second key. */
  entry(key: string, now: number): { body: Uint8Array<ArrayBuffer>; validUntil: number } | undefined;
  set(key: string, body: Uint8Array<ArrayBuffer>, validUntil: number): void;
  /** Anything derived from one availability version (rows, feed URLs); dropped with it. */
  context<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** The date (`YYYY-MM-DD`) in `zone` at `now`. */
  today(zone: string, now: number): string;
  /** A specialist's id and version as read when the database change counter was `counter`. */
  head(handle: string, counter: number): { id: string; version: number } | undefined;
  rememberHead(handle: string, counter: number, head: { id: string; version: number }): void;
  readonly size: number;
  /** Bytes of the answers' bodies kept (a body filed under two keys counts twice). */
  readonly bytes: number;
  /** A second tier every process or isolate shares (the Cache API at the edge), under the same keys. */
  readonly shared?: SharedSlotAnswers;
}

/**
 * Answers kept where every isolate sees them (`providers/cache/cache-api.ts`). The keys carry the
 * specialist's availability version, read from the database on each request, so an answer of an
 * older version is never asked for again once a write moved it: nothing has to be purged.
 */
export interface SharedSlotAnswers {
  /** The answer filed under `key`, while `now` is before its `validUntil`. */
  get(key: string, now: number): Promise<{ body: Uint8Array<ArrayBuffer>; validUntil: number } | undefined>;
  set(key: string, body: Uint8Array<ArrayBuffer>, validUntil: number, now: number): Promise<void>;
}

export interface SlotCacheOptions {
  /** Answers kept; the least recently used go first. @default 2000 (`SLOT_CACHE_MAX_ENTRIES`) */
  maxEntries?: number;
  /**
   * Total bytes of the answers' bodies kept; the least recently used go first, and an answer
   * larger than this alone is not kept. Both bounds hold at once: the entry count alone lets a
   * few thousand wide windows (24/7 hours, a short step: ~90 KB each) grow past 100 MB.
   * @default 33554432 (32 MiB, `SLOT_CACHE_MAX_BYTES`)
   */
  maxBytes?: number;
  /** The shared tier behind this process's memory. @default none */
  shared?: SharedSlotAnswers;
}

/** Defaults of the answers' bounds, also what the README's settings table states. */
export const SLOT_CACHE_DEFAULTS = { maxEntries: 2000, maxBytes: 32 * 1024 * 1024 } as const;

/**
 * A Map used as an LRU: re-inserting on a hit keeps the oldest entry first. With `weigh`, the sum
 * of the kept values' weights also stays at most `maxWeight`: the oldest go first, and a value
 * heavier than `maxWeight` alone is dropped rather than flushing everything else.
 */
export function lru<V>(max: number, weigh?: (value: V) => number, maxWeight = Infinity) {
  const map = new Map<string, V>();
  let weight = 0;
  const remove = (key: string) => {
    const value = map.get(key);
    if (value === undefined) return false;
    map.delete(key);
    if (weigh) weight -= weigh(value);
    return true;
  };
  return {
    get(key: string): V | undefined {
      const value = map.get(key);
      if (value !== undefined) {
        map.delete(key);
        map.set(key, value);
      }
      return value;
    },
    set(key: string, value: V) {
      remove(key);
      const w = weigh ? weigh(value) : 0;
      if (w > maxWeight) return;
      map.set(key, value);
      weight += w;
      while (map.size > max || weight > maxWeight) remove(map.keys().next().value!);
    },
    delete: remove,
    get size() {
      return map.size;
    },
    get weight() {
      return weight;
    },
  };
}

export function createSlotCache(options: SlotCacheOptions = {}): SlotCache {
  const answers = lru<{ body: Uint8Array<ArrayBuffer>; validUntil: number }>(
    options.maxEntries ?? SLOT_CACHE_DEFAULTS.maxEntries,
    // A body is weighed with the buffer it lives in: a block's list (`slot-blocks.ts`) keeps its index there.
    (entry) => entry.body.buffer.byteLength,
    options.maxBytes ?? SLOT_CACHE_DEFAULTS.maxBytes,
  );
  const contexts = lru<Promise<unknown>>(500);
  const formatters = lru<Intl.DateTimeFormat>(200);
  const heads = lru<{ counter: number; head: { id: string; version: number } }>(1000);
  return {
    get(key, now) {
      const entry = answers.get(key);
      if (!entry) return undefined;
      if (now < entry.validUntil) return entry.body;
      answers.delete(key);
      return undefined;
    },
    entry(key, now) {
      const entry = answers.get(key);
      return entry && now < entry.validUntil ? entry : undefined;
    },
    set: (key, body, validUntil) => answers.set(key, { body, validUntil }),
    context<T>(key: string, load: () => Promise<T>): Promise<T> {
      let pending = contexts.get(key) as Promise<T> | undefined;
      if (!pending) {
        pending = load();
        contexts.set(key, pending);
        pending.catch(() => contexts.delete(key));
      }
      return pending;
    },
    today(zone, now) {
      let format = formatters.get(zone);
      if (!format) {
        format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
        formatters.set(zone, format);
      }
      return format.format(now); // en-CA writes YYYY-MM-DD
    },
    head(handle, counter) {
      const seen = heads.get(handle);
      return seen?.counter === counter ? seen.head : undefined;
    },
    rememberHead: (handle, counter, head) => heads.set(handle, { counter, head }),
    get size() {
      return answers.size;
    },
    get bytes() {
      return answers.weight;
    },
    ...(options.shared ? { shared: options.shared } : {}),
  };
}

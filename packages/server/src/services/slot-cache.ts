/**
 * Computed slot answers (already serialised), keyed by everything they depend on — the
 * specialist's availability version, the service, duration, window, zone and the outside feeds'
 * content versions — and valid until the instant time alone would change them. A write bumps the
 * version in its own transaction, so no process can serve a stale slot after it commits.
 */
export interface SlotCache {
  get(key: string, now: number): string | undefined;
  set(key: string, body: string, validUntil: number): void;
  readonly size: number;
}

export interface SlotCacheOptions {
  /** Entries kept; the least recently used go first. @default 2000 */
  maxEntries?: number;
}

export function createSlotCache(options: SlotCacheOptions = {}): SlotCache {
  const max = options.maxEntries ?? 2000;
  // A Map iterates in insertion order: re-inserting on a hit keeps the oldest entry first.
  const entries = new Map<string, { body: string; validUntil: number }>();
  return {
    get(key, now) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (now >= entry.validUntil) return undefined;
      entries.set(key, entry);
      return entry.body;
    },
    set(key, body, validUntil) {
      entries.delete(key);
      entries.set(key, { body, validUntil });
      if (entries.size > max) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return entries.size;
    },
  };
}

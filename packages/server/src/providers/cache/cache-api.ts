// The slots answers' shared tier at the edge: the Workers Cache API (`caches.default`), which
// every isolate of the Worker in one Cloudflare location reads. It is only ever asked for keys
// that carry the current availability version (`slotAnswerKey`), so a booking is never answered
// from it stale; entries of older versions just age out.
import type { SharedSlotAnswers } from '../../services/availability/slot-cache.js';

/** The parts of a Workers `Cache` used here. */
export interface CacheLike {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
}

/** Longest an answer stays in the Cache API, even when time alone would never change it. */
export const MAX_SHARED_SECONDS = 3600;
const VALID_UNTIL = 'x-slotwise-valid-until';

/** The URL a key is filed under (the Cache API takes URLs; this host is never fetched). */
export const cacheUrl = (key: string) => `https://slot-cache.slotwise.internal/${encodeURIComponent(key)}`;

/**
 * Answers in `cache`. An entry holds its exact `validUntil` in a header, checked on every read:
 * the Cache API's own expiry counts whole seconds. Infinite validity is stored for at most
 * `MAX_SHARED_SECONDS`, so answers of a code version that is no longer deployed do not linger.
 */
export function cacheApiAnswers(cache: CacheLike): SharedSlotAnswers {
  return {
    async get(key, now) {
      const found = await cache.match(cacheUrl(key));
      if (!found) return undefined;
      const validUntil = Number(found.headers.get(VALID_UNTIL));
      if (!(now < validUntil)) return undefined;
      return { body: new Uint8Array(await found.arrayBuffer()), validUntil };
    },
    async set(key, body, validUntil, now) {
      const seconds = Math.min(MAX_SHARED_SECONDS, Math.floor((validUntil - now) / 1000));
      if (!(seconds >= 1)) return;
      const headers = { 'content-type': 'application/json', 'cache-control': `max-age=${seconds}`, [VALID_UNTIL]: String(validUntil) };
      await cache.put(cacheUrl(key), new Response(body, { headers }));
    },
  };
}

import type { CalendarFeeds, FeedBusy, FeedStatus } from '../../services/availability/calendar-port.js';
import { CalendarFeedError } from '../../services/availability/calendar-feed-error.js';

export type { CalendarFeeds, FeedBusy, FeedStatus };
import { feedUrl } from './feed-url.js';
import { fetchFeedText } from './fetch-feed.js';
import type { ParsedCalendar } from './parse-ics.js';

export interface CalendarFeedsOptions {
  /** The HTTP client. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** The clock, epoch ms: decides when a cached copy is due for a refresh. @default Date.now */
  clock?: () => number;
  /** How long a fetch (good or failed) is reused before the feed is asked again. @default 300000 (5 min) */
  ttlMs?: number;
  /** Deadline for one fetch, redirects and body included. @default 5000 */
  timeoutMs?: number;
  /** Largest body read; bigger feeds are refused while streaming. @default 2097152 (2 MiB) */
  maxBytes?: number;
  /** Accept http:// and local addresses. For tests against a local server only. @default false */
  allowHttp?: boolean;
}

interface Entry {
  good?: { calendar: ParsedCalendar; version: string; fetchedAt: number };
  /** Set when the latest attempt failed (at `attemptedAt`); a later success clears it. */
  error?: CalendarFeedError;
  attemptedAt: number;
}

const NEVER: FeedStatus = { lastSyncedAt: null, busyCount: null, lastError: null, lastErrorAt: null };

function statusOf(entry: Entry | undefined): FeedStatus {
  if (!entry) return NEVER;
  return {
    lastSyncedAt: entry.good?.fetchedAt ?? null,
    busyCount: entry.good?.calendar.events.length ?? null,
    lastError: entry.error ?? null,
    lastErrorAt: entry.error ? entry.attemptedAt : null,
  };
}

async function shortHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Outside calendars (ICS "secret addresses") as busy times. Each URL is fetched at most once per
 * `ttlMs`, successful or not, so a dead server costs one timeout per TTL rather than one per
 * request; concurrent callers share one fetch. A copy is parsed once, when fetched (a body that is
 * not iCalendar counts as a failed refresh and does not replace a good copy), and expanded per call.
 * Memory: the parsed form is ~20× the text, so a 2 MiB feed holds ~40 MB while cached.
 *
 * @example
 * const feeds = createCalendarFeeds({ ttlMs: 60_000 });
 * const url = feeds.validateUrl('webcal://p01-caldav.icloud.com/published/2/abc');
 * const { busy, stale, error } = await feeds.busy(url, { from, to }, 'Europe/Berlin');
 */
/**
 * The ICS parser and the RRULE engine behind it (ical.js), imported with the first feed read: most
 * specialists have no feed, and a server or Worker that reads none never loads them.
 */
let parser: Promise<typeof import('./parse-ics.js')> | undefined;
const loadParser = () => (parser ??= import('./parse-ics.js'));

export function createCalendarFeeds(options: CalendarFeedsOptions = {}): CalendarFeeds {
  const { clock = Date.now, ttlMs = 5 * 60_000, allowHttp = false } = options;
  const fetchOptions = {
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 5000,
    maxBytes: options.maxBytes ?? 2 * 1024 * 1024,
    allowHttp,
  } satisfies Parameters<typeof fetchFeedText>[1];
  // Replaced by clear(), so a fetch that was in flight then does not write into the new cache.
  let entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<Entry>>();

  async function refresh(url: URL): Promise<Entry> {
    const cache = entries;
    const previous = cache.get(url.href);
    let entry: Entry;
    try {
      const text = await fetchFeedText(url, fetchOptions);
      const { parseCalendar } = await loadParser();
      const calendar = parseCalendar(text);
      const version = await shortHash(text);
      entry = { good: { calendar, version, fetchedAt: clock() }, attemptedAt: clock() };
    } catch (error) {
      const failure = error instanceof CalendarFeedError ? error : new CalendarFeedError('network', 'The calendar could not be read.', { cause: error });
      entry = { ...(previous?.good ? { good: previous.good } : {}), error: failure, attemptedAt: clock() };
    }
    cache.set(url.href, entry);
    return entry;
  }

  function current(url: URL, force = false): Promise<Entry> {
    const entry = entries.get(url.href);
    if (!force && entry && clock() - entry.attemptedAt < ttlMs) return Promise.resolve(entry);
    let pending = inflight.get(url.href);
    if (!pending) {
      pending = refresh(url).finally(() => {
        if (inflight.get(url.href) === pending) inflight.delete(url.href);
      });
      inflight.set(url.href, pending);
    }
    return pending;
  }

  return {
    async busy(url, window, timeZone) {
      let target: URL;
      try {
        target = feedUrl(url, { allowHttp });
      } catch (error) {
        if (!(error instanceof CalendarFeedError)) throw error;
        return { busy: [], fetchedAt: 0, version: '', stale: false, error };
      }
      const { good, error } = await current(target);
      if (!good) return { busy: [], fetchedAt: 0, version: '', stale: false, ...(error ? { error } : {}) };
      const { busyFromCalendar } = await loadParser(); // loaded already: `good.calendar` came from it
      const busy = busyFromCalendar(good.calendar, window, timeZone);
      return { busy, fetchedAt: good.fetchedAt, version: good.version, stale: error !== undefined, ...(error ? { error } : {}) };
    },
    validateUrl: (url) => feedUrl(url, { allowHttp }).href,
    status(url) {
      try {
        return statusOf(entries.get(feedUrl(url, { allowHttp }).href));
      } catch {
        return NEVER;
      }
    },
    async sync(url) {
      let target: URL;
      try {
        target = feedUrl(url, { allowHttp });
      } catch (error) {
        if (!(error instanceof CalendarFeedError)) throw error;
        return { ...NEVER, lastError: error, lastErrorAt: clock() };
      }
      return statusOf(await current(target, true));
    },
    clear() {
      entries = new Map();
      inflight.clear();
    },
  };
}

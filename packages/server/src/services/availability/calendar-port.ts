import type { Busy } from '../../domain/slots.js';
import type { CalendarFeedError } from './calendar-feed-error.js';

/** The port the availability services read outside calendars through (ICS feeds, fetched and cached). */
export interface FeedBusy {
  busy: Busy[];
  /** When the copy in use was fetched (the injected clock); 0 when no fetch ever succeeded. */
  fetchedAt: number;
  /** First 16 hex digits of the SHA-256 of the copy in use, '' when there is none. */
  version: string;
  /** True when the last refresh failed and an older copy is served; `error` says why. */
  stale: boolean;
  error?: CalendarFeedError;
}

/**
 * What this process knows of a feed's health, for the availability editor. Kept with the cache, in
 * memory: a restart forgets it, and every field is null until the feed is fetched again.
 */
export interface FeedStatus {
  /** When the feed was last fetched and read as iCalendar (epoch ms), null if never since start. */
  lastSyncedAt: number | null;
  /** Events (VEVENTs) in that copy, recurring ones counted once. */
  busyCount: number | null;
  /** Why the latest refresh failed, a sentence to show; null when it succeeded or none ran. */
  lastError: CalendarFeedError | null;
  lastErrorAt: number | null;
}

export interface CalendarFeeds {
  /**
   * Busy times of the feed at `url` overlapping `window`, read in `timeZone` (the specialist's).
   * Never rejects because of the feed: an outside calendar being down must not take booking
   * down, so failures come back in `error` with the last good copy, or with no busy times.
   * @throws RangeError when `timeZone` is not a time zone.
   */
  busy(url: string, window: { from: number; to: number }, timeZone: string): Promise<FeedBusy>;
  /** The URL as it will be fetched (`webcal://` read as `https://`). @throws CalendarFeedError `invalid_url`. */
  validateUrl(url: string): string;
  /** What the cache knows of the feed at `url` (never fetches). */
  status(url: string): FeedStatus;
  /**
   * Fetches the feed now, whatever its cache age (joining a fetch already in flight), and answers
   * its status. Same limits as any fetch; never rejects because of the feed.
   */
  sync(url: string): Promise<FeedStatus>;
  /** Forgets every cached copy. */
  clear(): void;
}

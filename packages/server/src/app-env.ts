import type { Database } from './db/client.js';
import type { SpecialistRow } from './db/schema.js';
import type { CalendarFeeds } from './providers/calendar-feed/index.js';
import type { SlotCache } from './services/slot-cache.js';

/** Everything the app needs from the outside world; tests pass their own. */
export interface AppDeps {
  database: Database;
  /** Epoch milliseconds now. @default Date.now */
  clock: () => number;
  /** Logs unexpected errors. @default console.error */
  logError: (error: unknown) => void;
  /** Outside calendars' ICS feeds, fetched and cached. */
  calendarFeeds: CalendarFeeds;
  /** Computed slots, keyed by the specialist's availability version. */
  slotCache: SlotCache;
  /** Whether per-client rate limits apply. @default true */
  rateLimits: boolean;
  /** Read the client's address from `x-forwarded-for` (only behind a proxy you run). @default false */
  trustProxy: boolean;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** The specialist an API key authenticated, on `/v1/me/*`. */
    specialist: SpecialistRow;
  };
}

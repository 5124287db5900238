import type { Database } from './db/client.js';
import type { SpecialistRow } from './db/schema.js';
import type { CalendarFeeds } from './providers/calendar-feed/index.js';
import type { PaymentsProvider } from './providers/payments/index.js';
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
  /** Stripe, or the offline test-payments mode (never in production). */
  payments: PaymentsProvider;
  /** Computed slots, keyed by the specialist's availability version. */
  slotCache: SlotCache;
  /** How long a priced booking holds its time while awaiting payment, minutes. @default 15 */
  holdMinutes: number;
  /** Unpaid holds one client (address or email) may have at once. @default 3 */
  maxHoldsPerClient: number;
  /** Whether per-client rate limits apply. @default true */
  rateLimits: boolean;
  /** Read the client's address from `x-forwarded-for` (only behind a proxy you run). @default false */
  trustProxy: boolean;
  /** Signs access tokens (HS256). @default a random secret per app: tokens die with the process */
  jwtSecret: string;
  /** PBKDF2-HMAC-SHA256 iterations for new password hashes. @default 600000 (OWASP); Cloudflare Workers allow 100000 at most */
  kdfIterations: number;
}

/** Who is calling: a secret API key, or a logged-in account's access token. */
export type Principal =
  | { kind: 'apiKey'; apiKeyId: string; specialistId: string }
  | { kind: 'accessToken'; accountId: string; role: 'specialist' | 'operator'; specialistId: string | null };

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** The specialist an API key or access token authenticated, on `/v1/me/*`. */
    specialist: SpecialistRow;
    /** The credentials behind the request, on `/v1/me/*` and `/v1/operator/*`. */
    principal: Principal;
  };
}

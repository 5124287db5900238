import type { Database } from '../db/client.js';
import type { CalendarFeeds } from './availability/calendar-port.js';
import type { PaymentsProvider } from './payments/port.js';
import type { SlotCache } from './availability/slot-cache.js';
import type { Log } from './log.js';
import type { MailTransport } from './mail/port.js';
import type { JoinWindowOptions } from './meetings/join.js';
import type { MeetingProvider } from './meetings/port.js';
import type { SmsTransport } from './sms/port.js';

/**
 * What every use-case may use, passed in as its first argument — never read from a module or
 * the environment. The HTTP app, the scheduler, an edge cron handler and a CLI build one and call
 * services with it; tests pass their own clock, database and providers.
 */
export interface ServiceDeps {
  database: Database;
  /** Epoch milliseconds now. */
  clock: () => number;
  /** Structured log lines (JSON in production): scheduler runs, provider calls, requests. */
  log: Log;
  /** Logs unexpected errors that a use-case survives (a provider down, a retry scheduled). */
  logError: (error: unknown) => void;
  /** Outside calendars' ICS feeds, fetched and cached. */
  calendarFeeds: CalendarFeeds;
  /** Stripe, the offline test-payments mode (demo and tests), or payments switched off. */
  payments: PaymentsProvider;
  /** Computed slots, keyed by the specialist's availability version. */
  slotCache: SlotCache;
  /** How long a priced booking holds its time while awaiting payment, minutes. */
  holdMinutes: number;
  /**
   * How long after a confirmed session's end the scheduler marks it `completed` (time for the
   * specialist to mark a no-show first). @default 2 hours
   */
  completeAfterMs?: number;
  /** Unpaid holds one visitor (the widget's visitor id) or one customer email may have at once. */
  maxHoldsPerClient: number;
  /**
   * Unpaid holds one network address may have at once, whoever the visitors behind it are: a much
   * larger bound, since offices and mobile carriers put many people behind one address. @default 20
   */
  maxHoldsPerAddress?: number;
  /** Signs access tokens (HS256). */
  jwtSecret: string;
  /**
   * PBKDF2-HMAC-SHA256 iterations for new password hashes (Cloudflare Workers allow 100000 at most).
   * A sign-in whose stored hash costs more is rehashed at this count.
   */
  kdfIterations: number;
  /**
   * The most iterations this runtime runs (Workers: 100000); a stored hash above it answers
   * `password_rehash_required`. @default no limit (Node)
   */
  maxKdfIterations?: number;
  /** Sends email (SMTP, an HTTP mail API, or mail off). */
  mail: MailTransport;
  /** Messages come from this address (`Slotwise <bookings@example.com>`). */
  mailFrom: string;
  /** Video meetings by provider: Jitsi (the default, no account) and Zoom when configured. */
  meetings: { jitsi: MeetingProvider; zoom?: MeetingProvider; /** The Zoom app's Secret Token, when Zoom's webhooks are on (cloud recordings). */ zoomWebhookSecret?: string };
  /** When a booking's customer sees its meeting link: from shortly before the start until the end. */
  joinWindow: JoinWindowOptions;
  /** Text messages, when configured (off by default). */
  sms?: SmsTransport;
  /** Outgoing webhooks are posted with this (on Node: refuses private addresses at connect time). */
  webhookFetch: typeof fetch;
  /** Development only: lets webhook endpoints on loopback addresses be registered. @default false */
  allowLoopbackWebhooks: boolean;
  /** Seals secrets the server must read back (webhook signing secrets). */
  secretsKey: string;
  /**
   * Where links in messages point: the API (receipts, calendar files) and the page that shows a
   * booking to its customer (the widget's manage view: `#slotwise-booking=…&slotwise-token=…` is
   * set as the fragment, which reaches no server) — one page for every specialist when `manage` is
   * set (a server for one practice, on its own site), else each specialist's hosted page `/{handle}`.
   */
  links: { api: string; manage?: string };
}

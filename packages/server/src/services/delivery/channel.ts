import type { Query } from '../../db/shaped.js';
import type { Reader } from '../../db/client.js';
import type { DeliveryRow, OutboxRow } from '../../db/schema.js';
import type { bookingSnapshot } from '../bookings/road.js';
import type { ServiceDeps } from '../deps.js';
import type { AccountEventPayload, AccountEventType } from '../accounts/account-events.js';
import type { PackageEventPayload } from '../packages/outbox.js';
import type { AccessEventPayload } from '../customers/access-events.js';
import type { ReviewEventPayload } from '../reviews/review-events.js';

export type ChannelName = 'email' | 'sms' | 'webhook' | 'meeting' | 'in_app';

/** What a booking change's outbox row carries: the change (`event`) and the booking as it is after it. */
export interface BookingEvent extends Omit<OutboxRow, 'payload' | 'topic' | 'bookingId' | 'eventId'> {
  /** `booking.<event type>` */
  topic: `booking.${string}`;
  bookingId: string;
  eventId: string;
  payload: {
    event: { id: string; type: string; action: string; from: string | null; to: string; actor: string; reason: string | null; data: Record<string, unknown> | null; at: string };
    booking: ReturnType<typeof bookingSnapshot>;
  };
}

/** A package's event (`package.purchased`, `credits.low`): no booking, the purchase instead. */
export interface PackageEvent extends Omit<OutboxRow, 'payload' | 'topic' | 'purchaseId'> {
  topic: PackageEventPayload['event']['type'];
  purchaseId: string;
  payload: PackageEventPayload;
}

/** An account's event (`account.password_reset`, `account.email_verification`): an email to its owner, nothing else. */
export interface AccountEvent extends Omit<OutboxRow, 'payload' | 'topic' | 'accountId'> {
  topic: AccountEventType;
  accountId: string;
  payload: AccountEventPayload;
}

/** A customer's "My bookings" link (`customer.my_bookings_link`): one email to that address, nothing else. */
export interface AccessEvent extends Omit<OutboxRow, 'payload' | 'topic'> {
  topic: AccessEventPayload['event']['type'];
  payload: AccessEventPayload;
}

/** A review's event: `review.created` (a webhook event), `review.answered` (a webhook event, and an email to the customer who wrote it). Its booking is named, never changed. */
export interface ReviewEvent extends Omit<OutboxRow, 'payload' | 'topic' | 'bookingId'> {
  topic: ReviewEventPayload['event']['type'];
  bookingId: string;
  payload: ReviewEventPayload;
}

/**
 * One outbox row as the channels read it. Every channel must cope with every topic: a channel
 * that only acts on booking changes asks `isBookingEvent` first and plans nothing for the rest.
 */
export type OutboxEvent = BookingEvent | PackageEvent | AccountEvent | AccessEvent | ReviewEvent;

export const isBookingEvent = (event: OutboxEvent): event is BookingEvent => event.topic.startsWith('booking.');
export const isAccountEvent = (event: OutboxEvent): event is AccountEvent => event.topic.startsWith('account.');
export const isAccessEvent = (event: OutboxEvent): event is AccessEvent => event.topic === 'customer.my_bookings_link';
export const isReviewEvent = (event: OutboxEvent): event is ReviewEvent => event.topic.startsWith('review.');

/** One delivery a channel wants made; `id` is assigned up front so another draft can wait for it. */
export interface DeliveryDraft {
  id: string;
  channel: ChannelName;
  kind: string;
  recipient: string;
  /** Stable per change × channel × recipient: a second plan of the same change makes nothing new. */
  idempotencyKey: string;
  data: Record<string, unknown>;
  /** Not before this instant (reminders); the plan's `now` when omitted. */
  dueAt?: number;
  /** Another draft (or delivery) to be done first, e.g. the meeting before the invite that shows it. */
  waitsFor?: string;
}

export interface PlanContext {
  now: number;
  /** The configuration a plan may depend on (is mail on? is Zoom set up?); no I/O inside the plan. */
  deps: ServiceDeps;
  /** What the channels before this one planned for the same event (meetings plan first). */
  planned: readonly DeliveryDraft[];
  /**
   * What was planned for the events before this one in the same round, not written yet (they go in
   * one batch): a plan that waits for another booking's delivery looks here as well as in the table.
   */
  round?: readonly { bookingId: string | null; draft: DeliveryDraft }[];
  /**
   * A write of the channel's own rows that rides in the planning batch, BEFORE this event's new
   * deliveries are inserted (e.g. cancelling reminders still pending for a moved booking). Build
   * it on `deps.database.db`, do not await it: planning writes nothing until the batch goes.
   */
  also(query: Query): void;
  /**
   * Reads once per round what many of its events read alike (a specialist's webhook endpoints, a
   * service): `read` runs for the first event that asks under `key`, the rest share its answer.
   * Only for what no event of the round writes — the round's writes all go after its reads.
   */
  once: Once;
}

/** A memo of reads, keyed by what they read (`'service:' + id`). */
export type Once = <T>(key: string, read: () => Promise<T>) => Promise<T>;

/** A fresh memo for one round or one claim: the same key read once (fifty bookings' webhook endpoints of one specialist). */
export function memo(): Once {
  const reads = new Map<string, Promise<unknown>>();
  return <T>(key: string, read: () => Promise<T>) => {
    let value = reads.get(key) as Promise<T> | undefined;
    // Resolved once here: a drizzle query is a thenable that runs again each time it is awaited.
    if (!value) reads.set(key, (value = Promise.resolve(read())));
    return value;
  };
}

/** What a send may share with the other sends of its claim (a batch of deliveries sent together). */
export interface SendContext {
  /** Reads once per claim what several of its sends read alike (the specialist's zone of fifty notices). */
  once: Once;
}

/** A failure the dispatcher acts on: retried with backoff when `retryable`, dead at once otherwise. */
export class DeliveryFailure extends Error {
  readonly retryable: boolean;
  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeliveryFailure';
    this.retryable = options.retryable;
  }
}

/** How a send ended when it did not throw. */
export interface SendOutcome {
  /** `skipped`: nothing was sent, on purpose (a reminder for a moved booking, a disabled endpoint). */
  status?: 'sent' | 'skipped';
  /** What the provider answered: a Message-ID, a meeting id, an HTTP status. */
  providerRef?: string;
  /**
   * Rows the send consists of (the app's notice), written in the same batch as the delivery's
   * outcome: both or neither, so a crash in between never leaves a notice its delivery will make again.
   */
  writes?: Query[];
}

/**
 * One way of reaching someone (email, SMS, a webhook, a meeting provider, the app). A channel
 * plans its deliveries for each outbox event from a snapshot read (`db`; it may add a write of its
 * own pending deliveries with `ctx.also`), written by the dispatcher as one guarded batch, and
 * sends one delivery at a time outside any transaction, through the ports in `deps`.
 */
export interface DeliveryChannel {
  readonly name: ChannelName;
  plan(db: Reader, event: OutboxEvent, ctx: PlanContext): Promise<DeliveryDraft[]>;
  send(delivery: DeliveryRow, deps: ServiceDeps, ctx?: SendContext): Promise<SendOutcome | void>;
  /** How long after its first due time a delivery is retried before it is dead. @default 1 day */
  retryForMs?: number;
  /** Called once when a delivery of this channel is given up (dead), e.g. to tell the specialist. */
  onDead?(delivery: DeliveryRow, deps: ServiceDeps): Promise<void>;
  /**
   * Its sends go to endpoints nobody here runs (a specialist's webhook URLs), so a slow one may
   * finish after its round (`SEND_PATIENCE_MS`) rather than hold up everyone's deliveries behind
   * it. Channels to the platform's own providers (mail, SMS, meetings) keep their order: a
   * round waits for all of their sends. @default false
   */
  readonly mayFinishLate?: boolean;
}

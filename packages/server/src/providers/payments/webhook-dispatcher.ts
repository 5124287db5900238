import { signEvent, type SignedEvent } from './events.js';
import type { EventObject } from './simulator/objects.js';

/**
 * The events Slotwise's webhook endpoint subscribes to. Configure a Stripe endpoint with these
 * (and a Connect endpoint with `account.updated`); the offline mode and the fake deliver only these.
 */
export const WEBHOOK_EVENTS = [
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'charge.refunded',
  'refund.updated',
  'refund.failed',
  'account.updated',
] as const;

export interface DeliveryRecord {
  eventId: string;
  type: string;
  ok: boolean;
  /** The endpoint's HTTP status, when it answered. */
  status?: number;
  error?: string;
}

export interface DispatcherOptions {
  /** Delivers one signed event; throws (or rejects) when the endpoint did not accept it. */
  send(signed: SignedEvent): Promise<{ status?: number } | void>;
  /** The secrets to sign with, read at each delivery (they may be rolled meanwhile). */
  secrets(): readonly string[];
  /** Milliseconds since the epoch: the signature's timestamp. */
  clock(): number;
  /** Event types delivered; `['*']` for all. @default WEBHOOK_EVENTS */
  enabledEvents?: readonly string[];
}

/**
 * Delivers events like Stripe does, after the API call that caused them and one at a time, and
 * lets a test reshape that: hold deliveries and release them (reversed, to test ordering), or
 * deliver any event again (a duplicate). Failed deliveries are kept and can be retried.
 */
export class WebhookDispatcher {
  readonly log: DeliveryRecord[] = [];
  /** Events whose last delivery failed, oldest first. */
  readonly failed: EventObject[] = [];
  readonly #options: DispatcherOptions;
  readonly #enabled: ReadonlySet<string>;
  #held: EventObject[] | undefined;
  #chain: Promise<unknown> = Promise.resolve();

  constructor(options: DispatcherOptions) {
    this.#options = options;
    this.#enabled = new Set(options.enabledEvents ?? WEBHOOK_EVENTS);
  }

  isEnabled(type: string): boolean {
    return this.#enabled.has('*') || this.#enabled.has(type);
  }

  /** Queues an event for delivery (dropped when its type is not enabled). */
  enqueue(event: EventObject): void {
    if (!this.isEnabled(event.type)) return;
    if (this.#held) this.#held.push(event);
    else this.#schedule(event);
  }

  /** Keeps later events back until `release()`. */
  hold(): void {
    this.#held ??= [];
  }

  /** Delivers the held events, in order or reversed, and resumes normal delivery. */
  async release(options: { reverse?: boolean } = {}): Promise<void> {
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const event of options.reverse ? [...held].reverse() : held) this.#schedule(event);
    await this.settled();
  }

  /** Delivers one event now (again, if it was delivered before), optionally signed at another time or with other secrets. */
  async deliver(event: EventObject, options: { timestamp?: number; secrets?: readonly string[] } = {}): Promise<DeliveryRecord> {
    const secrets = options.secrets ?? this.#options.secrets();
    const signed = await signEvent(event, secrets, options.timestamp ?? Math.floor(this.#options.clock() / 1000));
    let record: DeliveryRecord;
    try {
      const result = await this.#options.send(signed);
      record = { eventId: event.id, type: event.type, ok: true, ...(result?.status === undefined ? {} : { status: result.status }) };
      const index = this.failed.indexOf(event);
      if (index !== -1) this.failed.splice(index, 1);
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      record = { eventId: event.id, type: event.type, ok: false, error: String((error as Error).message ?? error), ...(typeof status === 'number' ? { status } : {}) };
      if (!this.failed.includes(event)) this.failed.push(event);
    }
    this.log.push(record);
    return record;
  }

  /** Sends every failed event again, oldest first; answers how many were accepted. */
  async retryFailed(): Promise<number> {
    await this.settled();
    let accepted = 0;
    for (const event of [...this.failed]) if ((await this.deliver(event)).ok) accepted += 1;
    return accepted;
  }

  /** Resolves when every scheduled delivery has been attempted. */
  async settled(): Promise<void> {
    let chain: Promise<unknown>;
    do {
      chain = this.#chain;
      await chain;
    } while (chain !== this.#chain);
  }

  #schedule(event: EventObject): void {
    // After the current call stack: the API answer that caused the event goes out first.
    this.#chain = this.#chain.then(() => new Promise((resolve) => setTimeout(resolve, 0))).then(() => this.deliver(event));
  }
}

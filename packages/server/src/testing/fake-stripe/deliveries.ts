import type { SignedEvent } from '../../providers/payments/events.js';
import type { EventObject } from '../../providers/payments/simulator/index.js';
import { WebhookDispatcher, type DeliveryRecord } from '../../providers/payments/webhook-dispatcher.js';

export type WebhookHandler = (signed: SignedEvent) => Promise<{ status: number }>;

export interface DeliveryTarget {
  url?: string | undefined;
  handler?: WebhookHandler | undefined;
}

export interface DeliveriesOptions {
  clock: () => number;
  enabledEvents?: readonly string[] | undefined;
  /** The platform endpoint, read at each delivery (the test may set it after start). */
  platform: () => DeliveryTarget;
  platformSecrets: () => readonly string[];
  /** A Connect endpoint for connected accounts' events. */
  connect?: { url: string; secret: string } | undefined;
}

const refused = (status: number) => Object.assign(new Error(`The webhook endpoint answered ${status}`), { status });

/** POSTs like Stripe's webhook sender: the raw JSON body, `Stripe-Signature`, Stripe's user agent. */
async function post(url: string, signed: SignedEvent): Promise<{ status: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': signed.header, 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
    body: signed.payload,
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  if (!response.ok) throw refused(response.status);
  return { status: response.status };
}

function dispatcher(options: DeliveriesOptions, target: () => DeliveryTarget, secrets: () => readonly string[]) {
  return new WebhookDispatcher({
    clock: options.clock,
    secrets,
    ...(options.enabledEvents === undefined ? {} : { enabledEvents: options.enabledEvents }),
    async send(signed) {
      const { url, handler } = target();
      if (handler) {
        const { status } = await handler(signed);
        if (status < 200 || status > 299) throw refused(status);
        return { status };
      }
      if (!url) throw new Error('The fake Stripe has no webhook URL to deliver to.');
      return post(url, signed);
    },
  });
}

/**
 * The fake's webhook endpoints: the platform one and, optionally, a Connect one that gets the
 * events of connected accounts (those with `account`), each with its own secret, as on Stripe.
 */
export function createDeliveries(options: DeliveriesOptions) {
  const platform = dispatcher(options, options.platform, options.platformSecrets);
  const { connect: connectTarget } = options;
  const connect = connectTarget ? dispatcher(options, () => ({ url: connectTarget.url }), () => [connectTarget.secret]) : undefined;
  const of = (event: EventObject) => (event.account !== undefined && connect ? connect : platform);
  const all = connect ? [platform, connect] : [platform];
  return {
    enqueue(event: EventObject) {
      const target = options.platform();
      if (of(event) === platform && !target.url && !target.handler) return;
      of(event).enqueue(event);
    },
    deliver: (event: EventObject, opts: { timestamp?: number; secrets?: readonly string[] } = {}) => of(event).deliver(event, opts),
    hold: () => all.forEach((d) => d.hold()),
    release: async (opts: { reverse?: boolean } = {}) => {
      for (const d of all) await d.release(opts);
    },
    settled: async () => {
      for (const d of all) await d.settled();
    },
    log: (): DeliveryRecord[] => all.flatMap((d) => d.log),
  };
}

import type { Database } from '../../db/client.js';
import { newSecretToken } from '../../services/ids.js';
import { createTestPayments, type TestPayments } from './test-mode.js';
import { databaseSimulatorStore } from './test-mode-store.js';

/** Anything that answers a request the way the app does (`app.request`). */
export interface WebhookTarget {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

export interface OfflinePayments {
  payments: TestPayments;
  /** Where its signed events go: the app's own `/v1/webhooks/stripe`. Call once the app exists. */
  deliverTo(app: WebhookTarget): void;
}

/**
 * The offline test-payments mode as the demo and the tests run it: the simulated Stripe account
 * kept in the app's database (a restart keeps its intents; two processes share it), and its
 * signed events delivered to the app's own webhook endpoint — so payments take exactly the path
 * they take with Stripe. Refused when `nodeEnv` is `production`.
 *
 * @example
 * const offline = offlinePayments(database, { clock: Date.now, nodeEnv: process.env.NODE_ENV });
 * const app = createApp({ database, payments: offline.payments });
 * offline.deliverTo(app);
 */
export function offlinePayments(database: Database, options: { clock: () => number; nodeEnv: string | undefined }): OfflinePayments {
  let target: WebhookTarget | undefined;
  const payments = createTestPayments({
    nodeEnv: options.nodeEnv,
    webhookSecret: newSecretToken('whsec'),
    clock: options.clock,
    store: databaseSimulatorStore(database, options.clock),
    emit: async ({ payload, header }) => {
      if (!target) throw new Error('offline payments: no app to deliver webhooks to yet (call deliverTo)');
      const res = await target.request('/v1/webhooks/stripe', { method: 'POST', body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': header } });
      if (!res.ok) throw new Error(`test webhook answered ${res.status}`);
    },
  });
  return {
    payments,
    deliverTo(app) {
      target = app;
    },
  };
}

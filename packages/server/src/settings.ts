import { createStripePayments, paymentsDisabled, type PaymentsProvider } from './providers/payments/index.js';
import type { Log } from './services/log.js';
import type { SlotCacheOptions } from './services/availability/slot-cache.js';

// Kept apart so `main.ts` can read PORT and HOST before loading the API (see `listen.ts`).
export { flag, integer, longEnoughSecret } from './env-values.js';
import { integer, type Env } from './env-values.js';

/*
 * Reading settings from an environment (Node's `process.env`, a Worker's bindings): the parts
 * both entries share, free of Node modules so the Workers build can include them. Each throws a
 * sentence naming the variable at fault, so a typo stops the start instead of running misconfigured.
 */

export type { Env } from './env-values.js';

/**
 * Payments as the environment says: real Stripe when `STRIPE_SECRET_KEY` is set (with
 * `STRIPE_PUBLISHABLE_KEY` and `STRIPE_WEBHOOK_SECRET` — several comma-separated while rolling,
 * plus the Connect endpoint's); the offline test-payments mode when `SLOTWISE_PAYMENTS=offline`
 * (refused when `NODE_ENV=production`); otherwise payments switched off — free sessions only — with
 * a warning.
 */
export function paymentsFromEnv(env: Env, log?: Log): PaymentsProvider | 'offline' {
  const secretKey = env.STRIPE_SECRET_KEY;
  if (!secretKey) {
    if (env.SLOTWISE_PAYMENTS === 'offline') return 'offline';
    log?.({ level: 'warn', msg: 'STRIPE_SECRET_KEY is not set: payments are off, so only free sessions can be booked.' });
    return paymentsDisabled();
  }
  const publishableKey = env.STRIPE_PUBLISHABLE_KEY;
  const webhookSecrets = (env.STRIPE_WEBHOOK_SECRET ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!publishableKey || webhookSecrets.length === 0) {
    throw new Error('With STRIPE_SECRET_KEY set, also set STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET (whsec_…).');
  }
  return createStripePayments({ secretKey, publishableKey, webhookSecrets });
}

/**
 * The bounds of the slots answers one process (or isolate) keeps in memory:
 * `SLOT_CACHE_MAX_ENTRIES` (1–1,000,000; default 2000) and `SLOT_CACHE_MAX_BYTES` (64 KiB–4 GiB of
 * bodies; default 32 MiB). Both hold at once, least recently used first; unset ones keep the defaults.
 */
export function slotCacheSettings(env: Env): SlotCacheOptions {
  const maxEntries = integer(env, 'SLOT_CACHE_MAX_ENTRIES', 1, 1_000_000);
  const maxBytes = integer(env, 'SLOT_CACHE_MAX_BYTES', 64 * 1024, 4 * 1024 ** 3);
  return { ...(maxEntries === undefined ? {} : { maxEntries }), ...(maxBytes === undefined ? {} : { maxBytes }) };
}

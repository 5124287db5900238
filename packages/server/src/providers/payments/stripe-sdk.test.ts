import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { fromStripeSdkError } from './stripe-errors.js';
import { createStripePayments } from './stripe.js';
import { loadedStripe, loadStripe, STRIPE_API_VERSION } from './stripe-sdk.js';
import { StripeSimulator } from './simulator/index.js';
import { serverSourceFiles, srcDir } from '../../testing/source-files.js';

// The `stripe` SDK is the heaviest module the server carries, and a server without Stripe
// settings never needs it: it is imported on first use only (`stripe-sdk.ts`). The tests in this
// file run in order, in a module graph of their own (vitest isolates each file).

const sources = serverSourceFiles();

describe('the Stripe SDK, loaded on first use', () => {
  it('is not loaded by making a Stripe adapter, nor by the offline simulator; the first webhook check loads it', async () => {
    const payments = createStripePayments({ secretKey: 'sk_test_lazy', publishableKey: 'pk_test_lazy', webhookSecrets: ['whsec_lazy'] });
    const simulator = new StripeSimulator();
    expect(simulator).toBeDefined();
    expect(loadedStripe()).toBeUndefined();
    await expect(payments.verifyWebhook('{}', 't=1,v1=00', Date.now())).rejects.toMatchObject({ code: 'invalid_signature' });
    expect(loadedStripe()).toBe(Stripe);
  });

  it('is the installed SDK, its errors are recognised, and the simulator answers with its API version', async () => {
    expect(await loadStripe()).toBe(Stripe);
    expect(fromStripeSdkError(new Stripe.errors.StripeConnectionError({ message: 'ECONNRESET' }))).toMatchObject({ code: 'network', retryable: true });
    expect(STRIPE_API_VERSION).toBe(Stripe.API_VERSION);
  });

  it('is imported statically by no file of the server (type-only imports aside), so it stays off the start-up path', () => {
    const statically = sources.filter((file) => /^\s*import\s+(?!type\b)[^'"]*from\s*['"]stripe['"]/m.test(readFileSync(join(srcDir, file), 'utf8')));
    expect(sources.length).toBeGreaterThan(100);
    expect(statically).toEqual([]);
  });
});

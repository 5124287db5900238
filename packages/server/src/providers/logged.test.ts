import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../services/log.js';
import { PaymentsError } from '../services/payments/payments-error.js';
import { paymentsDisabled } from './payments/index.js';
import { loggedFetch, loggedPayments } from './logged.js';

describe('provider call logs', () => {
  it('writes one line per payments call: the operation, our idempotency key, the outcome and the provider’s code', async () => {
    const lines: LogEntry[] = [];
    const provider = { ...paymentsDisabled(), retrievePaymentIntent: async (id: string) => ({ id, status: 'succeeded' }) as never };
    const logged = loggedPayments(provider, (entry) => lines.push(entry));
    await logged.retrievePaymentIntent('pi_1');
    await expect(
      logged.createPaymentIntent({ amount: 100, currency: 'EUR', customerEmail: 'ada@example.com', description: 'x', metadata: {}, applicationFeeAmount: 20, destinationAccount: 'acct_1', idempotencyKey: 'booking-bk_1-payment' }),
    ).rejects.toBeInstanceOf(PaymentsError);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', msg: 'provider call', provider: 'payments', op: 'retrievePaymentIntent', outcome: 'ok' }),
      expect.objectContaining({ level: 'warn', op: 'createPaymentIntent', outcome: 'error', code: 'not_configured', idempotencyKey: 'booking-bk_1-payment' }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('ada@example.com');
  });

  it('logs a fetch by its host only: an outside calendar’s secret is in its path', async () => {
    const lines: LogEntry[] = [];
    const fetchLogged = loggedFetch(async () => new Response('x', { status: 404 }), (entry) => lines.push(entry), 'calendar-feed');
    await fetchLogged('https://calendar.example/private/secret-token-123/basic.ics?key=abc');
    expect(lines).toEqual([expect.objectContaining({ provider: 'calendar-feed', host: 'calendar.example', status: 404 })]);
    expect(JSON.stringify(lines)).not.toMatch(/secret-token|key=abc/);
  });
});

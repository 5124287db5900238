import { errorFields, type Log } from '../services/log.js';
import type { PaymentsProvider } from '../services/payments/port.js';

const ms = (started: number) => Math.round((performance.now() - started) * 10) / 10;

/**
 * The payments provider with one structured log line per call: which operation, how long, and
 * how it ended (the provider's error code on failure). Never its arguments or answers — they hold
 * customer emails and client secrets — only the idempotency key, which is an id of ours.
 */
export function loggedPayments(provider: PaymentsProvider, log: Log): PaymentsProvider {
  const wrapped: Record<string, unknown> = { ...provider };
  for (const [op, value] of Object.entries(provider)) {
    if (typeof value !== 'function') continue;
    wrapped[op] = async (...args: unknown[]) => {
      const started = performance.now();
      const key = (args[0] as { idempotencyKey?: unknown } | undefined)?.idempotencyKey ?? (typeof args[1] === 'string' && op === 'cancelPaymentIntent' ? args[1] : undefined);
      const base = { msg: 'provider call', provider: 'payments', mode: provider.mode, op, ...(typeof key === 'string' ? { idempotencyKey: key } : {}) };
      try {
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(provider, args);
        log({ level: 'info', ...base, outcome: 'ok', ms: ms(started) });
        return result;
      } catch (error) {
        const { code, status } = error as { code?: unknown; status?: unknown };
        log({ level: 'warn', ...base, outcome: 'error', ...(code === undefined ? {} : { code }), ...(status === undefined ? {} : { status }), ms: ms(started), ...errorFields(error) });
        throw error;
      }
    };
  }
  return wrapped as unknown as PaymentsProvider;
}

/**
 * A `fetch` that logs one line per call: the host only (an outside calendar's secret lives in
 * its path and query), the status or the failure, and how long it took.
 */
export function loggedFetch(fetchImpl: typeof fetch, log: Log, provider: string): typeof fetch {
  return async (input, init) => {
    const started = performance.now();
    const url = new URL(input instanceof Request ? input.url : String(input));
    try {
      const response = await fetchImpl(input, init);
      log({ level: 'info', msg: 'provider call', provider, host: url.host, status: response.status, ms: ms(started) });
      return response;
    } catch (error) {
      log({ level: 'warn', msg: 'provider call', provider, host: url.host, outcome: 'error', ms: ms(started), error: { name: (error as Error).name, message: (error as Error).message } });
      throw error;
    }
  };
}

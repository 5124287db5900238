import { errorFields, type Log } from '../../services/log.js';
import type { SmsTransport } from '../../services/sms/port.js';

/**
 * The SMS transport with one structured log line per message: how it ended and how long it took,
 * with our idempotency key — never the number or the text (a customer's phone is theirs).
 */
export function loggedSms(transport: SmsTransport, log: Log): SmsTransport {
  return {
    name: transport.name,
    async send(message) {
      const started = performance.now();
      const base = { msg: 'provider call', provider: 'sms', transport: transport.name, op: 'send', idempotencyKey: message.idempotencyKey, ...(message.retrySince === undefined ? {} : { retry: true }) };
      try {
        const receipt = await transport.send(message);
        log({ level: 'info', ...base, outcome: receipt.optedOut ? 'opted_out' : 'ok', ms: Math.round(performance.now() - started) });
        return receipt;
      } catch (error) {
        log({ level: 'warn', ...base, outcome: 'error', ms: Math.round(performance.now() - started), ...errorFields(error) });
        throw error;
      }
    },
  };
}

import { DeliveryFailure } from '../../services/delivery/channel.js';
import type { MailTransport } from '../../services/mail/port.js';

/** No mail: what a server runs without SMTP or a mail API configured. Messages are given up, never claimed sent. */
export function mailOff(): MailTransport {
  return {
    name: 'off',
    async send() {
      throw new DeliveryFailure('No mail transport is configured (set SMTP_URL or a mail API key).', { retryable: false });
    },
  };
}

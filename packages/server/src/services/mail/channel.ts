import type { DeliveryChannel } from '../delivery/channel.js';
import { composeEmail } from './compose.js';
import { planEmails } from './plan.js';

/**
 * Email, to customers and specialists: planned from each booking change (`plan.ts`, which says
 * what goes to whom), rendered when due (`compose.ts`: templates in `templates/`, words in
 * `locales/`) and handed to the configured transport (SMTP, Postmark, the demo's mailbox). A
 * message that should no longer go — a reminder for a moved booking, an address that
 * unsubscribed — ends `skipped`. The dispatcher retries failures with backoff for a day.
 */
export const emailChannel: DeliveryChannel = {
  name: 'email',
  plan: planEmails,
  async send(delivery, deps) {
    const composed = await composeEmail(deps, delivery);
    if ('skip' in composed) {
      deps.log({ level: 'info', msg: 'email skipped', id: delivery.id, kind: delivery.kind, reason: composed.skip });
      return { status: 'skipped' };
    }
    const sent = await deps.mail.send(composed.mail);
    return { providerRef: sent.providerId ?? composed.mail.messageId };
  },
};

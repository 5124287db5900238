import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { accounts } from '../../db/schema.js';
import type { AccountEvent, DeliveryDraft } from '../delivery/channel.js';
import { newDeliveryId } from '../delivery/dispatcher.js';

/**
 * The one email of an account's event, to the account's login email as it is when planned: a
 * reset link (`account.password_reset`) or a verification link (`account.email_verification`).
 * Transactional — no opt-out can stop it — and carrying no token yet: the link's token is minted
 * when it is sent (`account-compose.ts`). The key names the event, never the address (keys are logged).
 */
export async function planAccountEmails(tx: Tx, event: AccountEvent): Promise<DeliveryDraft[]> {
  const [account] = await tx.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, event.accountId));
  if (!account) return [];
  return [{ id: newDeliveryId(), channel: 'email', kind: event.topic, recipient: account.email, idempotencyKey: `${event.id}:email:${event.topic}`, data: { accountId: event.accountId } }];
}

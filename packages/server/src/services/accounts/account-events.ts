import type { Drizzle, Tx } from '../../db/client.js';
import { outbox, type AccountRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { newId } from '../ids.js';

/**
 * The emails about a login: the two its owner may ask for, and the two an operator's decision on
 * the specialist's page sends (`account.suspended`, `account.reactivated`); each is an outbox topic
 * and an email kind of the same name.
 */
export type AccountEventType = 'account.password_reset' | 'account.email_verification' | 'account.suspended' | 'account.reactivated';

/**
 * What an account event's outbox row carries: which account, and nothing secret — the link's token
 * is minted when the email is sent (`account-tokens.ts`), never stored in the clear.
 */
export interface AccountEventPayload {
  event: { id: string; type: AccountEventType; at: string };
  account: { id: string };
}

/**
 * The outbox row that makes an account email go, as a query to write with the change it belongs
 * to (a batch, or awaited in a transaction): the email is
 * planned and sent by the dispatcher like every other message (retries, idempotency by delivery),
 * never from the request. The row names the account (`account_id`); its `specialist_id` is the
 * account's specialist, or the account's own id for an operator (who has none), so deliveries
 * keep a non-null owner that no specialist's list will ever show.
 */
export function accountEventQuery(db: Drizzle | Tx, account: Pick<AccountRow, 'id' | 'specialistId'>, type: AccountEventType, now: number) {
  const id = newId('msg');
  const payload: AccountEventPayload = { event: { id, type, at: isoInstant(now) }, account: { id: account.id } };
  return (db as Drizzle).insert(outbox).values({
    id,
    topic: type,
    bookingId: null,
    eventId: null,
    specialistId: account.specialistId ?? account.id,
    accountId: account.id,
    payload: payload as unknown as Record<string, unknown>,
    createdAt: now,
  });
}

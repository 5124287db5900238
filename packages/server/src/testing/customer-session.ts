import { eq } from 'drizzle-orm';
import { specialists } from '../db/schema.js';
import { mintLinkToken } from '../services/customers/customer-tokens.js';
import type { TestApp } from './test-app.js';

/**
 * A "My bookings" session token of `email` with `handle`, opened as the widget does — through
 * `POST …/my-bookings/session` — from a link token minted as the email would (without the email).
 */
export async function customerSessionFor(t: Pick<TestApp, 'database' | 'json' | 'now'>, email: string, handle = 'demo'): Promise<string> {
  const [specialist] = await t.database.db.select({ id: specialists.id }).from(specialists).where(eq(specialists.handle, handle));
  const link = await mintLinkToken(t.database, specialist!.id, email, t.now());
  const opened = await t.json(`/v1/specialists/${handle}/my-bookings/session`, { body: { token: link } });
  if (opened.status !== 201) throw new Error(`no session: ${JSON.stringify(opened.body)}`);
  return opened.body.sessionToken as string;
}

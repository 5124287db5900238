import type { Drizzle } from '../../db/client.js';
import { outbox } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { newId } from '../ids.js';

/** The outbox topic (and email kind) of a "My bookings" link. */
export const ACCESS_LINK = 'customer.my_bookings_link';

/**
 * What the outbox row of a "My bookings" link carries: whose bookings, and the page the link
 * leads to — never the token, which is minted when the email is sent (`customer-tokens.ts`).
 */
export interface AccessEventPayload {
  event: { id: string; type: typeof ACCESS_LINK; at: string };
  customer: { email: string };
  /** The page the link opens (an allowed origin of the specialist's, or their hosted page); the token goes in its fragment. */
  page: string;
}

/** The outbox row that makes the link's email go, as a query to write (not executed here). */
export function accessLinkQuery(db: Drizzle, specialistId: string, email: string, page: string, now: number) {
  const id = newId('msg');
  const payload: AccessEventPayload = { event: { id, type: ACCESS_LINK, at: isoInstant(now) }, customer: { email }, page };
  return db.insert(outbox).values({ id, topic: ACCESS_LINK, bookingId: null, eventId: null, specialistId, payload: payload as unknown as Record<string, unknown>, createdAt: now });
}

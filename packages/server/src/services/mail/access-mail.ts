import { and, desc, eq } from 'drizzle-orm';
import { bookings, type DeliveryRow, type SpecialistRow } from '../../db/schema.js';
import { LINK_TTL_MS, mintLinkToken } from '../customers/customer-tokens.js';
import type { AccessEvent, DeliveryDraft } from '../delivery/channel.js';
import { newDeliveryId } from '../delivery/dispatcher.js';
import type { ServiceDeps } from '../deps.js';
import { finish, type Composed } from './envelope.js';
import type { AccessEmailKind, KindInfo } from './kinds.js';
import { stringsFor } from './locales/index.js';
import { customerAccessLink } from './templates/index.js';

/** The fragment key the widget reads a "My bookings" link's token from. */
export const ACCESS_FRAGMENT = 'slotwise-my';

/** The one email of a "My bookings" request, to the address it was asked for. Transactional. */
export function planAccessEmail(event: AccessEvent): DeliveryDraft[] {
  const { customer, page } = event.payload;
  return [{ id: newDeliveryId(), channel: 'email', kind: event.topic, recipient: customer.email, idempotencyKey: `${event.id}:email:${event.topic}`, data: { page } }];
}

/**
 * Renders the link's email when it is sent, minting its token then (a short write of its own;
 * older links of the address stop working), so the clear token exists only in this email. In the
 * language of the customer's latest booking with the specialist, else the specialist's.
 */
export async function composeAccessEmail(deps: ServiceDeps, facts: { kind: AccessEmailKind; info: KindInfo; delivery: DeliveryRow; specialist: SpecialistRow }): Promise<Composed> {
  const { delivery, specialist } = facts;
  const email = delivery.recipient;
  const [latest] = await deps.database.db
    .select({ locale: bookings.customerLocale, timeZone: bookings.customerTimeZone })
    .from(bookings)
    .where(and(eq(bookings.specialistId, specialist.id), eq(bookings.customerEmail, email)))
    .orderBy(desc(bookings.createdAt))
    .limit(1);
  const now = deps.clock();
  const token = await mintLinkToken(deps.database, specialist.id, email, now);
  const url = new URL((delivery.data as { page: string }).page);
  url.hash = `${ACCESS_FRAGMENT}=${encodeURIComponent(token)}`;
  const { t, locale } = stringsFor(latest?.locale ?? specialist.locale);
  const written = customerAccessLink({ t, specialist: specialist.name, email, minutes: LINK_TTL_MS / 60_000, url: url.href });
  return finish(deps, { ...facts, t, locale, zone: latest?.timeZone ?? specialist.timeZone }, written, {
    footer: [t.customerAccessLink.footer(specialist.name)],
    from: deps.mailFrom,
    to: email,
  });
}

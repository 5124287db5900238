import type { SpecialistRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { availabilityRules } from '../availability/editor.js';
import { retrieveProfile } from '../catalog/profile.js';
import { myServices } from '../catalog/services.js';
import type { ServiceDeps } from '../deps.js';
import { listMyPackages } from '../packages/offers.js';
import { bookingPages, customerPages, paymentPages, purchasePages, reviewPages } from './pages.js';

/** Names the shape of the JSON export, so a reader of an old file knows what it holds. */
export const EXPORT_FORMAT = 'slotwise.export.v1';

async function* jsonArray<T>(key: string, pages: AsyncIterable<readonly T[]>): AsyncGenerator<string> {
  yield `,${JSON.stringify(key)}:[`;
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield (first ? '' : ',') + page.map((item) => JSON.stringify(item)).join(',');
    first = false;
  }
  yield ']';
}

/**
 * Everything of one specialist as one JSON document, produced in chunks — the small parts (profile,
 * services, availability, packages) first, then bookings (with their events and payment),
 * customers, payments (with refunds), package purchases (with their credits) and reviews, a page at a
 * time (`pages.ts`) — so the document is never whole in memory and a streamed answer sends it
 * as it is read. Holds nothing secret: the parts are the API's own views (no token or key
 * hashes, no webhook secrets, no password hash).
 */
export async function* exportJson(deps: ServiceDeps, specialist: SpecialistRow): AsyncGenerator<string> {
  const [profile, services, availability, packages] = await Promise.all([
    retrieveProfile(deps, specialist),
    myServices(deps, specialist),
    availabilityRules(deps, specialist),
    listMyPackages(deps, specialist),
  ]);
  const head = { format: EXPORT_FORMAT, exportedAt: isoInstant(deps.clock()), profile, services, availability, packages };
  yield JSON.stringify(head).slice(0, -1);
  yield* jsonArray('bookings', bookingPages(deps, specialist));
  yield* jsonArray('customers', customerPages(deps, specialist));
  yield* jsonArray('payments', paymentPages(deps, specialist));
  yield* jsonArray('purchases', purchasePages(deps, specialist));
  yield* jsonArray('reviews', reviewPages(deps, specialist));
  yield '}';
}

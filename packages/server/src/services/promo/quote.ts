import type { PromoQuote } from '@slotwise/sdk/contract';
import { activeServiceFound, activeServiceQuery, chooseDuration, specialistFound, specialistQuery } from '../catalog/catalog.js';
import type { ServiceDeps } from '../deps.js';
import { apply, codeFor } from './apply.js';

/**
 * What promo code `text` does now to `handle`'s service at `duration`: the check a booking form
 * makes before booking, so the customer sees the price they will pay. What depends on the
 * customer (their uses, first booking) is checked by the booking itself. Reads only.
 */
export async function quotePromo(deps: ServiceDeps, handle: string, text: string, query: { service: string; duration?: number | undefined }): Promise<PromoQuote> {
  const db = deps.database.db;
  const specialist = specialistFound((await specialistQuery(db, handle))[0], handle);
  const service = activeServiceFound((await activeServiceQuery(db, specialist.id, query.service))[0], specialist, query.service, 'query');
  const option = chooseDuration(service, query.duration, 'query');
  const code = await codeFor(db, specialist, service, text, deps.clock());
  const applied = apply(code, option.price, service.currency);
  return { code: code.code, price: option.price, amountOff: applied.amountOff, total: applied.price, currency: service.currency, firstBookingOnly: code.firstBookingOnly };
}

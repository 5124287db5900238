import { and, eq, inArray } from 'drizzle-orm';
import { packagePurchases, refunds, services } from '../../db/schema.js';
import { remaining } from '../../domain/credits.js';
import type { ServiceDeps } from '../deps.js';
import { LOW_CREDITS, lotsOfPurchases, mintPurchaseToken } from '../packages/credits.js';
import { finish, fromSpecialist, type Composed, type Facts } from './envelope.js';
import { longWhen, money, zoneLabel } from './format.js';
import type { PackageEmailKind } from './kinds.js';
import { links } from './links.js';
import { stringsFor } from './locales/index.js';
import { staleExpiryReminder, type PackageEmailData } from './package-plan.js';
import { PACKAGE_TEMPLATES } from './templates/index.js';

const DAY_MS = 86_400_000;

/**
 * Renders an email about a package purchase when it is due, from the purchase and its ledger as
 * they are then — so a reminder knows whether credits are still left, and every count is true
 * when it is read — in the customer's language and zone, with a credits token minted for this
 * email (its code, and the link to the credits page). Returns a reason instead when it must not go:
 * an expiry reminder for credits already used or expired, a low balance that a returned credit lifted.
 */
export async function composePackageEmail(deps: ServiceDeps, facts: Omit<Facts, 't' | 'locale' | 'zone'>): Promise<Composed> {
  const { kind, delivery, specialist } = facts;
  const db = deps.database.db;
  const now = deps.clock();
  const data = delivery.data as unknown as PackageEmailData;
  const [purchase] = await db.select().from(packagePurchases).where(eq(packagePurchases.id, data.purchase.id));
  if (!purchase) return { skip: 'the purchase is gone' };
  const lots = await lotsOfPurchases(db, [purchase]);
  const left = lots.reduce((sum, lot) => sum + remaining(lot, now), 0);
  const lot = lots.find((l) => l.id === data.lot.id);
  if (kind === 'customer.credits_expiring') {
    const stale = staleExpiryReminder(lot && { expiresAt: lot.expiresAt, left: remaining(lot, now) }, data.days ?? 0, now);
    if (stale) return { skip: stale };
  }
  if (kind === 'customer.credits_low' && left > LOW_CREDITS) return { skip: 'a credit was given back meanwhile' };
  if (kind === 'customer.package_refunded') {
    // A refund that failed since it was planned must not tell of money on its way.
    const [refund] = await db.select({ status: refunds.status }).from(refunds).where(eq(refunds.id, data.refund!.id));
    if (refund?.status !== 'succeeded') return { skip: 'the refund did not go through' };
  }

  const { t, locale } = stringsFor(purchase.customerLocale);
  const zone = purchase.customerTimeZone;
  const expiresAt = lot?.expiresAt ?? Date.parse(data.lot.expiresAt);
  const covered = await db
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(and(inArray(services.id, purchase.serviceIds), eq(services.specialistId, specialist.id), eq(services.active, true)));
  const names = purchase.serviceIds.flatMap((id) => covered.filter((s) => s.id === id).map((s) => s.name)); // in the package's order
  const code = left > 0 ? await mintPurchaseToken(deps.database, purchase.id, 'email', now) : undefined;
  const written = PACKAGE_TEMPLATES[kind as PackageEmailKind]({
    t,
    purchase: {
      package: data.purchase.packageName,
      specialist: specialist.name,
      customer: purchase.customerName,
      sessions: purchase.sessionCount,
      paid: purchase.price > 0 ? money(purchase.price, purchase.currency, locale) : null,
      validityDays: purchase.validityDays,
      services: names,
      remaining: kind === 'customer.credits_expiring' && lot ? remaining(lot, now) : left,
      expires: longWhen(expiresAt, zone, locale),
      expiresShort: new Intl.DateTimeFormat(locale, { timeZone: zone, day: 'numeric', month: 'short' }).format(expiresAt),
      zone: zoneLabel(zone, expiresAt, locale),
      daysLeft: Math.max(1, Math.round((expiresAt - now) / DAY_MS)),
    },
    ...(data.refund && data.credits ? { refund: { amount: money(data.refund.amount, data.refund.currency, locale), ...data.credits, test: deps.payments.mode === 'test' } } : {}),
    ...(code ? { code } : {}),
    links: code ? { credits: links.credits(deps, code), book: links.bookWithCredits(deps, specialist.handle, code) } : {},
  });
  return finish(deps, { ...facts, t, locale, zone }, written, {
    footer: [t.common.footerPackage(specialist.name)],
    ...(await fromSpecialist(deps, specialist)),
    to: delivery.recipient,
  });
}

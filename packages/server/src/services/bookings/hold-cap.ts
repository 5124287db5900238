import { and, count, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { bookings } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';

export interface HoldLimits {
  /** Live holds per visitor id or per customer email (in any case). */
  perVisitor: number;
  /** Live holds per network address, whoever is behind it. */
  perAddress: number;
}

export interface HoldAsker {
  /** SHA-256 of the client's network address. */
  clientHash: string;
  /** SHA-256 of the widget's visitor id; absent for API clients. */
  visitorHash?: string | undefined;
  email: string;
}

export const holdLimits = (deps: Pick<ServiceDeps, 'maxHoldsPerClient' | 'maxHoldsPerAddress'>): HoldLimits => ({
  perVisitor: deps.maxHoldsPerClient,
  perAddress: Math.max(deps.maxHoldsPerAddress ?? 20, deps.maxHoldsPerClient),
});

const live = (now: number, who: SQL | undefined) => and(eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, now), who);

const byPerson = (asker: HoldAsker) => {
  const email = eq(sql`lower(${bookings.customerEmail})`, asker.email.toLowerCase());
  return asker.visitorHash ? or(eq(bookings.visitorHash, asker.visitorHash), email) : email;
};

/**
 * `assertHoldsBelow`'s bounds as one condition the database checks — the guard of a hold written
 * in a batch (`bookings/create.ts`): holds are counted across specialists, so the availability
 * version does not cover them, and two of one person's holds racing must not both pass.
 */
export function holdsStillAllowed(limits: HoldLimits, asker: HoldAsker, now: number): SQL {
  const n = (who: SQL | undefined) => sql`(select count(*) from ${bookings} where ${live(now, who)})`;
  return sql`(${n(byPerson(asker))} < ${limits.perVisitor} and ${n(eq(bookings.clientHash, asker.clientHash))} < ${limits.perAddress})`;
}

type HoldCounts = [[{ n: number }], [{ n: number }]];

/** The two counts `assertHoldsBelow` checks (the person's live holds, the address's), for a read batch. */
export const holdCountQueries = (db: Drizzle | Tx, asker: HoldAsker, now: number) =>
  [byPerson(asker), eq(bookings.clientHash, asker.clientHash)].map((who) => db.select({ n: count() }).from(bookings).where(live(now, who)));

/**
 * Bounds the unpaid holds one person may have at once, so nobody can block a calendar without
 * paying. A person is their visitor id (kept in their browser by the widget) or their email — not
 * their network address, which an office or a mobile carrier shares among many visitors: the
 * address only gets a much larger bound (`perAddress`), for clients that send no visitor id.
 * A hold the customer released (`/release`) is `expired` and no longer counts.
 *
 * Checked on the rows of `holdCountQueries` (read with the booking's snapshot).
 *
 * @throws ServiceError `too_many_holds` (429) with a sentence that says how to get out of it.
 */
export function assertHoldsBelow(limits: HoldLimits, [[mine], [fromAddress]]: HoldCounts): void {
  if (mine.n >= limits.perVisitor) {
    throw new ServiceError('too_many_holds', t('too_many_holds', { n: mine.n }));
  }
  if (fromAddress.n >= limits.perAddress) {
    throw new ServiceError('too_many_holds', t('too_many_holds.network', { n: fromAddress.n }));
  }
}

import type { Database } from '../../db/client.js';
import type { ServiceRow, SpecialistRow } from '../../db/schema.js';
import { DAY_MS } from '../../domain/civil.js';
import { feedsQuery } from '../availability/rules.js';
import { activeServiceFound, activeServiceQuery, specialistFound, specialistIdOf, specialistQuery } from '../catalog/catalog.js';
import type { HoldAsker } from './hold-cap.js';
import { moneyFacts, moneyQueries, type MoneyFacts } from './money-facts.js';
import { creditFacts, creditQueries, type CreditFacts } from '../packages/credit-spend.js';
import { promoFacts, promoQueries, type PromoFacts } from '../promo/promo-facts.js';
import { slotFactsQueries, toSlotFacts, type SlotFacts } from './slot-check.js';
import { remember, type Warm } from './warm.js';

/**
 * What a creation reads about the calendar, as ONE read batch (`Database.read`): one round trip to
 * a remote database, one consistent snapshot. The specialist's row carries the availability
 * version the guarded write checks; every other query keys on the handle, so none waits for it.
 * What the request brings adds to the same batch (`SnapshotExtras`): what taking money needs, a
 * credits token's purchase and ledger, a promo code and its uses.
 */
export interface Snapshot {
  specialist: SpecialistRow;
  service: ServiceRow;
  feeds: string[];
  facts: SlotFacts;
  money: MoneyFacts | undefined;
  /** With a credits token: its purchase and ledger (`packages/credit-spend.ts`). */
  credit: CreditFacts | undefined;
  /** With a promo code: the code and its uses (`promo/promo-facts.ts`). */
  promo: PromoFacts | undefined;
  /** The rules read, as remembered (`warm.ts`). */
  warm: Warm;
}

export interface SnapshotRequest {
  specialist: string;
  service: string;
}

/** What else rides in the batch: the money facts (`asker`), a credits token's, a promo code's. */
export interface SnapshotExtras {
  asker?: HoldAsker | undefined;
  creditTokenHash?: string | undefined;
  promo?: { text: string; email: string } | undefined;
}

export async function snapshot(database: Database, input: SnapshotRequest, start: number, now: number, extras: SnapshotExtras): Promise<Snapshot> {
  const db = database.db;
  const who = specialistIdOf(input.specialist);
  const { asker, creditTokenHash, promo } = extras;
  const money = asker ? moneyQueries(db, who, asker, now) : [];
  const credit = creditTokenHash ? creditQueries(db, creditTokenHash) : [];
  const code = promo ? promoQueries(db, who, promo.text, promo.email, now) : [];
  // The longest session is 8 hours: a day after the start covers the candidate's end.
  const [[specialistRow], [serviceRow], feeds, ...rest] = (await database.read([
    specialistQuery(db, input.specialist),
    activeServiceQuery(db, who, input.service),
    feedsQuery(db, who),
    ...money,
    ...credit,
    ...code,
    ...slotFactsQueries(db, who, input.service, start, start + DAY_MS),
  ])) as [SpecialistRow[], ServiceRow[], { url: string }[], ...unknown[]];
  const specialist = specialistFound(specialistRow, input.specialist);
  const service = activeServiceFound(serviceRow, specialist, input.service, 'body');
  const take = (n: number) => rest.splice(0, n);
  const facts = {
    money: asker ? moneyFacts(take(money.length)) : undefined,
    credit: creditTokenHash ? creditFacts(take(credit.length)) : undefined,
    promo: promo ? promoFacts(take(code.length)) : undefined,
  };
  const urls = feeds.map((f) => f.url);
  const slotFacts = toSlotFacts(specialist, service, rest, now);
  const warm = { rulesVersion: specialist.rulesVersion, specialist, service, feeds: urls, availability: slotFacts.availability };
  remember(database, warm);
  return { specialist, service, feeds: urls, facts: slotFacts, ...facts, warm };
}

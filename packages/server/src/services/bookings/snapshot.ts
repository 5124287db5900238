import type { Database } from '../../db/client.js';
import type { ServiceRow, SpecialistRow } from '../../db/schema.js';
import { DAY_MS } from '../../domain/civil.js';
import { feedsQuery } from '../availability/rules.js';
import { activeServiceFound, activeServiceQuery, specialistFound, specialistIdOf, specialistQuery } from '../catalog/catalog.js';
import type { HoldAsker } from './hold-cap.js';
import { moneyFacts, moneyQueries, MONEY_QUERIES, type MoneyFacts } from './money-facts.js';
import { creditFacts, creditQueries, CREDIT_QUERIES, type CreditFacts } from '../packages/credit-spend.js';
import { slotFactsQueries, toSlotFacts, type SlotFacts } from './slot-check.js';
import { remember, type Warm } from './warm.js';

/**
 * What a creation reads about the calendar, as ONE read batch (`Database.read`): one round trip to
 * a remote database, one consistent snapshot. The specialist's row carries the availability
 * version the guarded write checks; every other query keys on the handle, so none waits for it.
 * With `asker` (a booking no credit pays for), what taking money needs rides in the same batch;
 * with `creditTokenHash`, the credits token's purchase and ledger do.
 */
export interface Snapshot {
  specialist: SpecialistRow;
  service: ServiceRow;
  feeds: string[];
  facts: SlotFacts;
  money: MoneyFacts | undefined;
  /** With a credits token: its purchase and ledger (`packages/credit-spend.ts`). */
  credit: CreditFacts | undefined;
  /** The rules read, as remembered (`warm.ts`). */
  warm: Warm;
}

export interface SnapshotRequest {
  specialist: string;
  service: string;
}

export async function snapshot(database: Database, input: SnapshotRequest, start: number, now: number, pays: { asker: HoldAsker } | { creditTokenHash: string }): Promise<Snapshot> {
  const db = database.db;
  const who = specialistIdOf(input.specialist);
  const asker = 'asker' in pays ? pays.asker : undefined;
  const extra = asker ? moneyQueries(db, who, asker, now) : creditQueries(db, (pays as { creditTokenHash: string }).creditTokenHash);
  // The longest session is 8 hours: a day after the start covers the candidate's end.
  const [[specialistRow], [serviceRow], feeds, ...rest] = (await database.read([
    specialistQuery(db, input.specialist),
    activeServiceQuery(db, who, input.service),
    feedsQuery(db, who),
    ...extra,
    ...slotFactsQueries(db, who, input.service, start, start + DAY_MS),
  ])) as [SpecialistRow[], ServiceRow[], { url: string }[], ...unknown[]];
  const specialist = specialistFound(specialistRow, input.specialist);
  const service = activeServiceFound(serviceRow, specialist, input.service);
  const split = asker ? MONEY_QUERIES : CREDIT_QUERIES;
  const facts = toSlotFacts(specialist, service, rest.slice(split), now);
  const urls = feeds.map((f) => f.url);
  const warm = { rulesVersion: specialist.rulesVersion, specialist, service, feeds: urls, availability: facts.availability };
  remember(database, warm);
  return { specialist, service, feeds: urls, facts, money: asker ? moneyFacts(rest.slice(0, split)) : undefined, credit: asker ? undefined : creditFacts(rest.slice(0, split)), warm };
}

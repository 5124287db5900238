/**
 * Credits as an append-only ledger. A `grant` row opens a lot (+N, with an expiry); `debit` (−1),
 * `return` (+1), `expire` (−rest), `revoke` (−rest, its purchase refunded) and `restore` (+what a revoke
 * took, its refund failed at the provider) rows point at it. Nothing here stores a balance: it is always
 * the sum of a lot's rows, and nothing can be spent from a lot once `now` reaches its expiry.
 * Pure: no I/O, no clock reads.
 */

export type LedgerKind = 'grant' | 'debit' | 'return' | 'expire' | 'revoke' | 'restore';

export interface LedgerEntry {
  lotId: string;
  kind: LedgerKind;
  delta: number;
  /** Set on the grant row only. */
  expiresAt: number | null;
}

export interface Lot {
  id: string;
  granted: number;
  expiresAt: number;
  /** The sum of the lot's rows, whether or not it has expired. */
  sum: number;
}

/** The lots the entries describe, in the order their grants appear; entries of unknown lots are ignored. */
export function lotsOf(entries: readonly LedgerEntry[]): Lot[] {
  const lots = new Map<string, Lot>();
  for (const e of entries) {
    if (e.kind === 'grant') lots.set(e.lotId, { id: e.lotId, granted: e.delta, expiresAt: e.expiresAt ?? 0, sum: 0 });
  }
  for (const e of entries) {
    const lot = lots.get(e.lotId);
    if (lot) lot.sum += e.delta;
  }
  return [...lots.values()];
}

/** A lot expires at `expiresAt` exactly: from then on nothing can be spent from it. */
export const isExpired = (lot: Pick<Lot, 'expiresAt'>, now: number): boolean => now >= lot.expiresAt;

/** What can be spent from `lot` at `now`: its sum, or nothing once it has expired. */
export function remaining(lot: Pick<Lot, 'expiresAt' | 'sum'>, now: number): number {
  return isExpired(lot, now) ? 0 : Math.max(0, lot.sum);
}

/**
 * The lot one credit is spent from: among those that cover the service, have something left and
 * have not expired, the one that expires first (ties: the first listed). Undefined when none can.
 */
export function chooseLot<L extends Lot>(lots: readonly L[], covers: (lot: L) => boolean, now: number): L | undefined {
  let best: L | undefined;
  for (const lot of lots) {
    if (remaining(lot, now) <= 0 || !covers(lot)) continue;
    if (!best || lot.expiresAt < best.expiresAt) best = lot;
  }
  return best;
}

/**
 * Whether a cancellation gives the credit back: when the policy would have refunded money
 * (a specialist's or the system's cancellation always does), not when its refund rule is `none`.
 */
export const returnsCredit = (refundRule: 'full' | 'partial' | 'none'): boolean => refundRule !== 'none';

/** When a lot granted at `at` for `validityDays` expires. */
export const lotExpiry = (at: number, validityDays: number): number => at + validityDays * 86_400_000;

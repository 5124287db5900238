import { describe, expect, it } from 'vitest';
import { chooseLot, isExpired, lotExpiry, lotsOf, remaining, returnsCredit, type LedgerEntry } from './credits.js';

const DAY = 86_400_000;
const T = Date.parse('2026-11-20T12:00:00Z');
const grant = (lotId: string, n: number, expiresAt: number): LedgerEntry => ({ lotId, kind: 'grant', delta: n, expiresAt });
const row = (lotId: string, kind: LedgerEntry['kind'], delta: number): LedgerEntry => ({ lotId, kind, delta, expiresAt: null });

describe('credit lots from the ledger', () => {
  it('derives each lot’s balance as the sum of its rows, whatever order they come in', () => {
    const entries = [row('a', 'debit', -1), grant('a', 5, T + DAY), row('a', 'debit', -1), row('a', 'return', 1), grant('b', 2, T + 2 * DAY), row('b', 'debit', -1)];
    expect(lotsOf(entries)).toEqual([
      { id: 'a', granted: 5, expiresAt: T + DAY, sum: 4 },
      { id: 'b', granted: 2, expiresAt: T + 2 * DAY, sum: 1 },
    ]);
  });

  it('spends nothing from a lot from its expiry instant on', () => {
    const [lot] = lotsOf([grant('a', 3, T)]);
    expect(remaining(lot!, T - 1)).toBe(3);
    expect(isExpired(lot!, T)).toBe(true);
    expect(remaining(lot!, T)).toBe(0);
    expect(remaining({ ...lot!, sum: 0 }, T - 1)).toBe(0);
  });

  it('expires a lot its validity in days after the grant', () => {
    expect(lotExpiry(T, 30)).toBe(T + 30 * DAY);
  });
});

describe('choosing the lot to spend', () => {
  const lots = lotsOf([
    grant('late', 1, T + 10 * DAY),
    grant('soon', 1, T + 2 * DAY),
    grant('spent', 1, T + DAY),
    row('spent', 'debit', -1),
    grant('gone', 4, T - 1),
    grant('other', 1, T + DAY / 2),
  ]);
  const all = () => true;

  it('takes the usable lot that expires first, skipping spent and expired ones', () => {
    expect(chooseLot(lots, all, T)?.id).toBe('other');
    expect(chooseLot(lots, (l) => l.id !== 'other', T)?.id).toBe('soon');
  });

  it('finds none when every covering lot is spent or expired', () => {
    expect(chooseLot(lots, (l) => l.id === 'spent' || l.id === 'gone', T)).toBeUndefined();
    expect(chooseLot(lots, all, T + 11 * DAY)).toBeUndefined();
  });

  it('leaves the caller’s array as it was', () => {
    const before = lots.map((l) => l.id);
    chooseLot(lots, all, T);
    expect(lots.map((l) => l.id)).toEqual(before);
  });
});

describe('giving a credit back', () => {
  it('returns it whenever the policy would refund something, and keeps it when it would refund nothing', () => {
    expect(returnsCredit('full')).toBe(true);
    expect(returnsCredit('partial')).toBe(true);
    expect(returnsCredit('none')).toBe(false);
  });
});

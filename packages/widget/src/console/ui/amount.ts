import { currencyDigits } from '../../internal/format.js';

/** Whether `code` is a currency code `Intl` can format: "EUR", "jpy"; not "EU", "" or "€". */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Za-z]{3}$/.test(code)) return false;
  try {
    currencyDigits(code.toUpperCase());
    return true;
  } catch {
    return false;
  }
}

/**
 * Minor units of an amount typed in `currency`'s major unit, or NaN when the text is not an
 * amount (or `currency` not a code). Read as a person in any locale writes money:
 * - "90", "90.5", "90,50" → 9000, 9050, 9050 (EUR: two digits after the point);
 * - "1,500", "1.500", "1 500", "1,500.50", "1.500,50" → 150000, …, 150050: a point or comma
 *   followed by exactly three digits groups thousands whenever the currency has fewer than three
 *   decimals, so no reading of it as a decimal point exists ("1,500" is never €1.50);
 * - the last separator is the decimal point when at most the currency's digits follow it and no
 *   group before it uses the same mark; groups are three digits after a first of one to three.
 * Anything else — "1,50,000", "1.5" yen, "-5", "ten" — is NaN, for the form to ask again.
 */
export function parseAmount(text: string, currency: string): number {
  if (!isCurrencyCode(currency)) return Number.NaN;
  const digits = currencyDigits(currency.toUpperCase());
  const typed = text.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  if (!/^\d+(?:[.,]\d+)*$/.test(typed)) return Number.NaN;
  const parts = typed.split(/[.,]/);
  const marks = typed.match(/[.,]/g) ?? [];
  const last = parts[parts.length - 1]!;
  const lastMark = marks[marks.length - 1];
  const decimal = lastMark !== undefined && last.length <= digits && !marks.slice(0, -1).includes(lastMark) ? last : undefined;
  const whole = decimal === undefined ? parts : parts.slice(0, -1);
  const groupMarks = decimal === undefined ? marks : marks.slice(0, -1);
  if (groupMarks.length > 0 && (new Set(groupMarks).size > 1 || whole[0]!.length > 3 || whole.slice(1).some((group) => group.length !== 3))) return Number.NaN;
  const minor = Number(whole.join('')) * 10 ** digits + (decimal === undefined ? 0 : Number(decimal.padEnd(digits, '0')));
  return Number.isSafeInteger(minor) ? minor : Number.NaN;
}

import type { MyPromoCode, PromoCodeCreate, PromoCodeUpdate } from '@slotwise/sdk/contract';
import { addDays, startOfDayIn, todayIn } from '../../../internal/dates.js';
import { parseAmount } from '../../ui/amount.js';

/** The new-code form as typed: text stays text until saved, so nothing typed is lost. */
export interface PromoDraft {
  code: string;
  kind: 'percent' | 'amount';
  /** Percent, or an amount in major units as typed ("10" or "10.50"). */
  value: string;
  /** None ticked: every service. */
  serviceIds: string[];
  /** Dates (`YYYY-MM-DD`) in the specialist's zone; empty: from now, no end. */
  validFrom: string;
  validUntil: string;
  maxRedemptions: string;
  maxPerCustomer: string;
  firstBookingOnly: boolean;
}

/** The limits form of an existing code: what the API lets change. */
export interface LimitsDraft {
  validUntil: string;
  maxRedemptions: string;
  maxPerCustomer: string;
}

export const emptyDraft = (): PromoDraft => ({ code: '', kind: 'percent', value: '', serviceIds: [], validFrom: '', validUntil: '', maxRedemptions: '', maxPerCustomer: '', firstBookingOnly: false });

/** The last day a code is valid on, in `timeZone` (its `validUntil` is the instant after it). */
export function lastDay(code: Pick<MyPromoCode, 'validUntil'>, timeZone: string): string {
  return code.validUntil ? todayIn(timeZone, new Date(Date.parse(code.validUntil) - 1)) : '';
}

export const limitsOf = (code: MyPromoCode, timeZone: string): LimitsDraft => ({
  validUntil: lastDay(code, timeZone),
  maxRedemptions: code.maxRedemptions?.toString() ?? '',
  maxPerCustomer: code.maxPerCustomer?.toString() ?? '',
});

type Fields = Record<string, string>;

/** A whole number ≥ 1 as typed, or null when left empty; a field error otherwise. */
function limit(text: string, field: string, fields: Fields): number | null {
  if (text.trim() === '') return null;
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 1) fields[field] = 'Enter a whole number of 1 or more, or leave it empty for no limit.';
  return value;
}

/** The end a last valid day gives: the start of the next day in `timeZone`; null when empty. */
const endOf = (date: string, timeZone: string) => (date ? startOfDayIn(addDays(date, 1), timeZone) : null);

/**
 * The body to create a code, or the fields the browser can already tell are not numbers (the
 * server checks everything else and answers with its own field errors).
 */
export function bodyOf(draft: PromoDraft, currency: string, timeZone: string): { body: PromoCodeCreate } | { fields: Fields } {
  const fields: Fields = {};
  // A percent is a plain number ("12.5" or "12,5"); an amount is read as money is written ("1,000" is a thousand).
  const typed = draft.kind === 'percent' ? Number(draft.value.trim().replace(',', '.')) : parseAmount(draft.value, currency);
  if (draft.value.trim() === '' || !Number.isFinite(typed) || typed <= 0) {
    fields['value'] = draft.kind === 'percent' ? 'Enter the percent off, from 1 to 100.' : 'Enter the amount off, such as 10 or 10.50.';
  }
  const maxRedemptions = limit(draft.maxRedemptions, 'maxRedemptions', fields);
  const maxPerCustomer = limit(draft.maxPerCustomer, 'maxPerCustomer', fields);
  if (Object.keys(fields).length) return { fields };
  const value = typed;
  const validUntil = endOf(draft.validUntil, timeZone);
  return {
    body: {
      code: draft.code.trim(),
      kind: draft.kind,
      value,
      ...(draft.kind === 'amount' ? { currency } : {}),
      ...(draft.serviceIds.length ? { serviceIds: draft.serviceIds } : {}),
      ...(draft.validFrom ? { validFrom: startOfDayIn(draft.validFrom, timeZone) } : {}),
      ...(validUntil ? { validUntil } : {}),
      ...(maxRedemptions !== null ? { maxRedemptions } : {}),
      ...(maxPerCustomer !== null ? { maxPerCustomer } : {}),
      firstBookingOnly: draft.firstBookingOnly,
    },
  };
}

/** The change to a code's end and limits (empty fields: no end, no limit). */
export function limitsBodyOf(draft: LimitsDraft, timeZone: string): { body: PromoCodeUpdate } | { fields: Fields } {
  const fields: Fields = {};
  const maxRedemptions = limit(draft.maxRedemptions, 'maxRedemptions', fields);
  const maxPerCustomer = limit(draft.maxPerCustomer, 'maxPerCustomer', fields);
  if (Object.keys(fields).length) return { fields };
  return { body: { validUntil: endOf(draft.validUntil, timeZone), maxRedemptions, maxPerCustomer } };
}

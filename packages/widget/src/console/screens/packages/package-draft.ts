import type { MyPackage, PackageCreate } from '@slotwise/sdk/contract';
import { currencyDigits } from '../../../internal/format.js';
import { parseAmount } from '../../ui/amount.js';

/** The package form as typed: text fields stay text until saved, so nothing typed is lost. */
export interface PackageDraft {
  name: string;
  description: string;
  sessionCount: string;
  serviceIds: string[];
  /** In major units as typed, e.g. "120" or "120.50". */
  price: string;
  validityDays: string;
}

export const emptyDraft = (): PackageDraft => ({ name: '', description: '', sessionCount: '5', serviceIds: [], price: '0', validityDays: '180' });

export function draftOf(pkg: MyPackage): PackageDraft {
  return {
    name: pkg.name,
    description: pkg.description,
    sessionCount: String(pkg.sessionCount),
    serviceIds: [...pkg.services],
    price: String(pkg.price / 10 ** currencyDigits(pkg.currency)),
    validityDays: String(pkg.validityDays),
  };
}

/**
 * The body to send, or the fields the browser can already tell are not numbers (the server checks
 * everything else and answers with its own field errors).
 */
export function bodyOf(draft: PackageDraft, currency: string): { body: PackageCreate } | { fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const whole = (text: string, field: string, message: string) => {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(value)) fields[field] = message;
    return value;
  };
  const sessionCount = whole(draft.sessionCount, 'sessionCount', 'Enter how many sessions, e.g. 5.');
  const validityDays = whole(draft.validityDays, 'validityDays', 'Enter a number of days, e.g. 180.');
  const price = parseAmount(draft.price, currency);
  if (Number.isNaN(price)) fields['price'] = 'Enter a price such as 120, 120.50 or 1,200 (0 for free).';
  if (Object.keys(fields).length) return { fields };
  return { body: { name: draft.name, description: draft.description.trim(), sessionCount, serviceIds: draft.serviceIds, price, currency, validityDays } };
}

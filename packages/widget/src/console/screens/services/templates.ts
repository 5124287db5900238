import type { ServiceCreate } from '@slotwise/sdk/contract';

/** The services a new specialist starts from; everything else takes the API's defaults. */
export const serviceTemplates = {
  intro: {
    label: 'Free 20-minute intro call',
    make: (currency: string): ServiceCreate => ({
      name: 'Intro call',
      description: 'A free 20-minute call to see whether we are a good fit.',
      currency,
      durations: [{ minutes: 20, price: 0 }],
    }),
  },
  session: {
    label: 'Paid 50-minute session',
    make: (currency: string, price: number): ServiceCreate => ({
      name: 'Session',
      description: 'A 50-minute one-to-one session.',
      currency,
      durations: [{ minutes: 50, price }],
    }),
  },
} as const;

export type TemplateName = keyof typeof serviceTemplates;

/**
 * Minor units of `amount` typed in the currency's major unit ("90" or "90.50" EUR → 9000 / 9050),
 * by the currency's own number of digits; NaN when it is not an amount.
 */
export function toMinor(amount: string, currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const value = Number(amount.trim().replace(',', '.'));
  return amount.trim() === '' || !Number.isFinite(value) || value < 0 ? Number.NaN : Math.round(value * 10 ** digits);
}

/** The major-unit text of `minor` for an input ("9050" EUR → "90.50"). */
export function fromMinor(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (minor / 10 ** digits).toFixed(digits);
}

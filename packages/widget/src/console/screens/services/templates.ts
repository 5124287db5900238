import type { ServiceCreate } from '@slotwise/sdk/contract';
import { currencyDigits } from '../../../internal/format.js';
import { isCurrencyCode } from '../../ui/amount.js';

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

/** The major-unit text of `minor` for an input ("9050" EUR → "90.50"). */
export function fromMinor(minor: number, currency: string): string {
  const digits = isCurrencyCode(currency) ? currencyDigits(currency.toUpperCase()) : 2;
  return (minor / 10 ** digits).toFixed(digits);
}

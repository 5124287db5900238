export { detectedTimeZone, timeZones } from '../../internal/time-zones.js';

/** Currencies offered at sign-up; a service may use any ISO 4217 code later. */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'INR', 'BRL', 'MXN', 'ZAR', 'SGD'] as const;

const regionCurrency: Record<string, (typeof CURRENCIES)[number]> = {
  US: 'USD', GB: 'GBP', CH: 'CHF', CA: 'CAD', AU: 'AUD', NZ: 'NZD', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN',
  CZ: 'CZK', JP: 'JPY', IN: 'INR', BR: 'BRL', MX: 'MXN', ZA: 'ZAR', SG: 'SGD',
};

/** A first guess from the browser's language region (`en-GB` → GBP), EUR otherwise. */
export function guessCurrency(): string {
  const region = new Intl.Locale(navigator.language).maximize().region ?? '';
  return regionCurrency[region] ?? 'EUR';
}

import type { LocationKind, MyService, ServiceCreate } from '@slotwise/sdk/contract';
import { isCurrencyCode, parseAmount } from '../../ui/amount.js';

/** What the editor shows for a service not saved yet: the API's own defaults. */
export function blankService(currency: string): Omit<MyService, 'id'> {
  return {
    name: '', description: '', currency, durations: [{ minutes: 60, price: 0 }], location: { kind: 'video', provider: 'jitsi', detail: null },
    slotStep: null, bufferBefore: 0, bufferAfter: 0, minNotice: 0, maxAdvanceDays: null, maxPerDay: null, maxPerWeek: null, capacity: 1, active: true,
    cancelUntilHours: 24, rescheduleUntilHours: 24, maxReschedules: 2, fullRefundHours: 48, partialRefundHours: 24, partialRefundPercent: 50,
  };
}

const whole = (data: FormData, name: string) => Number(String(data.get(name) ?? '').trim() || Number.NaN);
const orNull = (data: FormData, name: string) => (String(data.get(name) ?? '').trim() === '' ? null : whole(data, name));

/**
 * The service as the editor's form holds it, ready for create or update. Numbers are sent as
 * typed (a bad one becomes NaN, which the server refuses with a field error); blank optional
 * limits are null ("no limit"). Prices are typed in the currency's major unit.
 */
export function readServiceForm(form: HTMLFormElement): ServiceCreate {
  const data = new FormData(form);
  const currency = String(data.get('currency')).trim().toUpperCase();
  const rows = form.querySelectorAll('[data-duration]').length;
  const durations = Array.from({ length: rows }, (_, i) => ({ minutes: whole(data, `durations.${i}.minutes`), price: parseAmount(String(data.get(`durations.${i}.price`) ?? ''), currency) }));
  const kind = String(data.get('location.kind')) as LocationKind;
  const detail = String(data.get('location.detail') ?? '');
  return {
    name: String(data.get('name')),
    description: String(data.get('description') ?? ''),
    currency,
    durations,
    slotStep: orNull(data, 'slotStep'),
    bufferBefore: whole(data, 'bufferBefore'),
    bufferAfter: whole(data, 'bufferAfter'),
    minNotice: whole(data, 'minNotice'),
    maxAdvanceDays: orNull(data, 'maxAdvanceDays'),
    maxPerDay: orNull(data, 'maxPerDay'),
    maxPerWeek: orNull(data, 'maxPerWeek'),
    capacity: whole(data, 'capacity'),
    ...readPolicy(data),
    location: kind === 'video' ? { kind, provider: String(data.get('location.provider')) as 'jitsi' | 'zoom' } : kind === 'phone' || kind === 'in_person' ? { kind, detail } : { kind },
  };
}

/**
 * What the browser can already tell is wrong in a service read from the form, by field: a
 * currency that is not a code, a price that is not an amount in it. The server checks the rest.
 */
export function serviceFormProblems(values: ServiceCreate): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!isCurrencyCode(values.currency ?? '')) fields['currency'] = 'Enter a three-letter currency code, such as EUR.';
  else values.durations?.forEach((d, i) => {
    if (Number.isNaN(d.price)) fields[`durations.${i}.price`] = `Enter a price in ${values.currency}, such as 90, 90.50 or 1,500 (0 for free).`;
  });
  return fields;
}

/** The policy fields alone, for the sentences shown while they are typed. */
export function readPolicy(data: FormData) {
  return {
    cancelUntilHours: whole(data, 'cancelUntilHours'),
    rescheduleUntilHours: whole(data, 'rescheduleUntilHours'),
    maxReschedules: whole(data, 'maxReschedules'),
    fullRefundHours: whole(data, 'fullRefundHours'),
    partialRefundHours: whole(data, 'partialRefundHours'),
    partialRefundPercent: whole(data, 'partialRefundPercent'),
  };
}

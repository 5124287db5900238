import { expect, fixture, html } from '@open-wc/testing';
import type { Booking, BookingCreated } from '@slotwise/sdk/contract';
import type { SlotwiseBooking } from '../components/booking/booking.component.js';
import { api, fetchSlots } from './helpers.js';
import '../components/booking/booking.js';

/** A date `days` after today (UTC), `YYYY-MM-DD`. */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The last open time of the `key`th-from-last open day five to seven weeks ahead. Tests share one
 * database and the booking-flow tests book the first days ahead, so each manage test takes its
 * own `key` (a whole day apart, as overlapping times of one specialist would collide).
 */
export async function lateSlot(service: string, key: number): Promise<string> {
  const { days } = await fetchSlots({ service, timezone: 'UTC', from: daysAhead(35), to: daysAhead(49) });
  const day = days[days.length - 1 - key];
  if (!day) throw new Error(`fewer than ${key + 1} open days five to seven weeks ahead`);
  return day.slots[day.slots.length - 1]!.start;
}

/** Books `start` through the API, as the widget would, and returns the booking with its token. */
export async function bookThroughApi(service: string, start: string, email = 'ada@example.com'): Promise<BookingCreated> {
  const response = await fetch(`${api()}/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ specialist: 'demo', service, start, customer: { name: 'Ada Lovelace', email, timeZone: 'Europe/London' } }),
  });
  expect(response.status, await response.clone().text()).to.equal(201);
  return response.json();
}

/** Pays a held booking in the API's offline test-payments mode, as its customer. */
export async function payThroughApi(created: BookingCreated): Promise<Booking> {
  const intent = created.paymentSession!.clientSecret.split('_secret_')[0]!;
  const response = await fetch(`${api()}/v1/test-payments/${intent}/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${created.manageToken}` },
    body: JSON.stringify({ outcome: 'succeed' }),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
  return response.json();
}

/** The booking as the API has it now, read with its manage token. */
export async function bookingInApi(created: BookingCreated): Promise<Booking> {
  const response = await fetch(`${api()}/v1/bookings/${created.booking.id}`, { headers: { authorization: `Bearer ${created.manageToken}` } });
  expect(response.status).to.equal(200);
  return response.json();
}

/** `<slotwise-booking>` in its manage view, against the test API. */
export function mountManage(booking: string, token: string, options: { timezone?: string; api?: string } = {}): Promise<SlotwiseBooking> {
  return fixture<SlotwiseBooking>(html`<slotwise-booking api=${options.api ?? api()} booking=${booking} token=${token}
    timezone=${options.timezone ?? ''}></slotwise-booking>`);
}

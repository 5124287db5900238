import { expect, fixture, html } from '@open-wc/testing';
import type { Booking, BookingCreated, Slots } from '@slotwise/sdk/contract';
import type { SlotwiseBooking } from '../components/booking/booking.component.js';
import '../components/booking/booking.js';

declare global {
  interface Window {
    /** The API whose clock tests move (see `startClockApi` in test/api-server.mjs). */
    /** `operator`: the seeded operator's login on the clock API (sign in with `auth.login`). */
    __SLOTWISE_CLOCK__: { api: string; services: { video: string; phone: string; inPerson: string }; apiKey: string; operator: { email: string; password: string } };
  }
}

export const clockApi = (): string => window.__SLOTWISE_CLOCK__.api;
export const clockServices = () => window.__SLOTWISE_CLOCK__.services;

/** The clock API's offset from real time, as it last answered. */
let offset = 0;

/**
 * The clock the element is given: the clock API's (real time plus the offset it answered), so the
 * element and the server agree on the moment as the test moves it.
 */
export const serverNow = (): Date => new Date(Date.now() + offset);

async function control(method: 'GET' | 'POST', path: string): Promise<unknown> {
  const response = await fetch(`${clockApi()}/__test/${path}`, { method });
  expect(response.status, await response.clone().text()).to.equal(200);
  return response.json();
}

/** Reads the clock API's time (its clock runs on from wherever a test moved it). */
export async function syncClock(): Promise<Date> {
  ({ offset } = (await control('GET', 'clock')) as { offset: number });
  return serverNow();
}

/** Moves the clock API — and so `serverNow` — to `at` (forward only); it runs on from there. */
export async function setClock(at: number): Promise<void> {
  ({ offset } = (await control('POST', `clock?to=${new Date(at).toISOString()}`)) as { offset: number });
}

/** Runs the server's scheduler once at its clock: delivers the outbox (a confirmed video session's meeting is made), completes ended sessions. */
export async function tick(): Promise<{ completedSessions: number }> {
  return (await control('POST', 'tick')) as { completedSessions: number };
}

/**
 * Books `service`'s first open time on a day after the clock API's today, as a visitor would (free
 * services: confirmed at once). Tests run in order and move the clock to their own booking, so each
 * books after the last one's moment.
 */
export async function bookAhead(service: string): Promise<BookingCreated> {
  const now = await syncClock();
  const day = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const query = new URLSearchParams({ service, timezone: 'UTC', from: day(1), to: day(10) });
  const slots = (await (await fetch(`${clockApi()}/v1/specialists/demo/slots?${query}`)).json()) as Slots;
  const start = slots.days[0]?.slots[0]?.start;
  if (!start) throw new Error(`no open time in the ten days after ${now.toISOString()}`);
  const response = await fetch(`${clockApi()}/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ specialist: 'demo', service, start, customer: { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/London' } }),
  });
  expect(response.status, await response.clone().text()).to.equal(201);
  const created = (await response.json()) as BookingCreated;
  expect(created.booking.status).to.equal('confirmed');
  return created;
}

/** The booking as the clock API answers its customer now. */
export async function readBooking(created: BookingCreated): Promise<Booking> {
  const response = await fetch(`${clockApi()}/v1/bookings/${created.booking.id}`, { headers: { authorization: `Bearer ${created.manageToken}` } });
  expect(response.status).to.equal(200);
  return response.json();
}

/** Shares notes and a recording link on `created` as its specialist would (the demo's API key). */
export async function shareOnClock(created: BookingCreated, shared: { sharedNotes?: string | null; recordingUrl?: string | null }): Promise<void> {
  const response = await fetch(`${clockApi()}/v1/me/bookings/${created.booking.id}/notes`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${window.__SLOTWISE_CLOCK__.apiKey}` },
    body: JSON.stringify(shared),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
}

/** How many times this page has read the booking from the clock API (Resource Timing). */
export function readsOf(created: BookingCreated): number {
  const url = `${clockApi()}/v1/bookings/${created.booking.id}`;
  return performance.getEntriesByType('resource').filter((entry) => entry.name === url).length;
}

/**
 * `<slotwise-booking>` managing `created` against the clock API, on `serverNow`, inside an element
 * with `lang` (the widget's locale comes from the nearest one).
 */
export async function mountOnClock(created: BookingCreated, options: { timezone: string; lang: string }): Promise<SlotwiseBooking> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang}><slotwise-booking api=${clockApi()}
    booking=${created.booking.id} token=${created.manageToken} timezone=${options.timezone} .now=${serverNow}></slotwise-booking></div>`);
  return wrapper.querySelector('slotwise-booking')!;
}

/** All the markup inside `root`, its shadow roots included (to check what is not anywhere in it). */
export function deepMarkup(root: Element): string {
  const out: string[] = [root.outerHTML];
  const walk = (scope: Element | ShadowRoot) => {
    for (const el of scope.querySelectorAll('*')) {
      if (!el.shadowRoot) continue;
      out.push(el.shadowRoot.innerHTML);
      walk(el.shadowRoot);
    }
  };
  if (root.shadowRoot) {
    out.push(root.shadowRoot.innerHTML);
    walk(root.shadowRoot);
  }
  walk(root);
  return out.join('\n');
}

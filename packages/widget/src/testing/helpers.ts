import { fixture, html, waitUntil } from '@open-wc/testing';
import type { Slots, Specialist } from '@slotwise/sdk/contract';
import type { SlotwiseBooking } from '../components/booking/booking.component.js';
import '../components/booking/booking.js';

export { nextEvent } from './context.js';

declare global {
  interface Window {
    /** The real API the test runner started (see web-test-runner.config.mjs). */
    __SLOTWISE_API__: string;
  }
}

export const api = (): string => window.__SLOTWISE_API__;

/** Waits longer than `waitUntil`'s default second: these tests talk to a real server. */
export function eventually(predicate: () => unknown, message: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: 10_000, interval: 25 });
}

/** All matches of the last selector, descending through each earlier one's shadow root. */
export function deepAll<T extends Element = HTMLElement>(root: Element, ...path: string[]): T[] {
  let scopes: Element[] = [root];
  for (const [index, selector] of path.entries()) {
    const found = scopes.flatMap((scope) => [...(scope.shadowRoot ?? scope).querySelectorAll(selector)]);
    scopes = index === path.length - 1 ? found : found.filter((el) => el.shadowRoot);
  }
  return scopes as T[];
}

export function deep<T extends Element = HTMLElement>(root: Element, ...path: string[]): T | undefined {
  return deepAll<T>(root, ...path)[0];
}

/** Mounts `<slotwise-booking>` against the test API and waits for the specialist to load. */
export async function mountBooking(options: { specialist?: string; timezone?: string } = {}): Promise<SlotwiseBooking> {
  const el = await fixture<SlotwiseBooking>(html`<slotwise-booking
    specialist=${options.specialist ?? 'demo'} api=${api()} timezone=${options.timezone ?? ''}></slotwise-booking>`);
  return el;
}

export async function chooseService(el: SlotwiseBooking, name: string): Promise<void> {
  await eventually(() => deep(el, 'slotwise-service-picker', 'button'), 'services to load');
  const service = deepAll(el, 'slotwise-service-picker', '[part~="service"]').find((li) => li.textContent?.includes(name));
  service?.querySelector('button')?.click();
  await eventually(() => deep(el, 'slotwise-calendar', 'button[part~="day-open"]'), 'open days to load');
}

/**
 * Clicks the `n`th open day after today (0-based), paging forward through months as needed, and
 * waits for its times. Tests share one database, so each books on its own `n`.
 */
export async function pickDay(el: SlotwiseBooking, n: number): Promise<string> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: el.timezone || undefined }).format(new Date());
  let seen = 0;
  for (let page = 0; page < 4; page += 1) {
    const days = deepAll<HTMLButtonElement>(el, 'slotwise-calendar', 'button[part~="day-open"]').filter(
      (day) => day.dataset['date']! > today,
    );
    const day = days[n - seen];
    if (day) {
      day.click();
      await eventually(() => deep(el, 'slotwise-time-list', 'button[data-start]'), 'times to show');
      return day.dataset['date']!;
    }
    seen += days.length;
    const month = deep(el, 'slotwise-calendar', '[part="month-label"]')?.textContent;
    deep(el, 'slotwise-calendar', 'button.next')?.click();
    await eventually(() => deep(el, 'slotwise-calendar', '[part="month-label"]')?.textContent !== month, 'next month');
    await eventually(() => deep(el, 'slotwise-calendar', 'button[part~="day-open"]'), 'open days to load');
  }
  throw new Error(`fewer than ${n + 1} open days ahead`);
}

export const timeButtons = (el: SlotwiseBooking) => deepAll<HTMLButtonElement>(el, 'slotwise-time-list', 'button[data-start]');

/** Clicks the `n`th time of the chosen day and waits for the details form; returns its start. */
export async function chooseTime(el: SlotwiseBooking, n: number): Promise<HTMLButtonElement> {
  const time = timeButtons(el)[n]!;
  time.click();
  const submit = () => deep<HTMLButtonElement>(el, 'slotwise-details-form', 'button[type="submit"]');
  await eventually(() => !deep(el, 'slotwise-details-form')!.hidden && submit() && !submit()!.disabled, 'the details form');
  return time;
}

export function fillDetails(el: SlotwiseBooking, values: { name: string; email: string; notes?: string }): void {
  for (const [field, value] of Object.entries(values)) {
    const input = deep<HTMLInputElement>(el, 'slotwise-details-form', `#${field}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

export function submitDetails(el: SlotwiseBooking): void {
  deep<HTMLButtonElement>(el, 'slotwise-details-form', 'button[type="submit"]')!.click();
}

export async function fetchSpecialist(handle = 'demo'): Promise<Specialist> {
  return (await fetch(`${api()}/v1/specialists/${handle}`)).json();
}

export async function fetchSlots(query: Record<string, string>): Promise<Slots> {
  return (await fetch(`${api()}/v1/specialists/demo/slots?${new URLSearchParams(query)}`)).json();
}

/** Books `start` straight through the API, as another visitor would. */
export async function bookDirectly(body: { service: string; start: string; email: string }): Promise<Response> {
  return fetch(`${api()}/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      specialist: 'demo',
      service: body.service,
      start: body.start,
      customer: { name: 'Someone Else', email: body.email, timeZone: 'Europe/Berlin' },
    }),
  });
}

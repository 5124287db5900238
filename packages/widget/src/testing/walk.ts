import { expect } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import type { MyService, Slot } from '@slotwise/sdk/contract';
import type { SlotwiseCalendar } from '../components/calendar/calendar.component.js';
import { openPractice } from '../console/testing/practice.js';
import { consoleApi } from '../console/testing/session.js';
import { deepActiveElement } from '../internal/focus.js';
import { deep, deepAll, eventually } from './helpers.js';
import { pressKey, tabTo, typeKeys } from './keyboard.js';
import type { Mounted, WalkMode } from './walk-modes.js';

/**
 * The steps `walkBooking` checks with axe, in order: a test compares its answer with this list,
 * so a step the walk silently skipped fails the test.
 */
export const bookingSteps = [
  'services', 'calendar', 'times', 'details form (empty)', 'details form (field errors)', 'time taken meanwhile',
  'payment step (test payments)', 'card declined', 'confirmation', 'manage view', 'change time', 'cancel confirmation', 'cancelled',
] as const;

/**
 * A specialist of the walk's own on the console API (no other test's bookings, no rate limits):
 * a priced service paid in the offline test mode and a free one, so the services step is a list.
 */
export async function walkPractice() {
  const practice = await openPractice({ price: 9000 });
  const free = await practice.session.client.me.services.create({
    name: 'Intro chat', durations: [{ minutes: 30, price: 0 }], minNotice: 0, bufferBefore: 0, bufferAfter: 0,
  });
  return { handle: practice.handle, api: consoleApi(), priced: practice.service, free };
}
export type WalkPractice = Awaited<ReturnType<typeof walkPractice>>;

export const focused = () => deepActiveElement() as HTMLElement | null;

/** Whether `node` is `root` or inside it, through shadow roots. */
function within(root: Element, node: Node | null): boolean {
  for (let at = node; at; at = at instanceof ShadowRoot ? at.host : at.parentNode) if (at === root) return true;
  return false;
}

/**
 * axe on the mode's root, with the mode and step named in the failure. With `focusInside` (the
 * default) the focus must be inside the widget too: each step put it somewhere sensible, never
 * back on the page's `<body>`.
 */
export function checker(mode: WalkMode, mounted: Mounted, steps: string[]) {
  return async (step: string, focusInside = true) => {
    steps.push(step);
    if (focusInside) expect(within(mounted.root, focused()), `${mode.name}, ${step}: focus on ${focused()?.outerHTML.slice(0, 80) ?? 'nothing'}`).to.equal(true);
    try {
      await expect(mounted.root).to.be.accessible();
    } catch (error) {
      throw new Error(`${mode.name}, ${step}: ${(error as Error).message}`);
    }
  };
}

/** The open times of the day after tomorrow (in `zone`), straight from the API. */
export async function dayAfterTomorrow(practice: { api: string; handle: string; priced: MyService }, zone: string): Promise<{ date: string; slots: Slot[] }> {
  const day = (n: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(Date.now() + n * 86_400_000));
  const client = createClient({ baseURL: practice.api });
  const { days } = await client.specialists.slots(practice.handle, { service: practice.priced.id, from: day(2), to: day(2), timezone: zone });
  expect(days[0]?.slots.length, 'open times the day after tomorrow').to.be.greaterThan(6);
  return { date: days[0]!.date, slots: days[0]!.slots };
}

/**
 * From the calendar's heading, to `date` by keyboard: Tab to "next month" (Enter while the month
 * shown is earlier), Tab to the grid's one day, arrow keys (mirrored right to left) to `date`, Enter.
 */
export async function keyToDay(date: string): Promise<void> {
  const next = await tabTo((el) => el.matches('button.next'), 'the next-month button');
  const calendar = (next.getRootNode() as ShadowRoot).host as SlotwiseCalendar;
  while (calendar.month < date.slice(0, 7)) {
    const month = calendar.month;
    await pressKey('Enter');
    await eventually(() => calendar.month !== month && calendar.shadowRoot!.querySelector('[part~="day-open"]'), 'the next month’s open days');
  }
  await tabTo((el) => el.matches('button[part~="day-open"]'), 'an open day');
  const rtl = getComputedStyle(calendar).direction === 'rtl';
  for (let i = 0; i < 40 && focused()?.dataset['date'] !== date; i += 1) {
    const later = focused()!.dataset['date']! < date;
    await pressKey(later === rtl ? 'ArrowLeft' : 'ArrowRight');
  }
  expect(focused()?.dataset['date']).to.equal(date);
  await pressKey('Enter');
}

/** Replaces the focused field's text by typing (Ctrl+A, then the keys). */
async function retype(text: string): Promise<void> {
  await pressKey('Control+a');
  await typeKeys(text);
  expect((focused() as HTMLInputElement).value).to.equal(text);
}

const part = (root: Element, host: string, name: string) => deep(root, host, `[part~="${name}"]`);

/**
 * Books, pays, reschedules and cancels a session in `mode` by keyboard only (Tab, arrows, Enter,
 * typed keys; focus is never set by the test once the widget is open), running axe at every step
 * in `bookingSteps`. Another visitor takes the first chosen time meanwhile. Answers the steps checked.
 */
export async function walkBooking(mode: WalkMode, practice: WalkPractice): Promise<string[]> {
  const steps: string[] = [];
  const mounted = await mode.mount({ specialist: practice.handle, api: practice.api });
  const { booking: el } = mounted;
  const check = checker(mode, mounted, steps);
  if (mounted.opener) await expect(mounted.opener).to.be.accessible();
  const zone = el.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { date, slots } = await dayAfterTomorrow(practice, zone);
  const [taken, chosen, moved] = [slots[0]!.start, slots[4]!.start, slots[6]!.start];

  await eventually(() => deep(el, 'slotwise-service-picker', `button[data-service="${practice.priced.id}"]`), 'the services');
  await check('services', false);
  await tabTo((b) => b.dataset['service'] === practice.priced.id, 'the priced service');
  await pressKey('Enter');
  await eventually(() => deep(el, 'slotwise-calendar', 'button[part~="day-open"]'), 'open days');
  await check('calendar');

  await keyToDay(date);
  await eventually(() => deep(el, 'slotwise-time-list', 'button[data-start]'), 'the day’s times');
  await check('times');
  await tabTo((b) => b.dataset['start'] === taken, 'the first time');
  await pressKey('Enter');
  await eventually(() => focused()?.id === 'name', 'focus on the name field');
  await check('details form (empty)');

  // Past the browser's own checks (spaces fill `required`; `kay@localhost` is an email to it): the server's field errors.
  await typeKeys('   ');
  await pressKey('Tab');
  await typeKeys('kay@localhost');
  await pressKey('Enter');
  const form = deep(el, 'slotwise-details-form')!.shadowRoot!;
  await eventually(() => !form.querySelector<HTMLElement>('#email-error')!.hidden, 'the email’s error');
  expect(form.querySelector('#name')!.getAttribute('aria-invalid')).to.equal('true');
  await eventually(() => focused()?.id === 'name', 'focus on the first field to fix');
  await check('details form (field errors)');

  await retype('Kay Keyboard');
  await pressKey('Tab');
  await retype(`kay-${Date.now().toString(36)}@example.com`);
  await takeMeanwhile(practice, taken);
  await pressKey('Enter');
  await eventually(() => focused() === deep(el, '.notice'), 'focus on “no longer available”');
  await eventually(() => deep(el, 'slotwise-time-list', `button[data-start="${chosen}"]`) && !deep(el, 'slotwise-time-list', `button[data-start="${taken}"]`), 'the times without the taken one');
  await check('time taken meanwhile');

  await tabTo((b) => b.dataset['start'] === chosen, 'another time');
  await pressKey('Enter');
  await eventually(() => focused()?.id === 'name', 'focus on the name field again');
  expect((focused() as HTMLInputElement).value, 'what the visitor typed is kept').to.equal('Kay Keyboard');
  await pressKey('Enter');
  await eventually(() => part(el, 'slotwise-payment', 'test-panel'), 'the payment step');
  await check('payment step (test payments)');

  await tabTo((b) => b.matches('[part~="decline-test"]'), '“Decline (test)”');
  await pressKey('Enter');
  await eventually(() => focused() === part(el, 'slotwise-payment', 'payment-error'), 'focus on why the card was declined');
  await eventually(() => !(part(el, 'slotwise-payment', 'pay-test') as HTMLButtonElement).disabled, '“Pay (test)” again');
  await check('card declined');
  await tabTo((b) => b.matches('[part~="pay-test"]'), '“Pay (test)”');
  await pressKey('Enter');
  await eventually(() => part(el, 'slotwise-confirmation', 'manage-link'), 'the confirmation with its manage link');
  await check('confirmation');

  await tabTo((b) => b.matches('[part~="manage-link"]'), 'the manage link');
  await pressKey('Enter');
  await walkManage(el, mounted, check, { date, moved });
  return steps;
}

/** Another visitor books the free service over `start`: the priced time is no longer open. */
async function takeMeanwhile(practice: WalkPractice, start: string): Promise<void> {
  const client = createClient({ baseURL: practice.api });
  await client.bookings.create({
    specialist: practice.handle, service: practice.free.id, start,
    customer: { name: 'Someone Else', email: 'someone-else@example.com', timeZone: 'Europe/Paris' },
  });
}

/** The manage view the confirmation's link opened: change the time by keyboard, then cancel. */
async function walkManage(el: Element, mounted: Mounted, check: (step: string) => Promise<void>, to: { date: string; moved: string }) {
  const manage = (name: string) => part(el, 'slotwise-manage', name);
  await eventually(() => manage('reschedule'), 'the manage view');
  await check('manage view');

  await tabTo((b) => b.matches('[part~="reschedule"]'), '“Change time”');
  await pressKey('Enter');
  await eventually(() => focused()?.id === 'reschedule-heading', 'focus on “Choose a new time”');
  await eventually(() => deepAll(el, 'slotwise-manage', 'slotwise-calendar', 'button[part~="day-open"]').length > 0, 'open days');
  await check('change time');
  await keyToDay(to.date);
  await eventually(() => deep(el, 'slotwise-manage', 'slotwise-time-list', `button[data-start="${to.moved}"]`), 'the new day’s times');
  await tabTo((b) => b.dataset['start'] === to.moved, 'the new time');
  await pressKey('Enter');
  await eventually(() => focused() === manage('confirm-reschedule'), 'focus on “Move to …”');
  await pressKey('Enter');
  await eventually(() => focused()?.id === 'heading' && !manage('reschedule-panel'), 'the moved booking, focus on its heading');
  expect(deep(el, 'slotwise-manage', '[part="when"] time')!.getAttribute('datetime')).to.equal(to.moved);

  await tabTo((b) => b.matches('[part~="cancel"]'), '“Cancel booking”');
  await pressKey('Enter');
  await eventually(() => focused() === manage('quote'), 'focus on what cancelling refunds');
  await check('cancel confirmation');
  await tabTo((b) => b.matches('[part~="confirm-cancel"]'), '“Confirm cancellation”');
  await pressKey('Enter');
  await eventually(() => manage('booking-status')?.dataset['status'] === 'cancelled', 'the cancelled booking');
  await check('cancelled');
}

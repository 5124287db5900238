import { expect } from '@open-wc/testing';
import { createVisitorClient } from '@slotwise/sdk';
import { openPractice } from '../console/testing/practice.js';
import { consoleApi } from '../console/testing/session.js';
import { deep, eventually } from './helpers.js';
import { pressKey, tabTo, typeKeys } from './keyboard.js';
import { checker, dayAfterTomorrow, focused, keyToDay } from './walk.js';
import type { WalkMode } from './walk-modes.js';

/** The error states a visitor can meet before booking: an API that does not answer, and a site the specialist did not allow. */
export const errorSteps = ['network error', 'origin not allowed'] as const;

/**
 * Mounts `mode` against an API that does not answer (its "Try again" pressed by keyboard) and for
 * a specialist who did not allow this site, running axe on each. Answers the steps checked.
 */
export async function walkErrors(mode: WalkMode): Promise<string[]> {
  const steps: string[] = [];
  // Nothing listens there (and Chromium refuses the port): every request fails as with the network down.
  const down = await mode.mount({ specialist: 'demo', api: 'http://127.0.0.1:9' });
  await eventually(() => deep(down.booking, '[part="alert"] button'), 'the network error with “Try again”');
  await checker(mode, down, steps)('network error', false);
  await tabTo((b) => b === deep(down.booking, '[part="alert"] button'), '“Try again”');
  await pressKey('Enter');
  await eventually(() => focused() === deep(down.booking, '[part="alert"]'), 'focus on the error again');

  const practice = await openPractice();
  await practice.session.client.me.profile.update({ allowedOrigins: ['https://coach.example'] });
  const refused = await mode.mount({ specialist: practice.handle, api: consoleApi() });
  await eventually(() => deep(refused.booking, '[part="alert"]')?.textContent?.includes(location.origin), 'the refusal naming this site');
  await checker(mode, refused, steps)('origin not allowed', false);
  return steps;
}

/**
 * The connection drops as the visitor books (in a mode that takes the element's `client`: the
 * inline ones): the form says so in words, with focus on it, axe-clean; once it is back, Tab to
 * the submit button and Enter book the time, once. Answers the steps checked.
 */
export async function walkOfflineSubmit(mode: WalkMode): Promise<string[]> {
  const steps: string[] = [];
  // One service: the widget opens on its calendar without a click.
  const practice = await openPractice();
  let offline = false;
  const client = createVisitorClient({
    baseURL: consoleApi(),
    fetch: (input, init) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)),
  });
  const mounted = await mode.mount({ specialist: practice.handle, api: consoleApi(), client });
  const el = mounted.booking;
  const { date, slots } = await dayAfterTomorrow({ ...practice, api: consoleApi(), priced: practice.service }, el.timezone || 'UTC');
  await eventually(() => deep(el, 'slotwise-calendar', 'button[part~="day-open"]'), 'the calendar, without a click');
  await keyToDay(date);
  await eventually(() => deep(el, 'slotwise-time-list', `button[data-start="${slots[1]!.start}"]`), 'the day’s times');
  await tabTo((b) => b.dataset['start'] === slots[1]!.start, 'a time');
  await pressKey('Enter');
  await eventually(() => focused()?.id === 'name', 'focus on the name field');
  await typeKeys('Nia Network');
  await pressKey('Tab');
  await typeKeys(`nia-${Date.now().toString(36)}@example.com`);
  offline = true;
  await pressKey('Enter');
  const formError = () => deep(el, 'slotwise-details-form', '[part="form-error"]');
  await eventually(() => focused() === formError(), 'focus on why it failed');
  expect(formError()!.getAttribute('role')).to.equal('alert');
  expect(formError()!.textContent, 'words, not the browser’s error').to.not.match(/Failed to fetch|network_error/);
  await checker(mode, mounted, steps)('network error while booking');

  offline = false;
  await tabTo((b) => b.matches('[part~="submit"]'), 'the submit button');
  await pressKey('Enter');
  await eventually(() => deep(el, 'slotwise-confirmation', '[part="when"]'), 'the confirmation');
  const { data } = await practice.session.client.me.bookings.list({});
  expect(data.map((booking) => booking.start), 'booked once').to.deep.equal([slots[1]!.start]);
  return steps;
}

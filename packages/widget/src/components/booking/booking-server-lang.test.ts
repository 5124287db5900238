import { expect, fixture, html } from '@open-wc/testing';
import type { SlotwiseBooking } from './booking.component.js';
import { consoleApi } from '../../console/testing/session.js';
import { openPractice } from '../../console/testing/practice.js';
import { chooseService, chooseTime, deep, eventually, fillDetails, nextEvent, pickDay, submitDetails } from '../../testing/helpers.js';

// The browser here speaks English (Chromium's default); the page does not. Each test signs up a
// specialist of its own on the console API, so the refusal below (a site the specialist removed
// meanwhile) touches no one else's data.

const german = (handle: string) =>
  `${location.origin} ist keine zugelassene Website für ${handle}; fügen Sie sie in der Konsole unter „Developers → Sites that may embed your widget“ hinzu.`;
const french = (handle: string) =>
  `${location.origin} n’est pas un site autorisé pour ${handle} ; ajoutez-le dans la console, sous « Developers → Sites that may embed your widget ».`;

/** Submits the details form and returns the refusal it shows, once shown. */
async function refusal(el: SlotwiseBooking, expected: string): Promise<string> {
  const refused = nextEvent(el, 'slotwise:error');
  submitDetails(el);
  expect((await refused).detail.code).to.equal('origin_not_allowed');
  const shown = () => deep(el, 'slotwise-details-form', '[part="form-error"]')?.textContent?.trim() ?? '';
  await eventually(() => shown() === expected, `the refusal “${expected}” (shown: “${shown()}”)`);
  return shown();
}

describe('<slotwise-booking> server sentences in the page’s language', () => {
  const original = console.error;
  afterEach(() => {
    console.error = original;
  });

  it('shows a server refusal in the page’s lang, not the browser’s, and follows a lang switched after load', async () => {
    expect(navigator.language).to.match(/^en\b/);
    console.error = () => {}; // the widget tells the site owner in the console too (tested elsewhere)
    const practice = await openPractice();
    const page = await fixture<HTMLDivElement>(html`<div lang="de">
      <slotwise-booking specialist=${practice.handle} api=${consoleApi()} timezone="Europe/Paris"></slotwise-booking></div>`);
    const el = page.querySelector<SlotwiseBooking>('slotwise-booking')!;
    await chooseService(el, 'Strategy call');
    await pickDay(el, 1);
    await chooseTime(el, 0);
    fillDetails(el, { name: 'Emmy Noether', email: 'emmy@example.com' });
    await practice.session.client.me.profile.update({ allowedOrigins: ['https://coach.example'] });

    expect(await refusal(el, german(practice.handle))).to.include('keine zugelassene Website');

    // The site's language switcher: the same widget (no reload, the form as it was) now asks in French.
    page.lang = 'fr';
    const heading = () => deep(el, 'slotwise-details-form', '#heading')?.textContent?.trim();
    await eventually(() => heading() === 'Vos coordonnées', `the form in French (shown: ${heading()})`);
    expect(deep<HTMLInputElement>(el, 'slotwise-details-form', '#name')!.value).to.equal('Emmy Noether');
    expect(await refusal(el, french(practice.handle))).to.include('pas un site autorisé');
  });
});

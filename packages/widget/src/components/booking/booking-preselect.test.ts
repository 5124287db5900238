import { expect, fixture, html } from '@open-wc/testing';
import type { SlotwiseBooking } from './booking.component.js';
import { consoleApi } from '../../console/testing/session.js';
import { openPractice } from '../../console/testing/practice.js';
import { api, deep, deepAll, eventually, pickDay, timeButtons } from '../../testing/helpers.js';

// The first open days without a click: the profile answer carries the preselected service's first
// open month (`include=slots`), so the widget shows services and open days after one request.

/** The API requests this page made since `since` (resource timings), path and query. */
function apiRequests(base: string, since: number): string[] {
  return performance
    .getEntriesByType('resource')
    .filter((entry) => entry.startTime >= since && entry.name.startsWith(base))
    .map((entry) => entry.name.slice(base.length));
}

const openDays = (el: SlotwiseBooking) => deepAll<HTMLButtonElement>(el, 'slotwise-calendar', 'button[part~="day-open"]');

describe('<slotwise-booking> opening on a service', () => {
  it('shows a one-service specialist’s open days with no click, from the profile request alone', async () => {
    const practice = await openPractice();
    const since = performance.now();
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist=${practice.handle} api=${consoleApi()}></slotwise-booking>`);
    await eventually(() => openDays(el).length > 0, 'open days without a click');
    const pressed = deep(el, 'slotwise-service-picker', '[aria-pressed="true"]');
    expect(pressed?.dataset['service']).to.equal(practice.service.id);
    // One request: the profile with its first open times; none for the slots.
    const requests = apiRequests(consoleApi(), since);
    expect(requests.filter((r) => r.startsWith(`/v1/specialists/${practice.handle}`))).to.have.length(1);
    expect(requests.some((r) => r.includes('/slots'))).to.equal(false);
    // The calendar works on from there: a day's times show, as after a click.
    await pickDay(el, 0);
    expect(timeButtons(el).length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('opens on another service when the attribute changes after load, as a single-page app re-rendering does', async () => {
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()}></slotwise-booking>`);
    await eventually(() => deepAll(el, 'slotwise-service-picker', 'button[data-service]').length === 2, 'the services');
    expect(deep(el, 'slotwise-service-picker', '[aria-pressed="true"]'), 'no service chosen before').to.not.be.ok;

    el.setAttribute('service', 'coaching-session');
    await eventually(() => deep(el, 'slotwise-service-picker', '[aria-pressed="true"]')?.closest('li')?.textContent?.includes('Coaching session') === true, 'the coaching session chosen');
    await eventually(() => openDays(el).length > 0, 'its open days');
    expect(deep(el, 'slotwise-service-picker', '[aria-pressed="true"]')!.dataset['duration']).to.equal('60');

    el.setAttribute('service', 'intro-call');
    await eventually(() => deep(el, 'slotwise-service-picker', '[aria-pressed="true"]')?.closest('li')?.textContent?.includes('Intro call') === true, 'the intro call chosen');
    await eventually(() => openDays(el).length > 0, 'the intro call’s open days');
  });

  it('opens on the service the `service` attribute names, by name slug or id, with its duration', async () => {
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()} service="coaching-session"></slotwise-booking>`);
    await eventually(() => openDays(el).length > 0, 'the coaching session’s open days');
    const pressed = deep(el, 'slotwise-service-picker', '[aria-pressed="true"]')!;
    expect(pressed.closest('li')!.textContent).to.include('Coaching session');
    expect(pressed.dataset['duration']).to.equal('60');

    const intro = deepAll(el, 'slotwise-service-picker', 'button[data-service]').find((b) => b.closest('li')!.textContent!.includes('Intro call'))!;
    const byId = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()} service=${intro.dataset['service']!}></slotwise-booking>`);
    await eventually(() => openDays(byId).length > 0, 'the intro call’s open days');
    expect(deep(byId, 'slotwise-service-picker', '[aria-pressed="true"]')!.dataset['service']).to.equal(intro.dataset['service']);
  });

  it('leaves the choice to the visitor among several services, and for a service it does not know', async () => {
    for (const service of [undefined, 'no-such-service']) {
      const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()} service=${service ?? ''}></slotwise-booking>`);
      await eventually(() => deepAll(el, 'slotwise-service-picker', 'button').length > 0, 'the services');
      expect(deep(el, 'slotwise-service-picker', '[aria-pressed="true"]'), String(service)).to.equal(undefined);
      expect(deep(el, 'slotwise-calendar'), String(service)).to.equal(undefined);
    }
  });
});

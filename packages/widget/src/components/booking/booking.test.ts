import { expect, fixture, html } from '@open-wc/testing';
import type { SlotwiseBooking } from './booking.component.js';
import { lastDayOf, monthOf } from '../../internal/dates.js';
import {
  api,
  chooseService,
  deep,
  deepAll,
  eventually,
  fetchSlots,
  fetchSpecialist,
  mountBooking,
  nextEvent,
  pickDay,
  timeButtons,
} from '../../testing/helpers.js';

describe('<slotwise-booking>', () => {
  it('lists the specialist and their services from the server, with prices', async () => {
    // The test runner priced the coaching session at €90.00 (test/api-server.mjs).
    const el = await mountBooking();
    await eventually(() => deepAll(el, 'slotwise-service-picker', '[part~="service"]').length === 2, 'two services');
    expect(deep(el, '[part="title"]')?.textContent).to.equal('Book a session with Dr. Ada Demo');
    const services = deepAll(el, 'slotwise-service-picker', '[part~="service"]').map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(services[0]).to.include('Intro call').and.include('30 min').and.include('Free');
    expect(services[1]).to.include('Coaching session').and.include('60 min').and.include('€90.00');
  });

  it('reads a page language written the POSIX way (de_DE), and one that is no language at all, instead of blanking', async () => {
    for (const lang of ['de_DE', 'not a language!']) {
      const page = await fixture<HTMLDivElement>(html`<div lang=${lang}><slotwise-booking specialist="demo" api=${api()}></slotwise-booking></div>`);
      const el = page.querySelector('slotwise-booking')!;
      await chooseService(el, 'Intro call');
      const days = deepAll(el, 'slotwise-calendar', 'button[part~="day-open"]');
      expect(days.length, lang).to.be.greaterThan(0);
      if (lang === 'de_DE') {
        // German month and weekday names: the tag was read as de-DE.
        const month = new Intl.DateTimeFormat('de-DE', { month: 'long' }).format(new Date(`${days[0]!.dataset['date']}T12:00:00Z`));
        expect(deep(el, 'slotwise-calendar')!.shadowRoot!.textContent).to.include(month);
      }
    }
  });

  it("talks to the page's own origin when there is no api attribute", async () => {
    // The test runner forwards /v1/* on its own origin to the API.
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo"></slotwise-booking>`);
    await eventually(() => deep(el, 'slotwise-service-picker', 'button'), 'services from location.origin');
  });

  it('says clearly when the specialist does not exist, and tells the host page', async () => {
    const errored = nextEvent(document, 'slotwise:error');
    const el = await mountBooking({ specialist: 'nobody-by-this-name' });
    const { detail } = await errored;
    expect(detail.code).to.equal('specialist_not_found');
    expect(detail.status).to.equal(404);
    await eventually(() => deep(el, '[role="alert"]'), 'an alert');
    expect(deep(el, '[role="alert"]')!.textContent).to.include('Specialist not found').and.include('nobody-by-this-name');
    expect(deep(el, 'slotwise-service-picker')).to.equal(undefined);
  });

  it('shows days and times in the zone of the timezone attribute', async () => {
    const zone = 'Asia/Kathmandu';
    const el = await mountBooking({ timezone: zone });
    await chooseService(el, 'Intro call');
    const month = deep(el, 'slotwise-calendar', '[part="month-label"]')!.textContent!;
    const openDays = deepAll(el, 'slotwise-calendar', 'button[part~="day-open"]').map((b) => b.dataset['date']!);
    const { services } = await fetchSpecialist();
    const from = openDays[0]!;
    const to = lastDayOf(monthOf(from));
    const slots = await fetchSlots({ service: services[0]!.id, timezone: zone, from, to });
    // The calendar's open days are the API's dates in Kathmandu.
    expect(openDays).to.deep.equal(slots.days.map((d) => d.date));
    expect(month).to.include(new Date(`${from}T12:00:00Z`).getUTCFullYear().toString());

    const date = await pickDay(el, 0);
    const day = (await fetchSlots({ service: services[0]!.id, timezone: zone, from: date, to: date })).days[0]!;
    const inZone = new Intl.DateTimeFormat(undefined, { timeZone: zone, timeStyle: 'short' });
    const labels = timeButtons(el).map((b) => b.textContent!.trim());
    expect(labels).to.deep.equal(day.slots.map((s) => inZone.format(new Date(s.start))));
    // Kathmandu is UTC+5:45: hour-aligned times there end in :15 or :45, so the zone really applied.
    expect(labels[0]).to.match(/:(15|45)/);
    expect(deep(el, 'slotwise-time-list', '[part="zone"]')!.textContent).to.include('Asia/Kathmandu').and.include('GMT+5:45');
  });

  it('keeps the calendar usable from the keyboard', async () => {
    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(el, 'Coaching session');
    const openDays = () => deepAll<HTMLButtonElement>(el, 'slotwise-calendar', 'button[part~="day-open"]');
    if (openDays().length < 2) {
      // Late in a month there may be one open day left: the next month has more.
      const first = openDays()[0];
      deep<HTMLButtonElement>(el, 'slotwise-calendar', 'button.next')!.click();
      await eventually(() => openDays().length >= 2 && openDays()[0] !== first, 'the next month');
    }
    const open = openDays();
    const tabStops = open.filter((b) => b.tabIndex === 0);
    expect(tabStops).to.have.length(1);
    tabStops[0]!.focus();
    tabStops[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    const calendar = deep(el, 'slotwise-calendar')!;
    await eventually(() => calendar.shadowRoot!.activeElement === open[1], 'focus on the next open day');
    (calendar.shadowRoot!.activeElement as HTMLButtonElement).click();
    await eventually(() => timeButtons(el).length > 0, 'times of that day');
    expect(open[1]!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('can be defined twice (the script loaded twice) without throwing', async () => {
    const first = customElements.get('slotwise-booking');
    expect(first).to.not.equal(undefined);
    const again = new URL('./booking.ts?loaded-again', import.meta.url).href;
    await import(again);
    await import(new URL('../../slotwise.ts?loaded-again', import.meta.url).href);
    expect(customElements.get('slotwise-booking')).to.equal(first);
    expect(api()).to.match(/^http:/);
  });
});

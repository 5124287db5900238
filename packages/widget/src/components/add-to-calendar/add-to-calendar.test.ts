import { expect, fixture, html } from '@open-wc/testing';
import { bookingCalendarUrl } from '@slotwise/sdk';
import type { Booking, BookingCreated } from '@slotwise/sdk/contract';
import type { SlotwiseBooking } from '../booking/booking.component.js';
import { pressKey } from '../../testing/keyboard.js';
import { api, chooseService, chooseTime, deep, eventually, fetchSlots, fetchSpecialist, fillDetails, mountBooking, nextEvent, pickDay, submitDetails } from '../../testing/helpers.js';
import { bookingInApi, bookThroughApi, mountManage } from '../../testing/manage.js';
import type { SlotwiseAddToCalendar } from './add-to-calendar.component.js';
import './add-to-calendar.js';

// Real bookings in the shared test database. The booking-flow tests take the first open days
// (`pickDay` 0–3, so this one takes 4); manage tests take the last time of days five to seven
// weeks ahead, so these take the first time of such days.

const introId = async () => (await fetchSpecialist()).services.find((service) => service.name === 'Intro call')!.id;

/** The first open time of the `key`th-from-last open day five to seven weeks ahead. */
async function earlySlot(service: string, key: number): Promise<string> {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const { days } = await fetchSlots({ service, timezone: 'UTC', from: day(35), to: day(49) });
  return days[days.length - 1 - key]!.slots[0]!.start;
}

const links = (root: Element, ...path: string[]) => ({
  ics: deep<HTMLAnchorElement>(root, ...path, 'slotwise-add-to-calendar', '[part="calendar-ics"]'),
  google: deep<HTMLAnchorElement>(root, ...path, 'slotwise-add-to-calendar', '[part="calendar-google"]'),
});

/** `2026-11-23T09:00:00Z` → `20261123T090000Z`, as Google's `dates` wants it. */
const stamp = (instant: string) => new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

/** The element that has the focus, through every shadow root. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Checks the calendar file's link: the server answers it with this booking's event. */
async function expectCalendarFile(link: HTMLAnchorElement, created: Pick<BookingCreated, 'booking' | 'manageToken'>) {
  expect(link.href).to.equal(bookingCalendarUrl(api(), created.booking.id, created.manageToken));
  expect(link.getAttribute('referrerpolicy')).to.equal('no-referrer');
  const res = await fetch(link.href);
  expect(res.status).to.equal(200);
  expect(res.headers.get('content-type')).to.equal('text/calendar; charset=utf-8');
  const text = await res.text();
  expect(text).to.include(`UID:${created.booking.id}@slotwise`).and.include('METHOD:REQUEST');
  expect(text).to.include(`DTSTART:${stamp(created.booking.start)}`);
}

/** Checks the Google Calendar link: the booking's title and its UTC times, in a new tab, nothing secret. */
function expectGoogleLink(link: HTMLAnchorElement, booking: Booking, manageToken: string) {
  const url = new URL(link.href);
  expect(url.origin + url.pathname).to.equal('https://calendar.google.com/calendar/render');
  expect(url.searchParams.get('action')).to.equal('TEMPLATE');
  expect(url.searchParams.get('text')).to.equal(`${booking.service.name} with ${booking.specialist.name}`);
  expect(url.searchParams.get('dates')).to.equal(`${stamp(booking.start)}/${stamp(booking.end)}`);
  expect(link.href).to.not.include(manageToken);
  expect(link.target).to.equal('_blank');
  expect(link.rel).to.equal('noopener noreferrer');
}

describe('Add to calendar', () => {
  it('is on the confirmation after booking in the widget: the booking’s .ics with its manage token, and Google Calendar', async () => {
    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(el, 'Intro call');
    await pickDay(el, 4);
    await chooseTime(el, 0);
    fillDetails(el, { name: 'Grace Hopper', email: 'grace@example.com' });
    const booked = nextEvent(el, 'slotwise:booked');
    submitDetails(el);
    const { detail } = await booked;
    await eventually(() => links(el, 'slotwise-confirmation').ics, 'the add-to-calendar links');
    const { ics, google } = links(el, 'slotwise-confirmation');
    await expectCalendarFile(ics!, detail);
    expectGoogleLink(google!, detail.booking, detail.manageToken);
  });

  it('is in the manage view, reachable with Tab after the booking’s summary', async () => {
    const service = await introId();
    const created = await bookThroughApi(service, await earlySlot(service, 0));
    const el = await mountManage(created.booking.id, created.manageToken, { timezone: 'Europe/London' });
    await eventually(() => links(el, 'slotwise-manage').ics, 'the add-to-calendar links');
    const { ics, google } = links(el, 'slotwise-manage');
    await expectCalendarFile(ics!, created);
    expectGoogleLink(google!, created.booking, created.manageToken);

    deep(el, 'slotwise-manage', '#heading')!.focus();
    for (let presses = 0; deepActive() !== ics && presses < 6; presses += 1) await pressKey('Tab');
    expect(deepActive()).to.equal(ics);
    await pressKey('Tab');
    expect(deepActive()).to.equal(google);
  });

  it('is gone once the booking is cancelled', async () => {
    const service = await introId();
    const created = await bookThroughApi(service, await earlySlot(service, 1));
    const cancelled = await fetch(`${api()}/v1/bookings/${created.booking.id}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${created.manageToken}` },
      body: '{}',
    });
    expect(cancelled.status).to.equal(200);
    expect((await bookingInApi(created)).status).to.equal('cancelled');
    const el = await mountManage(created.booking.id, created.manageToken);
    await eventually(() => deep(el, 'slotwise-manage', '[part~="booking-status"]'), 'the booking');
    expect(deep(el, 'slotwise-manage', 'slotwise-add-to-calendar', '[part="add-to-calendar"]')).to.equal(undefined);
  });

  it('can be themed from the page through ::part on <slotwise-booking>', async () => {
    const service = await introId();
    const created = await bookThroughApi(service, await earlySlot(service, 2));
    const style = document.createElement('style');
    style.textContent = 'slotwise-booking::part(calendar-google) { color: rgb(1, 2, 3); } slotwise-booking::part(calendar-ics) { color: rgb(4, 5, 6); }';
    document.head.append(style);
    try {
      const el: SlotwiseBooking = await mountManage(created.booking.id, created.manageToken);
      await eventually(() => links(el, 'slotwise-manage').google, 'the add-to-calendar links');
      const { ics, google } = links(el, 'slotwise-manage');
      expect(getComputedStyle(google!).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(ics!).color).to.equal('rgb(4, 5, 6)');
    } finally {
      style.remove();
    }
  });

  it('is accessible, and shows nothing without a confirmed booking and its token', async () => {
    const service = await introId();
    const created = await bookThroughApi(service, await earlySlot(service, 3));
    const el = await fixture<SlotwiseAddToCalendar>(html`<slotwise-add-to-calendar .booking=${created.booking}
      .manageToken=${created.manageToken} .api=${api()}></slotwise-add-to-calendar>`);
    expect(el.shadowRoot!.querySelector('[part="add-to-calendar"]')!.getAttribute('role')).to.equal('group');
    await expect(el).to.be.accessible();
    el.manageToken = '';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="add-to-calendar"]')).to.equal(null);
  });
});

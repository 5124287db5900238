import { expect } from '@open-wc/testing';
import { zoneMemory } from '../zone-picker/zone-memory.js';
import { pressKey, typeInto } from '../../testing/keyboard.js';
import { api, chooseService, deep, deepAll, eventually, fillDetails, mountBooking, nextEvent, pickDay, submitDetails, timeButtons } from '../../testing/helpers.js';
import type { SlotwiseBooking } from './booking.component.js';

// Books on its own day (`pickDay` index 7) in the shared test database.

const FAR = 'Pacific/Kiritimati'; // UTC+14: the demo's Monday–Friday 09:00–17:00 in Berlin reaches into Saturdays there

const current = (el: SlotwiseBooking) => deep(el, 'slotwise-zone-picker', '[part="zone-current"] span')!.textContent!;
const openDates = (el: SlotwiseBooking) => deepAll<HTMLButtonElement>(el, 'slotwise-calendar', 'button[part~="day-open"]').map((b) => b.dataset['date']!);
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/** Picks `zone` with the keyboard only: focus the switcher's button, Enter, type, ↓, Enter. */
async function pickZoneByKeyboard(el: SlotwiseBooking, query: string): Promise<void> {
  const picker = el.shadowRoot!.querySelector('slotwise-zone-picker')!;
  picker.shadowRoot!.querySelector<HTMLButtonElement>('[part="zone-change"]')!.focus();
  await pressKey('Enter');
  await picker.updateComplete;
  const input = picker.shadowRoot!.querySelector<HTMLInputElement>('#zone-input')!;
  expect(picker.shadowRoot!.activeElement).to.equal(input);
  await typeInto(input, query);
  await picker.updateComplete;
  await expect(el).to.be.accessible();
  await pressKey('ArrowDown');
  await pressKey('Enter');
}

describe('<slotwise-booking> time zone switcher', () => {
  afterEach(() => zoneMemory.clear());

  it('shows the detected zone, re-renders days and times in a picked one, and books in it', async () => {
    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(el, 'Intro call');
    expect(current(el)).to.match(/^Times in Europe\/Berlin \(GMT\+[12]\)$/);
    expect(openDates(el).some((date) => weekday(date) === 6 || weekday(date) === 0)).to.equal(false);
    await pickDay(el, 7);
    const slot = timeButtons(el)[0]!;
    const start = slot.dataset['start']!;
    const berlinLabel = slot.textContent!.trim();

    await pickZoneByKeyboard(el, 'Kiritimati');
    await eventually(() => current(el).startsWith(`Times in ${FAR.replace('_', ' ')}`), 'the new zone named');
    expect(current(el)).to.equal('Times in Pacific/Kiritimati (GMT+14)');
    // The day was chosen in the old zone's calendar: it is chosen again; Saturdays open up there.
    await eventually(() => !deep(el, 'slotwise-time-list', 'button[data-start]') && openDates(el).length > 0, 'the calendar in the new zone');
    await eventually(() => openDates(el).some((date) => weekday(date) === 6), 'a Saturday open in Kiritimati');

    const date = new Intl.DateTimeFormat('en-CA', { timeZone: FAR }).format(new Date(start));
    await eventually(() => deep(el, 'slotwise-calendar', `button[data-date="${date}"]`), 'the day of the same time');
    deep<HTMLButtonElement>(el, 'slotwise-calendar', `button[data-date="${date}"]`)!.click();
    await eventually(() => timeButtons(el).some((b) => b.dataset['start'] === start), 'the same time in the new zone');
    const same = timeButtons(el).find((b) => b.dataset['start'] === start)!;
    const farLabel = new Intl.DateTimeFormat(undefined, { timeZone: FAR, timeStyle: 'short' }).format(new Date(start));
    expect(same.textContent!.trim()).to.equal(farLabel).and.not.equal(berlinLabel);

    same.click();
    await eventually(() => !deep(el, 'slotwise-details-form')!.hidden, 'the details form');
    expect(current(el)).to.equal('Times in Pacific/Kiritimati (GMT+14)');
    expect(deep(el, 'slotwise-details-form', 'form')!.textContent).to.include(farLabel);
    fillDetails(el, { name: 'Far Away', email: 'far@example.com' });
    const booked = nextEvent(el, 'slotwise:booked');
    submitDetails(el);
    const { detail } = await booked;
    expect(detail.booking.customer.timeZone).to.equal(FAR);
    const stored = await (await fetch(`${api()}/v1/bookings/${detail.booking.id}`, { headers: { authorization: `Bearer ${detail.manageToken}` } })).json();
    expect(stored.customer.timeZone).to.equal(FAR);
    await eventually(() => deep(el, 'slotwise-confirmation', '.zone'), 'the confirmation');
    expect(deep(el, 'slotwise-confirmation', '.zone')!.textContent).to.include('Pacific/Kiritimati (GMT+14)');

    // Kept for the visit: another widget on the next page shows the same zone.
    const next = await mountBooking({ timezone: 'Europe/Berlin' });
    await eventually(() => deep(next, 'slotwise-zone-picker', '[part="zone-current"] span'), 'the switcher');
    expect(current(next)).to.equal('Times in Pacific/Kiritimati (GMT+14)');
  });
});

import { expect } from '@open-wc/testing';
import type { SlotwiseBooking } from '../booking/booking.component.js';
import { deepActiveElement } from '../../internal/focus.js';
import { deep, deepAll, eventually, fetchSpecialist } from '../../testing/helpers.js';
import { bookingInApi, bookThroughApi, lateSlot, mountManage } from '../../testing/manage.js';

// Real bookings in the shared test database: this file books lateSlot keys 8 and 9.

const inManage = <T extends HTMLElement = HTMLElement>(el: SlotwiseBooking, ...path: string[]) => deep<T>(el, 'slotwise-manage', ...path);
const part = <T extends HTMLElement = HTMLElement>(el: SlotwiseBooking, name: string) => inManage<T>(el, `[part~="${name}"]`);
const focused = () => deepActiveElement();
const focusOn = (el: SlotwiseBooking, what: () => Element | undefined, label: string) =>
  eventually(() => what() !== undefined && focused() === what(), `focus on ${label} (it is on ${nameOf(focused())})`);
const nameOf = (el: Element | null) => (el ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}` : 'nothing');

describe('<slotwise-booking booking token> keeps focus on a sensible element', () => {
  it('through Change time, a day, a time, Move to …, Keep the current time', async () => {
    const service = (await fetchSpecialist()).services.find((s) => s.name === 'Intro call')!.id;
    const created = await bookThroughApi(service, await lateSlot(service, 8), 'focus-move@example.com');
    const el = await mountManage(created.booking.id, created.manageToken, { timezone: 'UTC' });
    await eventually(() => part(el, 'reschedule'), 'the booking');

    part<HTMLButtonElement>(el, 'reschedule')!.click();
    await focusOn(el, () => inManage(el, '#reschedule-heading'), 'the “Choose a new time” heading');

    await eventually(() => deepAll(el, 'slotwise-manage', 'slotwise-calendar', 'button[part~="day-open"]').length > 0, 'open days');
    deepAll<HTMLButtonElement>(el, 'slotwise-manage', 'slotwise-calendar', 'button[part~="day-open"]')[0]!.click();
    await eventually(() => inManage(el, 'slotwise-time-list', 'button[data-start]'), 'the times');
    await eventually(() => inManage(el, 'slotwise-time-list')!.shadowRoot!.activeElement !== null, 'focus in the time list');

    inManage<HTMLButtonElement>(el, 'slotwise-time-list', 'button[data-start]')!.click();
    await focusOn(el, () => part(el, 'confirm-reschedule'), '“Move to …”');

    part<HTMLButtonElement>(el, 'keep-time')!.click();
    await focusOn(el, () => part(el, 'reschedule'), '“Change time”');

    part<HTMLButtonElement>(el, 'reschedule')!.click();
    await eventually(() => deepAll(el, 'slotwise-manage', 'slotwise-calendar', 'button[part~="day-open"]').length > 0, 'open days');
    deepAll<HTMLButtonElement>(el, 'slotwise-manage', 'slotwise-calendar', 'button[part~="day-open"]')[0]!.click();
    await eventually(() => inManage(el, 'slotwise-time-list', 'button[data-start]'), 'the times');
    const times = deepAll<HTMLButtonElement>(el, 'slotwise-manage', 'slotwise-time-list', 'button[data-start]');
    times[times.length - 1]!.click();
    await eventually(() => part(el, 'confirm-reschedule'), 'the move button');
    part<HTMLButtonElement>(el, 'confirm-reschedule')!.click(); // disabled while moving, then gone
    await eventually(() => !part(el, 'reschedule-panel'), 'the moved booking');
    await focusOn(el, () => inManage(el, '#heading'), 'the booking’s heading');
    expect((await bookingInApi(created)).rescheduleCount).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('through Cancel booking, Keep my booking, Cancel booking, Confirm cancellation', async () => {
    const service = (await fetchSpecialist()).services.find((s) => s.name === 'Intro call')!.id;
    const created = await bookThroughApi(service, await lateSlot(service, 9), 'focus-cancel@example.com');
    const el = await mountManage(created.booking.id, created.manageToken, { timezone: 'UTC' });
    await eventually(() => part(el, 'cancel'), 'the booking');

    part<HTMLButtonElement>(el, 'cancel')!.click(); // the button gives way to the quote
    await focusOn(el, () => part(el, 'quote'), 'the refund quote');
    part<HTMLButtonElement>(el, 'keep')!.click();
    await focusOn(el, () => part(el, 'cancel'), '“Cancel booking”');

    part<HTMLButtonElement>(el, 'cancel')!.click();
    await eventually(() => part(el, 'confirm-cancel'), 'the confirm button');
    part<HTMLButtonElement>(el, 'confirm-cancel')!.click();
    await eventually(() => !part(el, 'cancel-panel'), 'the cancelled booking');
    await focusOn(el, () => inManage(el, '#heading'), 'the booking’s heading');
    expect((await bookingInApi(created)).status).to.equal('cancelled');
    await expect(el).to.be.accessible();
  });
});

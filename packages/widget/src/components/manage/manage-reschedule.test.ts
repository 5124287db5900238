import { expect } from '@open-wc/testing';
import type { SlotwiseBooking } from '../booking/booking.component.js';
import { api, deep, deepAll, eventually, fetchSlots, fetchSpecialist, nextEvent } from '../../testing/helpers.js';

const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
import { bookingInApi, bookThroughApi, lateSlot, mountManage } from '../../testing/manage.js';

// Real bookings in the shared test database: each test books its own days (`lateSlot`'s key).

const part = <T extends HTMLElement = HTMLElement>(el: SlotwiseBooking, name: string) => deep<T>(el, 'slotwise-manage', `[part~="${name}"]`);
const text = (el: SlotwiseBooking, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Pages the manage view's calendar forward to `date` and clicks it. */
async function openDay(el: SlotwiseBooking, date: string): Promise<void> {
  const day = () => deep<HTMLButtonElement>(el, 'slotwise-manage', 'slotwise-calendar', `button[data-date="${date}"][part~="day-open"]`);
  for (let page = 0; page < 4 && !day(); page += 1) {
    await eventually(() => deepAll(el, 'slotwise-manage', 'slotwise-calendar', 'button[part~="day-open"]').length > 0, 'open days');
    if (day()) break;
    const month = deep(el, 'slotwise-manage', 'slotwise-calendar', '[part="month-label"]')!.textContent;
    deep<HTMLButtonElement>(el, 'slotwise-manage', 'slotwise-calendar', 'button.next')!.click();
    await eventually(() => deep(el, 'slotwise-manage', 'slotwise-calendar', '[part="month-label"]')!.textContent !== month, 'next month');
  }
  await eventually(() => day(), `${date} to be open`);
  day()!.click();
}

describe('<slotwise-booking booking token> rescheduling', () => {
  it('moves a booking to a time chosen in the calendar, and the API agrees', async () => {
    const service = (await fetchSpecialist()).services.find((s) => s.name === 'Intro call')!.id;
    const created = await bookThroughApi(service, await lateSlot(service, 5));
    const target = await lateSlot(service, 6);
    const el = await mountManage(created.booking.id, created.manageToken, { timezone: 'UTC' });
    await eventually(() => part(el, 'reschedule'), 'the booking');
    const leaked: Event[] = [];
    document.addEventListener('slotwise:slot-selected', (e) => leaked.push(e));

    part<HTMLButtonElement>(el, 'reschedule')!.click();
    await openDay(el, target.slice(0, 10));
    const time = () => deep<HTMLButtonElement>(el, 'slotwise-manage', 'slotwise-time-list', `button[data-start="${target}"]`);
    await eventually(() => time(), 'the target time');
    time()!.click();
    await eventually(() => part(el, 'confirm-reschedule'), 'the move button');
    expect(leaked).to.deep.equal([]);
    expect((await bookingInApi(created)).start).to.equal(created.booking.start);

    const rescheduled = nextEvent(el, 'slotwise:rescheduled');
    part<HTMLButtonElement>(el, 'confirm-reschedule')!.click();
    const { detail } = await rescheduled;
    expect(detail.previousStart).to.equal(created.booking.start);
    expect(new Date(detail.booking.start).getTime()).to.equal(new Date(target).getTime());
    await eventually(() => !part(el, 'reschedule-panel'), 'the updated booking');
    const shown = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', timeStyle: 'short' }).format(new Date(target));
    expect(part(el, 'when')!.querySelector('.time')!.textContent).to.equal(shown);
    expect(text(el, 'booking-status')).to.equal('Confirmed');
    const after = await bookingInApi(created);
    expect(new Date(after.start).getTime()).to.equal(new Date(target).getTime());
    expect(after.rescheduleCount).to.equal(1);
  });

  it('offers no Change time once the policy’s moves are used up, and says why, as the server does', async () => {
    const service = (await fetchSpecialist()).services.find((s) => s.name === 'Intro call')!.id;
    // The first times of days 5–7 (the other tests take those days' last times).
    const { days } = await fetchSlots({ service, timezone: 'UTC', from: daysAhead(35), to: daysAhead(49) });
    const [first, second, third] = [5, 6, 7].map((key) => days[days.length - 1 - key]!.slots[0]!.start);
    const created = await bookThroughApi(service, first!, 'moved-twice@example.com');
    for (const start of [second, third]) {
      const moved = await fetch(`${api()}/v1/bookings/${created.booking.id}/reschedule`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${created.manageToken}` },
        body: JSON.stringify({ start }),
      });
      expect(moved.status).to.equal(200);
    }
    const el = await mountManage(created.booking.id, created.manageToken, { timezone: 'UTC' });
    await eventually(() => part(el, 'move-closed'), 'why it cannot be moved');
    expect(text(el, 'move-closed')).to.equal('This booking has been moved 2 times, the most its policy allows.');
    expect(part(el, 'reschedule')).to.equal(undefined);
    expect(part(el, 'cancel')).to.exist; // cancelling is another rule
    await expect(el).to.be.accessible();
  });
});


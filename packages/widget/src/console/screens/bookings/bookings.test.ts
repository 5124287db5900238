import { expect, html } from '@open-wc/testing';
import { deep, deepAll, eventually } from '../../../testing/helpers.js';
import { pressKey } from '../../../testing/keyboard.js';
import { formatTime } from '../../../internal/format.js';
import { confirmDialog, text } from '../../testing/screen.js';
import { consoleApi, inConsole } from '../../testing/session.js';
import { openPractice } from '../../testing/practice.js';
import type { SlotwiseConsoleBookings } from './bookings.component.js';
import type { SlotwiseConsoleBookingDetail } from './booking-detail.component.js';
import './bookings.js';


async function mountList(session: Awaited<ReturnType<typeof openPractice>>['session']) {
  return inConsole<SlotwiseConsoleBookings>(html`<slotwise-console-bookings></slotwise-console-bookings>`, session);
}

describe('console bookings', () => {
  it('opens on Today; an empty day says so and leads on to the upcoming sessions', async () => {
    const practice = await openPractice();
    const { booking } = await practice.book(0); // the day after tomorrow at the earliest
    const el = await inConsole<SlotwiseConsoleBookings>(html`<slotwise-console-bookings></slotwise-console-bookings>`, practice.session);
    await eventually(() => !el.loading && deep(el, '.empty'), 'the empty day');
    expect(text(deep(el, '.empty'))).to.contain('No sessions today.');
    deepAll<HTMLButtonElement>(el, '.empty button').find((b) => b.textContent === 'See upcoming sessions')!.click();
    await eventually(() => deep(el, `a.booking[data-id="${booking.id}"]`), 'the upcoming session');
    expect(deepAll<HTMLButtonElement>(el, 'button[aria-pressed="true"]').map((b) => b.textContent)).to.deep.equal(['Upcoming']);
    await expect(el).to.be.accessible();
  });

  it('lists upcoming sessions, filters by status on the server and by customer on the loaded page, and opens one', async () => {
    const practice = await openPractice();
    const first = await practice.book(0, { name: 'Ada Lovelace', email: 'ada@example.com' });
    const second = await practice.book(3, { name: 'Grace Hopper', email: 'grace@example.com' });
    const el = await mountList(practice.session);
    deepAll<HTMLButtonElement>(el, '.views button').find((b) => b.textContent === 'Upcoming')!.click();
    await eventually(() => deepAll(el, 'a.booking').length === 2, 'both upcoming bookings');
    expect(text(deep(el, 'a.booking'))).to.contain('Ada Lovelace').and.contain('Strategy call').and.contain('Confirmed');

    const search = deep<HTMLInputElement>(el, 'input[type="search"]')!;
    search.value = 'grace';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(deepAll(el, 'a.booking').map(text).join()).to.contain('Grace Hopper').and.not.contain('Ada Lovelace');
    expect(text(deep(el, '#narrow-note'))).to.contain('loaded');

    search.value = '';
    search.dispatchEvent(new Event('input'));
    await practice.session.client.me.bookings.cancel(second.booking.id, {});
    const status = deep<HTMLSelectElement>(el, 'select')!;
    status.value = 'cancelled';
    status.dispatchEvent(new Event('change'));
    await eventually(() => !el.loading && deepAll(el, 'a.booking').length === 1, 'the cancelled one alone');
    expect(text(deep(el, 'a.booking'))).to.contain('Grace Hopper').and.contain('Cancelled');
    status.value = '';
    status.dispatchEvent(new Event('change'));
    await eventually(() => !el.loading && deepAll(el, 'a.booking').length === 2, 'both again');
    deep<HTMLAnchorElement>(el, `a.booking[data-id="${first.booking.id}"]`)!.click();
    expect(practice.session.navigated).to.deep.equal([`bookings/${first.booking.id}`]);
    // The shell then sets the route: the detail shows, and coming back reads the list again.
    el.route = first.booking.id;
    await eventually(() => deep(el, 'slotwise-console-booking-detail', '.status'), 'the detail');
    await practice.session.client.me.bookings.cancel(first.booking.id, {});
    el.route = '';
    await eventually(() => text(deep(el, `a.booking[data-id="${first.booking.id}"]`)).includes('Cancelled'), 'the list read again');
    await expect(el).to.be.accessible();
  });

  it('shows a week as seven day columns with sessions placed by time of day, and as one day list at 390 px', async () => {
    const practice = await openPractice(); // open 08:00–20:00 Paris, 30-minute sessions
    const early = await practice.book(0); // 08:00–08:30, two days from now
    const late = await practice.book(5, { name: 'Grace Hopper', email: 'grace@example.com' }); // 11:00–11:30 that day (the 6th time still open)
    const el = await mountList(practice.session);
    deepAll<HTMLButtonElement>(el, '.views button').find((b) => b.textContent === 'Week')!.click();
    await eventually(() => deepAll(el, '.week .day').length === 7 && !el.loading, 'seven days');
    // The sessions may fall into next week.
    if (!deep(el, `a.booking[data-id="${early.booking.id}"]`)) {
      deepAll<HTMLButtonElement>(el, '.week-nav button').find((b) => b.textContent === 'Next week')!.click();
    }
    await eventually(() => deep(el, `a.booking[data-id="${late.booking.id}"]`), 'the sessions as blocks');
    const columns = (view: Element) => getComputedStyle(view).gridTemplateColumns.split(' ').length;
    expect(columns(deep(el, '.week')!)).to.equal(7);
    // A day without sessions says so; "Free" read as open for booking, on days closed too.
    const empty = deepAll(el, '.week .day').filter((day) => !day.querySelector('a.booking'));
    expect(empty.length).to.be.greaterThan(0);
    for (const day of empty) expect(text(day.querySelector('.track')!)).to.equal('No bookings');

    // The axis runs from the earliest session's hour to the latest one's end, in the specialist's zone.
    expect(deepAll(el, '.axis span').map(text)).to.deep.equal(['08:00', '09:00', '10:00', '11:00']);
    const first = deep<HTMLElement>(el, `a.booking[data-id="${early.booking.id}"]`)!;
    const second = deep<HTMLElement>(el, `a.booking[data-id="${late.booking.id}"]`)!;
    const track = first.parentElement!.getBoundingClientRect();
    const offset = (block: HTMLElement) => (block.getBoundingClientRect().top - track.top) / track.height;
    expect(deep(el, '.axis span')!.getBoundingClientRect().top).to.be.closeTo(track.top, 2); // the hour labels line up
    expect(offset(first)).to.be.closeTo(0, 0.01);
    expect(offset(second)).to.be.closeTo(0.75, 0.01); // 11:00 is three hours into a four-hour axis
    expect(second.getBoundingClientRect().height / track.height).to.be.closeTo(0.125, 0.01); // 30 of 240 minutes
    // Each block is a link whose text has the full time and the customer.
    expect(text(second)).to.contain(`${formatTime(late.booking.start, 'Europe/Paris')}–${formatTime(late.booking.end, 'Europe/Paris')}`).and.contain('Grace Hopper');

    // Just wider than a phone (the console's navigation beside it), a seventh is narrow: each heading
    // still shows its weekday and its whole date, unclipped.
    el.style.width = '660px';
    await el.updateComplete;
    expect(columns(deep(el, '.week')!)).to.equal(7);
    for (const heading of deepAll<HTMLElement>(el, '.week h4')) {
      const date = heading.closest<HTMLElement>('.day')!.dataset['date']!;
      expect(text(heading)).to.match(new RegExp(`\\b${Number(date.slice(8))}\\b`));
      for (const line of heading.querySelectorAll('span')) expect(line.scrollWidth, text(heading)).to.be.at.most(line.clientWidth + 1);
      expect(heading.scrollHeight).to.be.at.most(heading.clientHeight + 1);
    }
    expect(deep(el, '.axis span')!.getBoundingClientRect().top).to.be.closeTo(first.parentElement!.getBoundingClientRect().top, 2);

    el.style.width = '390px';
    await eventually(() => columns(deep(el, '.week')!) === 1, 'one column on a phone');
    expect(getComputedStyle(deep(el, '.axis')!).display).to.equal('none');
    expect(second.getBoundingClientRect().top).to.be.greaterThan(first.getBoundingClientRect().bottom); // a list, in time order
    await expect(el).to.be.accessible();
  });

  it('cancels a paid booking from the keyboard after saying the full refund, and the server refunds it', async () => {
    const practice = await openPractice({ price: 4500 });
    const { booking } = await practice.book(1);
    const el = await inConsole<SlotwiseConsoleBookings>(html`<slotwise-console-bookings route=${booking.id}></slotwise-console-bookings>`, practice.session);
    await eventually(() => deep(el, 'slotwise-console-booking-detail', '.status'), 'the booking');
    const detail = deep<SlotwiseConsoleBookingDetail>(el, 'slotwise-console-booking-detail')!;
    expect(text(deep(detail, '.customer-time'))).to.contain('America/New York');
    // Start and end, in the customer's zone as in the specialist's.
    expect(text(deep(detail, '.customer-time'))).to.contain(`–${formatTime(booking.end, 'America/New_York')}`);
    expect(detail.shadowRoot!.textContent).to.contain('Meeting');
    expect(text(deep(detail, '.your-time'))).to.contain('Europe/Paris');
    expect(text(deep(detail, '.payment'))).to.contain('€45.00').and.contain('succeeded');
    await expect(detail).to.be.accessible();

    deep<HTMLInputElement>(detail, 'input[name="reason"]')!.focus();
    await pressKey('Tab');
    expect(detail.shadowRoot!.activeElement?.textContent).to.contain('Cancel booking');
    await pressKey('Enter');
    await eventually(() => deep<HTMLDialogElement>(detail, 'dialog')?.open, 'the confirm dialog');
    expect(text(deep(detail, 'dialog'))).to.contain('full refund of €45.00');
    // The dialog starts on "Keep the booking": the next stop is the action.
    await pressKey('Tab');
    await pressKey('Enter');
    await eventually(() => text(deep(detail, '.status')) === 'Cancelled', 'the cancelled booking');
    expect(detail.shadowRoot!.textContent).not.to.contain('Meeting'); // nothing left to join

    const stored = await practice.session.client.me.bookings.retrieve(booking.id);
    expect(stored.status).to.equal('cancelled');
    expect(stored.cancelledBy).to.equal('specialist');
    expect(stored.payment?.refunds.map((refund) => refund.amount)).to.deep.equal([4500]);
    expect(practice.session.announced.at(-1)).to.match(/^Booking cancelled\./).and.contain('€45.00');
  });

  it('moves a booking on the slot picker and keeps the history; saves private notes', async () => {
    const practice = await openPractice();
    const { booking } = await practice.book(0);
    const el = await inConsole<SlotwiseConsoleBookingDetail>(html`<slotwise-console-booking-detail booking-id=${booking.id}></slotwise-console-booking-detail>`, practice.session);
    await eventually(() => deep(el, '.status'), 'the booking');
    expect(deepAll<HTMLButtonElement>(el, 'button').map((b) => b.textContent?.trim())).not.to.include('Cancel the whole session…'); // one-to-one
    deepAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent === 'Reschedule')!.click();
    await eventually(() => deep(el, 'slotwise-calendar', 'button[part~="day-open"]'), 'open days');
    const days = deepAll<HTMLButtonElement>(el, 'slotwise-calendar', 'button[part~="day-open"]');
    days.at(-1)!.click();
    await eventually(() => deep(el, 'slotwise-time-list', 'button'), 'open times');
    deepAll<HTMLButtonElement>(el, 'slotwise-time-list', 'button').at(-1)!.click();
    await eventually(() => deep(el, 'button[part="confirm-reschedule"]'), 'the move button');
    deep<HTMLButtonElement>(el, 'button[part="confirm-reschedule"]')!.click();
    await eventually(() => practice.session.announced.some((m) => m.startsWith('Booking moved to')), 'the move');

    const moved = await practice.session.client.me.bookings.retrieve(booking.id);
    expect(moved.start).to.not.equal(booking.start);
    expect(moved.rescheduleCount).to.equal(1);
    await eventually(() => text(deep(el, 'table.history')).includes('rescheduled'), 'the history row');
    // The booking's first event says it once: "confirmed", not "confirmed → Confirmed".
    expect(text(deep(el, 'table.history'))).to.include('confirmed').and.not.include('confirmed → Confirmed');

    const notes = deep<HTMLTextAreaElement>(el, '#notes')!;
    notes.value = 'Prefers morning sessions.';
    notes.dispatchEvent(new Event('input'));
    deepAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent === 'Save notes')!.click();
    await eventually(() => practice.session.announced.includes('Notes saved.'), 'the save');
    expect((await practice.session.client.me.bookings.retrieve(booking.id)).specialistNotes).to.equal('Prefers morning sessions.');
  });

  it('cancels a whole group session from one seat, after a confirmation: every seat cancelled, said once the server answered', async () => {
    const practice = await openPractice();
    await practice.session.client.me.services.update(practice.service.id, { capacity: 3 });
    const { booking } = await practice.book(0, { name: 'Ada Lovelace', email: 'ada@example.com' });
    const second = await practice.book(0, { name: 'Grace Hopper', email: 'grace@example.com' }); // the same start: a seat left
    expect(second.booking.start).to.equal(booking.start);
    const el = await inConsole<SlotwiseConsoleBookingDetail>(html`<slotwise-console-booking-detail booking-id=${booking.id}></slotwise-console-booking-detail>`, practice.session);
    await eventually(() => deepAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.trim() === 'Cancel the whole session…'), 'the session action');
    await expect(el).to.be.accessible();
    // One reason field for both buttons: it says who reads it either way.
    expect(text(deep(el, '.cancel label'))).to.equal('Reason for cancelling (optional; Ada Lovelace sees it, or every attendee when you cancel the whole session)');
    deepAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.trim() === 'Cancel the whole session…')!.click();
    await confirmDialog(el, 'not only Ada Lovelace’s');
    await eventually(() => practice.session.announced.includes('Session cancelled: 2 seats.'), 'the cancellation said');
    await eventually(() => text(deep(el, '.status')).includes('Cancelled'), 'the seat shown cancelled');
    for (const id of [booking.id, second.booking.id]) expect((await practice.session.client.me.bookings.retrieve(id)).status).to.equal('cancelled');
  });

  it('opened on another booking, keeps nothing typed for the last one: its cancellation reason is not sent to the next customer', async () => {
    const practice = await openPractice();
    const first = await practice.book(0, { name: 'Ada Lovelace', email: 'ada@example.com' });
    const second = await practice.book(1, { name: 'Grace Hopper', email: 'grace@example.com' });
    const el = await inConsole<SlotwiseConsoleBookingDetail>(html`<slotwise-console-booking-detail booking-id=${first.booking.id}></slotwise-console-booking-detail>`, practice.session);
    await eventually(() => deep(el, 'input[name="reason"]'), 'the first booking');
    const reason = deep<HTMLInputElement>(el, 'input[name="reason"]')!;
    reason.value = 'Ada, I am ill this week';
    reason.dispatchEvent(new Event('input'));
    el.bookingId = second.booking.id; // e.g. the address bar or the browser's history
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).not.to.contain('Ada Lovelace'); // not the last booking's actions while this one loads
    await eventually(() => el.shadowRoot!.textContent!.includes('Grace Hopper') && deep(el, 'input[name="reason"]'), 'the second booking');
    expect(deep<HTMLInputElement>(el, 'input[name="reason"]')!.value).to.equal('');
  });

  it('shares notes and a recording link with the customer beside the private notes, showing the server’s field errors', async () => {
    const practice = await openPractice();
    const { booking, manageToken } = await practice.book(0, { name: 'Ada Lovelace', email: 'ada@example.com' });
    const el = await inConsole<SlotwiseConsoleBookingDetail>(html`<slotwise-console-booking-detail booking-id=${booking.id}></slotwise-console-booking-detail>`, practice.session);
    await eventually(() => deep(el, '#sharedNotes'), 'the shared notes field');
    expect(text(deep(el, 'label[for="sharedNotes"]'))).to.contain('Shared with Ada Lovelace');
    const type = (selector: string, value: string) => {
      const field = deep<HTMLInputElement | HTMLTextAreaElement>(el, selector)!;
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    const save = () => deepAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent === 'Save notes')!.click();
    type('#notes', 'Nervous about the pitch.');
    type('#sharedNotes', 'Practise the pitch twice.\nRead chapter 3.');
    type('#recordingUrl', 'http://rec.example/s/42');
    save();
    await eventually(() => deep(el, '#error-recordingUrl'), 'the link’s error');
    expect(text(deep(el, '#error-recordingUrl'))).to.contain('https://');
    expect(deep(el, '#recordingUrl')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('recordingUrl');
    expect((await practice.session.client.me.bookings.retrieve(booking.id)).sharedNotes).to.equal(null); // nothing stored
    await expect(el).to.be.accessible();

    type('#recordingUrl', 'https://rec.example/s/42');
    save();
    await eventually(() => practice.session.announced.includes('Notes saved.'), 'the save');
    expect(deep(el, '#error-recordingUrl')).to.equal(undefined);
    const stored = await practice.session.client.me.bookings.retrieve(booking.id);
    expect(stored).to.include({ specialistNotes: 'Nervous about the pitch.', sharedNotes: 'Practise the pitch twice.\nRead chapter 3.', recordingUrl: 'https://rec.example/s/42' });
    // The customer sees what is shared, never the private notes.
    const theirs = await (await fetch(`${consoleApi()}/v1/bookings/${booking.id}`, { headers: { authorization: `Bearer ${manageToken}` } })).json();
    expect(theirs).to.include({ sharedNotes: 'Practise the pitch twice.\nRead chapter 3.', recordingUrl: 'https://rec.example/s/42' });
    expect(JSON.stringify(theirs)).to.not.contain('Nervous');

    // Emptied fields clear them.
    type('#sharedNotes', '  ');
    type('#recordingUrl', '');
    save();
    await eventually(() => practice.session.announced.filter((m) => m === 'Notes saved.').length === 2, 'the second save');
    expect(await practice.session.client.me.bookings.retrieve(booking.id)).to.include({ sharedNotes: null, recordingUrl: null, specialistNotes: 'Nervous about the pitch.' });
  });
});

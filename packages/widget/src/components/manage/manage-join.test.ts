import { expect } from '@open-wc/testing';
import type { SlotwiseBooking } from '../booking/booking.component.js';
import type { SlotwiseEvent } from '../../events.js';
import { deep, deepAll, eventually } from '../../testing/helpers.js';
import { pressKey } from '../../testing/keyboard.js';
import { bookAhead, clockApi, clockServices, deepMarkup, mountOnClock, readBooking, readsOf, setClock, shareOnClock, syncClock, tick } from '../../testing/clock.js';
import { manageParts } from './manage-parts.js';

// Against the clock API (test/api-server.mjs `startClockApi`): a real server whose clock the tests
// move, given to the element as `.now` too, so both agree on the moment. Its clock only moves
// forward: each test books a time after the previous test's moment. Nothing is delivered until a
// test ticks: a video session's meeting (a Jitsi room) exists only after `tick()`.

const MINUTE = 60_000;
const part = (el: SlotwiseBooking, name: string) => deep(el, 'slotwise-manage', `[part~="${name}"]`);
const text = (el: SlotwiseBooking, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const joinLink = (el: SlotwiseBooking) => deep<HTMLAnchorElement>(el, 'slotwise-manage', 'a[part~="join"]');
const time = (instant: string | number, timeZone: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' }).format(new Date(instant));

/** The element that has the focus, through every shadow root. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Records every `type` event that reaches the document. */
function record<K extends 'slotwise:join-opened' | 'slotwise:joined'>(type: K): SlotwiseEvent<K>[] {
  const seen: SlotwiseEvent<K>[] = [];
  document.addEventListener(type, (event) => seen.push(event as SlotwiseEvent<K>));
  return seen;
}

describe('<slotwise-booking booking token>: joining the session, on a clock the test moves', () => {
  before(async () => {
    performance.setResourceTimingBufferSize(5000);
    await syncClock();
  });

  it("before the window: counts down to its opening in the visitor's zone and locale, and has no link anywhere", async () => {
    const created = await bookAhead(clockServices().video);
    await tick(); // the meeting exists: only the window keeps its link back
    const opensAt = Date.parse(created.booking.join.opensAt);
    expect(opensAt).to.equal(Date.parse(created.booking.start) - 10 * MINUTE);
    await setClock(opensAt - (2 * 60 + 14) * MINUTE);
    expect((await readBooking(created)).join.url).to.equal(null);

    const el = await mountOnClock(created, { timezone: 'Asia/Kolkata', lang: 'en-GB' });
    await eventually(() => part(el, 'join-countdown'), 'the countdown');
    const from = time(opensAt, 'Asia/Kolkata', 'en-GB');
    expect(from).to.not.equal(time(opensAt, 'UTC', 'en-GB')); // Kolkata is 5:30 ahead
    expect(text(el, 'join-countdown')).to.equal(`You can join in 2 hrs, 14 mins (from ${from}). The Join button appears here then.`);
    expect(part(el, 'join-countdown')!.querySelector('time')!.getAttribute('datetime')).to.equal(created.booking.join.opensAt);

    // Live: the clock moves on, the countdown follows within a second.
    await setClock(opensAt - (60 + 5) * MINUTE - 30_000);
    await eventually(() => text(el, 'join-countdown').startsWith('You can join in 1 hr, 6 mins '), 'the countdown to follow the clock');

    expect(joinLink(el)).to.equal(undefined);
    expect(part(el, 'join-waiting')).to.equal(undefined);
    const markup = deepMarkup(el);
    expect(markup).to.not.include('meet.jit.si');
    // The only links: the calendar file (on the API) and Google Calendar's page.
    const hrefs = deepAll<HTMLAnchorElement>(el, 'slotwise-manage', 'a').map((a) => a.href);
    expect(hrefs.filter((href) => !href.startsWith(`${clockApi()}/`) && !href.startsWith('https://calendar.google.com/'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it("when the window opens: asks the server again and shows Join with the server's link, by Tab and Enter, until it closes", async () => {
    const opened = record('slotwise:join-opened');
    const joined = record('slotwise:joined');
    const created = await bookAhead(clockServices().video);
    await tick();
    const opensAt = Date.parse(created.booking.join.opensAt);
    await setClock(opensAt - 3_000);

    const el = await mountOnClock(created, { timezone: 'Europe/Berlin', lang: 'en-GB' });
    await eventually(() => part(el, 'join-countdown'), 'the countdown');
    const before = deepMarkup(el);
    const readsBefore = readsOf(created);
    expect(text(el, 'join-countdown')).to.match(/^You can join in [123] secs? /);

    // No clock jump: three real seconds later the window opens, and the element reads the booking.
    await eventually(() => joinLink(el), 'the Join link');
    expect(readsOf(created)).to.be.greaterThan(readsBefore);
    const { join } = await readBooking(created);
    expect(join.url).to.match(/^https:\/\/meet\.jit\.si\/intro-call-/);
    const link = joinLink(el)!;
    expect(link.href).to.equal(join.url);
    expect(before).to.not.include(join.url!);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Join the session (opens in a new tab)');
    expect(text(el, 'join-remaining')).to.match(/^Starts in 10 mins \(at \d\d:\d\d\)\.$/);
    expect(opened.map((event) => [event.detail.booking.id, event.detail.url, event.detail.closesAt])).to.deep.equal([
      [created.booking.id, join.url, created.booking.join.closesAt],
    ]);
    // Every part the view renders reaches the page through <slotwise-booking>.
    const exported = new Set(manageParts.split(', '));
    const rendered = deepAll(el, 'slotwise-manage', '[part]').flatMap((node) => node.getAttribute('part')!.split(' '));
    expect(rendered.filter((name) => !exported.has(name))).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Keyboard: Tab from the heading reaches Join; Enter activates it (the page keeps the tab from opening).
    deep<HTMLElement>(el, 'slotwise-manage', '[part="manage-title"]')!.focus();
    await pressKey('Tab');
    expect(deepActive()).to.equal(link);
    const stay = (event: Event) => event.preventDefault();
    document.addEventListener('click', stay);
    try {
      await pressKey('Enter');
    } finally {
      document.removeEventListener('click', stay);
    }
    expect(joined.map((event) => [event.detail.booking.id, event.detail.url])).to.deep.equal([[created.booking.id, join.url]]);

    // A host page that opens the meeting its own way cancels slotwise:joined: the link does not open.
    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener('slotwise:joined', cancel, { once: true });
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).to.equal(true);
    expect(joined).to.have.length(2);

    // The window closes: the link goes, a thank-you comes; the event fired once for the window.
    await setClock(Date.parse(created.booking.join.closesAt));
    await eventually(() => part(el, 'follow-up'), 'the thank-you');
    expect(joinLink(el)).to.equal(undefined);
    expect(deepMarkup(el)).to.not.include(join.url!);
    expect(opened).to.have.length(1);
  });

  it('inside the window before the meeting exists: says the link is being prepared, links nothing, and shows Join once the server made it', async () => {
    const created = await bookAhead(clockServices().video);
    // No tick: the meeting is not made yet.
    await setClock(Date.parse(created.booking.join.opensAt) + MINUTE);
    expect((await readBooking(created)).join.url).to.equal(null);

    const el = await mountOnClock(created, { timezone: 'Europe/Berlin', lang: 'en-GB' });
    await eventually(() => part(el, 'join-waiting'), 'the wait for the link');
    expect(text(el, 'join-waiting')).to.equal('Your meeting link is being prepared… This page checks again by itself.');
    expect(joinLink(el)).to.equal(undefined);
    expect(deepMarkup(el)).to.not.include('meet.jit.si');
    expect(deep(el, 'slotwise-manage', '[role="status"]')!.textContent).to.equal('Your meeting link is being prepared.');
    await expect(el).to.be.accessible();

    // It asks again by itself after a few seconds; meanwhile nobody clicked anything.
    const reads = readsOf(created);
    await eventually(() => readsOf(created) > reads, 'a second read');
    expect(joinLink(el)).to.equal(undefined);

    await tick(); // the server makes the meeting
    const { join } = await readBooking(created);
    expect(join.url).to.match(/^https:\/\/meet\.jit\.si\//);
    await waitLong(() => joinLink(el), 'the Join link after a retry');
    expect(joinLink(el)!.href).to.equal(join.url);
    expect(part(el, 'join-waiting')).to.equal(undefined);
  });

  it('after the end: a thank-you, no Join and no feedback link the API does not give; once completed, the notes and recording the specialist shared', async () => {
    const created = await bookAhead(clockServices().video);
    await tick();
    const end = Date.parse(created.booking.end);
    await setClock(end + MINUTE);

    const el = await mountOnClock(created, { timezone: 'Europe/Berlin', lang: 'en-GB' });
    await eventually(() => part(el, 'follow-up'), 'the thank-you');
    expect(text(el, 'follow-up')).to.equal('Your session has ended. Thank you for meeting with Dr. Ada Demo.');
    expect(text(el, 'booking-status')).to.equal('Confirmed');
    expect(joinLink(el)).to.equal(undefined);
    expect(part(el, 'join-panel')).to.equal(undefined);
    expect(part(el, 'feedback')).to.equal(undefined);
    expect(part(el, 'shared-notes')).to.equal(undefined);
    expect(part(el, 'recording')).to.equal(undefined);
    // Nothing left to change or to put in a calendar.
    expect(part(el, 'actions')).to.equal(undefined);
    expect(deep(el, 'slotwise-manage', 'slotwise-add-to-calendar')).to.equal(undefined);
    expect(deepMarkup(el)).to.not.include('meet.jit.si');
    await expect(el).to.be.accessible();

    // The scheduler completes the session after its grace period (two hours).
    await setClock(end + 2 * 60 * MINUTE + MINUTE);
    expect((await tick()).completedSessions).to.be.greaterThan(0);
    expect((await readBooking(created)).status).to.equal('completed');
    await shareOnClock(created, { sharedNotes: 'Practise the <b>pitch</b>.', recordingUrl: 'https://rec.example/s/42' });
    const again = await mountOnClock(created, { timezone: 'Europe/Berlin', lang: 'en-GB' });
    await eventually(() => part(again, 'follow-up'), 'the thank-you');
    expect(text(again, 'booking-status')).to.equal('Completed');
    expect(joinLink(again)).to.equal(undefined);
    expect(part(again, 'feedback')).to.equal(undefined);
    await eventually(() => part(again, 'shared-notes'), 'the shared notes');
    expect(text(again, 'shared-notes')).to.equal('Notes from Dr. Ada Demo Practise the <b>pitch</b>.');
    expect(deep(again, 'slotwise-manage', '[part~="shared-notes"] b')).to.equal(undefined); // text, not markup
    expect((part(again, 'recording') as HTMLAnchorElement).href).to.equal('https://rec.example/s/42');
    await expect(again).to.be.accessible();
  });

  it('by phone or in person: counts down to the start with the number or address, and waits for no link', async () => {
    const phone = await bookAhead(clockServices().phone);
    await tick();
    const start = Date.parse(phone.booking.start);
    await setClock(start - 90 * MINUTE);
    const el = await mountOnClock(phone, { timezone: 'America/New_York', lang: 'en-US' });
    await eventually(() => part(el, 'join-countdown'), 'the countdown');
    expect(text(el, 'join-countdown')).to.equal(`Starts in 1 hr, 30 min (at ${time(start, 'America/New_York', 'en-US')}).`);
    expect(text(el, 'location')).to.equal('By phone: +49 30 1234567');
    expect(deep<HTMLAnchorElement>(el, 'slotwise-manage', '[part~="location-phone"]')!.getAttribute('href')).to.equal('tel:+49301234567');

    // Past the start: how long is left; no "being prepared", no Join, no extra read of the booking.
    const reads = readsOf(phone);
    await setClock(start + MINUTE);
    await eventually(() => part(el, 'join-remaining'), 'the session under way');
    expect(text(el, 'join-remaining')).to.equal(`29 min left (until ${time(phone.booking.end, 'America/New_York', 'en-US')}).`);
    expect(text(el, 'location')).to.equal('By phone: +49 30 1234567');
    expect(part(el, 'join-waiting')).to.equal(undefined);
    expect(joinLink(el)).to.equal(undefined);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(readsOf(phone)).to.equal(reads);
    await expect(el).to.be.accessible();

    const visit = await bookAhead(clockServices().inPerson);
    await setClock(Date.parse(visit.booking.start) - 3 * 60 * MINUTE);
    const there = await mountOnClock(visit, { timezone: 'Europe/Berlin', lang: 'de-DE' });
    // A German page reads German words and formats (the catalog arrives a moment after the booking).
    await eventually(() => text(there, 'join-countdown').startsWith('Beginnt'), 'the countdown, in German');
    expect(text(there, 'join-countdown')).to.equal(`Beginnt in 3 Std. (Beginn: ${time(visit.booking.start, 'Europe/Berlin', 'de-DE')}).`);
    expect(text(there, 'location')).to.equal('Adresse: Torstraße 1, 10119 Berlin');
  });
});

/** Like `eventually`, for the retries' longer delays. */
async function waitLong(predicate: () => unknown, message: string): Promise<void> {
  const until = Date.now() + 20_000;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`Timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

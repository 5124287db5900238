import { expect, fixture, html } from '@open-wc/testing';
import type { SlotwiseBooking } from '../booking/booking.component.js';
import { mailedManageLink, mailedMyBookingsLink } from '../../console/testing/mailbox.js';
import { openPractice } from '../../console/testing/practice.js';
import { consoleApi } from '../../console/testing/session.js';
import { pressKey, tabTo, typeKeys } from '../../testing/keyboard.js';
import { deep, eventually } from '../../testing/helpers.js';
import '../booking/booking.js';

// Against the console API (no rate limits, a mailbox at /dev/mailbox): its seeded `demo`
// specialist, a booking of an address of this test's own, the real email and its link.

const api = () => consoleApi();
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const part = <T extends HTMLElement = HTMLElement>(el: SlotwiseBooking, name: string) => deep<T>(el, 'slotwise-my-bookings', `[part~="${name}"]`);

async function bookOnConsoleApi(email: string) {
  const profile = await (await fetch(`${api()}/v1/specialists/demo`)).json();
  const service = profile.services.find((s: { name: string }) => s.name === 'Intro call').id as string;
  const query = new URLSearchParams({ service, timezone: 'UTC', from: daysAhead(50), to: daysAhead(60) });
  const { days } = await (await fetch(`${api()}/v1/specialists/demo/slots?${query}`)).json();
  // A time nobody else in this run takes: a random open time of those days.
  const all = days.flatMap((d: { slots: { start: string }[] }) => d.slots);
  const start = all[Math.floor(Math.random() * all.length)].start as string;
  const res = await fetch(`${api()}/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ specialist: 'demo', service, start, customer: { name: 'Mia Mine', email, timeZone: 'Asia/Tokyo' } }),
  });
  expect(res.status).to.equal(201);
  return (await res.json()) as { booking: { id: string; start: string } };
}

describe('<slotwise-booking> from the confirmation email’s manage link', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('shows that booking: the token rides in the fragment (no query for a site’s logs) and leaves the address bar', async () => {
    const email = `linked-${Date.now().toString(36)}@example.com`;
    const { booking } = await bookOnConsoleApi(email);
    const link = await mailedManageLink(email);
    // Only the page's language in the query (the customer's, `?lang=`): the token is in the fragment.
    expect([...link.searchParams.keys()]).to.deep.equal(['lang']);
    expect(link.hash).to.contain('slotwise-token=');
    history.replaceState(null, '', `${location.pathname}${location.search}${link.hash}`); // as the page opens from the email
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()} timezone="Asia/Tokyo"></slotwise-booking>`);
    await eventually(() => deep(el, 'slotwise-manage')?.shadowRoot?.textContent?.includes('Intro call'), 'the booking from the link');
    expect(el.booking).to.equal(booking.id);
    expect(location.hash).to.equal('');
  });
});

describe('<slotwise-booking> My bookings', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    sessionStorage.clear();
  });

  it('emails a link, lists the booking from it, cancels it from there and signs out', async () => {
    const email = `mine-${Date.now().toString(36)}@example.com`;
    const { booking } = await bookOnConsoleApi(email);
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()} timezone="Asia/Tokyo"></slotwise-booking>`);
    await eventually(() => deep(el, '[part="my-bookings-link"]'), 'the My bookings link');
    deep<HTMLButtonElement>(el, '[part="my-bookings-link"]')!.click();
    await eventually(() => part(el, 'my-form'), 'the email form');
    await expect(el).to.be.accessible();

    // Not an address: the server's sentence under the field (no `body.email:`), the focus on the field, what was typed kept.
    const field = deep<HTMLInputElement>(el, 'slotwise-my-bookings', '#my-email')!;
    field.value = 'a@b';
    deep<HTMLButtonElement>(el, 'slotwise-my-bookings', 'button[type="submit"]')!.click();
    await eventually(() => part(el, 'field-error'), 'the address refused');
    expect(part(el, 'field-error')!.textContent!.trim()).to.equal('Use an email address such as ada@example.com.');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.equal('my-email-error');
    expect(deep(el, 'slotwise-my-bookings')!.shadowRoot!.activeElement).to.equal(field);
    expect(field.value).to.equal('a@b');
    expect(part(el, 'alert')).to.equal(undefined);
    await expect(el).to.be.accessible();

    field.value = email;
    deep<HTMLButtonElement>(el, 'slotwise-my-bookings', 'button[type="submit"]')!.click();
    await eventually(() => part(el, 'my-sent'), 'what the server said');
    expect(part(el, 'field-error')).to.equal(undefined);
    expect(part(el, 'my-sent')!.textContent).to.include('If this address has bookings here, a link');

    // This page's origin is not one the demo registered: the link leads to its hosted page, the
    // same widget; following it here is the same fragment on this page.
    const link = await mailedMyBookingsLink(email);
    expect(link.pathname).to.equal('/demo'); // the API's public address, as the server is told it
    location.hash = link.hash;
    await eventually(() => part(el, 'my-booking'), 'the list');
    await eventually(() => location.hash === '', 'the token gone from the address');
    const item = part(el, 'my-booking')!;
    expect(item.dataset['booking']).to.equal(booking.id);
    expect(item.textContent).to.include('Intro call').and.include('Confirmed');
    const time = new Intl.DateTimeFormat(undefined, { timeZone: 'Asia/Tokyo', timeStyle: 'short' }).format(new Date(booking.start));
    expect(item.querySelector('time')!.textContent).to.include(time);
    expect(part<HTMLAnchorElement>(el, 'my-calendar')!.href).to.include(`/v1/bookings/${booking.id}/calendar.ics`);
    await expect(el).to.be.accessible();

    // Cancel it from its manage view, then back to the list.
    part<HTMLButtonElement>(el, 'my-manage')!.click();
    const manage = (name: string) => deep<HTMLElement>(el, 'slotwise-manage', `[part~="${name}"]`);
    await eventually(() => manage('cancel'), 'the manage view');
    manage('cancel')!.click();
    await eventually(() => manage('confirm-cancel'), 'the quote');
    manage('confirm-cancel')!.click();
    await eventually(() => manage('booking-status')?.textContent?.trim() === 'Cancelled', 'the cancelled booking');
    deep<HTMLButtonElement>(el, '[part="my-bookings-link"]')!.click();
    await eventually(() => part(el, 'my-status')?.dataset['status'] === 'cancelled', 'the list again, cancelled');

    const session = Object.keys(sessionStorage).filter((k) => k.startsWith('slotwise:my:')).map((k) => sessionStorage.getItem(k)!)[0]!;
    part<HTMLButtonElement>(el, 'my-sign-out')!.click();
    await eventually(() => part(el, 'my-form'), 'the email form again');
    await eventually(async () => (await fetch(`${api()}/v1/my-bookings`, { headers: { authorization: `Bearer ${session}` } })).status === 401, 'the session ended');
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('slotwise:my:'))).to.deep.equal([]);
  });
  it('sends the link back to this page (an allowed site), and following it as a customer would opens the list (axe)', async () => {
    const practice = await openPractice({ timeZone: 'Europe/Paris' });
    await practice.session.client.me.profile.update({ allowedOrigins: [location.origin] });
    const email = `follows-${Date.now().toString(36)}@example.com`;
    const { booking } = await practice.book(0, { name: 'Lin Link', email });
    const mount = () => fixture<SlotwiseBooking>(html`<slotwise-booking specialist=${practice.handle} api=${api()} timezone="Europe/Paris"></slotwise-booking>`);

    // Asked for in the widget, by keyboard.
    const asked = await mount();
    await eventually(() => deep(asked, '[part="my-bookings-link"]'), 'the My bookings link');
    await tabTo((el) => el.matches('[part="my-bookings-link"]'), 'the My bookings link');
    await pressKey('Enter');
    await eventually(() => deep(asked, 'slotwise-my-bookings', '#my-email'), 'the email form');
    await tabTo((el) => el.id === 'my-email', 'the email field');
    await typeKeys(email);
    await pressKey('Enter');
    await eventually(() => part(asked, 'my-sent'), 'what the server said');

    // The server wrote this page's own address into the link: its origin is one the specialist allowed.
    const link = await mailedMyBookingsLink(email);
    expect(`${link.origin}${link.pathname}${link.search}`).to.equal(location.href.split('#')[0]);
    // The customer opens it (a new tab: a fresh widget on the page at that address). Only the
    // fragment differs from this page's address, so the navigation keeps this document.
    asked.remove();
    location.assign(link.href);
    expect(location.hash).to.match(/^#slotwise-my=/);
    const opened = await mount();
    await eventually(() => part(opened, 'my-booking'), 'the list');
    expect(location.hash, 'the token gone from the address').to.equal('');
    expect(part(opened, 'my-booking')!.dataset['booking']).to.equal(booking.id);
    expect(part(opened, 'my-booking')!.textContent).to.include('Strategy call').and.include('Confirmed');
    await expect(opened).to.be.accessible();
  });
});

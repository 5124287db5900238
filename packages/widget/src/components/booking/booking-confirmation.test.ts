import { expect } from '@open-wc/testing';
import { chooseService, chooseTime, deep, eventually, fillDetails, mountBooking, nextEvent, pickDay, submitDetails } from '../../testing/helpers.js';

// Books on its own day (`pickDay` index 8) in the shared test database.

describe('<slotwise-booking> confirmation', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('says what happens next and links to the booking’s own page, which opens its manage view here', async () => {
    const zone = 'America/New_York';
    const el = await mountBooking({ timezone: zone });
    await chooseService(el, 'Intro call');
    await pickDay(el, 8);
    await chooseTime(el, 0);
    fillDetails(el, { name: 'Next Steps', email: 'next@example.com' });
    const booked = nextEvent(el, 'slotwise:booked');
    submitDetails(el);
    const { detail } = await booked;

    await eventually(() => deep(el, 'slotwise-confirmation', '[part="next-policy"]'), 'the policy line from the server');
    const next = deep(el, 'slotwise-confirmation', '[part="next"]')!;
    const join = deep(el, 'slotwise-confirmation', '[part="next-join"]')!.textContent!;
    expect(join).to.equal('The link to join the call appears on your booking’s page 10 minutes before the start.');
    // The demo's free Intro call may be cancelled until 24 hours before the start.
    const until = new Date(Date.parse(detail.booking.start) - 24 * 3_600_000);
    const untilText = new Intl.DateTimeFormat(undefined, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(until);
    expect(deep(el, 'slotwise-confirmation', '[part="next-policy"]')!.textContent).to.equal(`You can cancel until ${untilText}.`);
    expect(next.textContent).to.include('To reschedule or cancel, open your booking’s page');
    // The email line says only what the server said: it queued the confirmation.
    expect(deep(el, 'slotwise-confirmation', '.email')!.textContent).to.include('on its way to');
    await expect(el).to.be.accessible();

    const link = deep<HTMLAnchorElement>(el, 'slotwise-confirmation', '[part="manage-link"]')!;
    const url = new URL(link.href);
    expect(url.origin + url.pathname).to.equal(location.origin + location.pathname);
    const fragment = new URLSearchParams(url.hash.slice(1));
    expect(fragment.get('slotwise-booking')).to.equal(detail.booking.id);
    expect(fragment.get('slotwise-token')).to.equal(detail.manageToken);

    // Following it changes only the fragment: the widget opens the booking and clears the token from the address.
    link.click();
    await eventually(() => deep(el, 'slotwise-manage', '[part="manage-title"]'), 'the manage view');
    expect(el.booking).to.equal(detail.booking.id);
    await eventually(() => location.hash === '', 'the fragment cleared');
    await eventually(() => deep(el, 'slotwise-manage')!.shadowRoot!.textContent!.includes('Intro call'), 'the booking shown');
  });

  it('opens the booking’s page in the widget the link was clicked in, on a page with another widget (inline and popup)', async () => {
    const inline = await mountBooking({ timezone: 'Europe/Berlin' });
    const other = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(other, 'Intro call');
    await pickDay(other, 8);
    await chooseTime(other, 2);
    fillDetails(other, { name: 'Second Widget', email: 'second@example.com' });
    const booked = nextEvent(other, 'slotwise:booked');
    submitDetails(other);
    const { detail } = await booked;
    await eventually(() => deep(other, 'slotwise-confirmation', '[part="manage-link"]'), 'the link');
    deep<HTMLAnchorElement>(other, 'slotwise-confirmation', '[part="manage-link"]')!.click();
    await eventually(() => deep(other, 'slotwise-manage', '[part="manage-title"]'), 'the manage view where it was clicked');
    expect(other.booking).to.equal(detail.booking.id);
    expect(inline.booking ?? '').to.equal('');
    expect(deep(inline, 'slotwise-manage')).to.equal(undefined);
    expect(location.hash).to.equal(''); // the token never went into the address bar
  });

  it('opens the manage view straight from a link when the page loads with one', async () => {
    const first = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(first, 'Intro call');
    await pickDay(first, 8);
    await chooseTime(first, 1);
    fillDetails(first, { name: 'Link Follower', email: 'follower@example.com' });
    const booked = nextEvent(first, 'slotwise:booked');
    submitDetails(first);
    const { detail } = await booked;

    history.replaceState(null, '', `#other=1&slotwise-booking=${detail.booking.id}&slotwise-token=${detail.manageToken}`);
    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    expect(el.booking).to.equal(detail.booking.id);
    expect(location.hash).to.equal('#other=1');
    await eventually(() => deep(el, 'slotwise-manage')?.shadowRoot?.textContent?.includes('Intro call'), 'the booking shown');

    // From there, a way on to booking another session, without reloading the page.
    const again = deep<HTMLButtonElement>(el, '[part="book-new"]')!;
    expect(again.textContent).to.equal('Book another time');
    again.click();
    await eventually(() => deep(el, 'slotwise-service-picker'), 'the services again');
    expect(el.booking ?? '').to.equal('');
    expect(deep(el, 'slotwise-manage')).to.equal(undefined);
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import { deep, deepAll, eventually } from '../../../testing/helpers.js';
import { button, shown, text } from '../../testing/screen.js';
import { consoleApi, demoOnClock, inConsole } from '../../testing/session.js';
import { reviewedSession } from '../../testing/reviews.js';
import { openPractice } from '../../testing/practice.js';
import type { SlotwiseConsoleNotifications } from './notifications.component.js';
import './notifications.js';

type Practice = Awaited<ReturnType<typeof openPractice>>;

/** Waits until the server has written `count` notices (the outbox writes them after the booking's answer). */
async function noticesWritten(practice: Practice, count: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((await practice.session.client.me.notifications.list({})).data.length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fewer than ${count} notices written`);
}

const mount = (practice: Practice) => inConsole<SlotwiseConsoleNotifications>(html`<slotwise-console-notifications></slotwise-console-notifications>`, practice.session);

describe('console notifications', () => {
  it('lists a new booking as unread, marks all read on the server, and says nothing is there before anything happened (axe-clean)', async () => {
    const practice = await openPractice();
    const empty = await mount(practice);
    await eventually(() => shown(empty).includes('Nothing yet.'), 'the empty list');

    await fixture(html`<div></div>`);
    await practice.book(0, { name: 'Ana Lima', email: 'ana@example.com' });
    await noticesWritten(practice, 1);
    const el = await mount(practice);
    await eventually(() => deep(el, 'ol.notices li'), 'the notice');
    const [notice] = deepAll(el, 'ol.notices li');
    expect(text(deep(notice!, '.title'))).to.equal('Unread New booking: Ana Lima');
    expect(text(deep(notice!, '.body'))).to.match(/^Ana Lima booked Strategy call on .+ \(30 min\)\.$/);
    expect(text(deep(el, '.summary'))).to.equal('1 unread. Mark all as read');
    await expect(el).to.be.accessible();

    button(el, 'Mark all as read').click();
    await eventually(() => text(deep(el, '.summary')) === 'All read.', 'all read');
    expect(deep(el, '.new')).to.equal(undefined);
    expect((await practice.session.client.me.notifications.list({})).unread).to.equal(0);
    expect((practice.session as unknown as { announced: string[] }).announced).to.include('One notification marked read.');
    await expect(el).to.be.accessible();
  });

  it('opens a notice’s booking and marks that notice read, leaving the others unread', async () => {
    const practice = await openPractice();
    const first = await practice.book(0, { name: 'Ana Lima', email: 'ana@example.com' });
    await practice.book(1, { name: 'Bo Chen', email: 'bo@example.com' });
    await noticesWritten(practice, 2);
    const el = await mount(practice);
    await eventually(() => deepAll(el, 'ol.notices li').length === 2, 'both notices');
    expect(text(deep(el, '.summary'))).to.equal('2 unread. Mark all as read');
    const ana = deepAll(el, 'ol.notices li').find((li) => text(li).includes('Ana Lima'))!;
    deep<HTMLAnchorElement>(ana, 'a')!.click();
    const navigated = (practice.session as unknown as { navigated: string[] }).navigated;
    await eventually(() => navigated.length > 0, 'the booking opened');
    expect(navigated).to.deep.equal([`bookings/${first.booking.id}`]);
    const list = await practice.session.client.me.notifications.list({});
    expect(list.unread).to.equal(1);
    expect(list.data.find((n) => n.bookingId === first.booking.id)?.read).to.equal(true);
  });

  it('tells of a package sold, leading to the package sales', async () => {
    const practice = await openPractice();
    const pkg = await practice.session.client.me.packages.create({ name: 'Welcome call', sessionCount: 1, serviceIds: [practice.service.id], price: 0, validityDays: 30 });
    await createClient({ baseURL: consoleApi() }).packages.purchase(pkg.id, { customer: { name: 'Ana Lima', email: 'ana@example.com', timeZone: 'Europe/Paris' } });
    await noticesWritten(practice, 1);
    const el = await mount(practice);
    await eventually(() => deep(el, 'ol.notices li'), 'the notice');
    expect(text(deep(el, 'ol.notices li .body'))).to.equal('Ana Lima bought Welcome call (1 session) at no charge.');
    deep<HTMLAnchorElement>(el, 'ol.notices li a')!.click();
    const navigated = (practice.session as unknown as { navigated: string[] }).navigated;
    await eventually(() => navigated.length > 0, 'the package sales opened');
    expect(navigated).to.deep.equal(['packages']);
  });

  it('tells of a new review, leading to the reviews (the demo on the clock API)', async () => {
    const review = await reviewedSession(5, 'Thorough and warm.');
    const session = await demoOnClock();
    const el = await inConsole<SlotwiseConsoleNotifications>(html`<slotwise-console-notifications></slotwise-console-notifications>`, session);
    await eventually(() => deepAll(el, 'ol.notices li').some((li) => text(li).includes('New review')), 'the review’s notice');
    const notice = deepAll(el, 'ol.notices li').find((li) => text(li).includes('New review'))!;
    expect(text(deep(notice, '.title'))).to.match(/^Unread New review: .+, 5 of 5$/);
    expect(text(deep(notice, '.body'))).to.match(/ gave 5 of 5 to .+ on .+\d\.$/);
    expect(text(notice)).not.to.contain('Thorough and warm.');
    expect(review.rating).to.equal(5);
    deep<HTMLAnchorElement>(notice, 'a')!.click();
    await eventually(() => session.navigated.length > 0, 'the reviews opened');
    expect(session.navigated).to.deep.equal(['reviews']);
  });
});

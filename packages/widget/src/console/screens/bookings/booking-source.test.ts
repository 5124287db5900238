import { expect, fixture, html } from '@open-wc/testing';
import { deep, eventually } from '../../../testing/helpers.js';
import { text } from '../../testing/screen.js';
import { inConsole } from '../../testing/session.js';
import { openPractice } from '../../testing/practice.js';
import type { SlotwiseConsoleBookings } from './bookings.component.js';
import './bookings.js';

const detailOf = async (practice: Awaited<ReturnType<typeof openPractice>>, id: string) => {
  const el = await inConsole<SlotwiseConsoleBookings>(html`<slotwise-console-bookings route=${id}></slotwise-console-bookings>`, practice.session);
  await eventually(() => deep(el, 'slotwise-console-booking-detail', '.status'), 'the booking');
  return deep(el, 'slotwise-console-booking-detail')!;
};

describe('console booking source', () => {
  it('shows the campaign a booking came from, and nothing for a booking without one', async () => {
    const practice = await openPractice();
    const utm = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring-sale', utm_content: 'header' };
    const tracked = await practice.book(0, undefined, { utm });
    const detail = await detailOf(practice, tracked.booking.id);
    expect(text(deep(detail, '.source'))).to.equal('newsletter / email · spring-sale (content: header)');
    await expect(detail).to.be.accessible();

    await fixture(html`<div></div>`); // unmounts the first console
    const plain = await practice.book(2);
    const other = await detailOf(practice, plain.booking.id);
    expect(Boolean(deep(other, '.source'))).to.equal(false);
  });
});

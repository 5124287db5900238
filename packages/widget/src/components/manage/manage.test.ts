import { expect } from '@open-wc/testing';
import type { SlotwiseBooking } from '../booking/booking.component.js';
import type { ErrorDetail } from '../../events.js';
import { deep, eventually, fetchSpecialist } from '../../testing/helpers.js';
import { bookThroughApi, lateSlot, mountManage } from '../../testing/manage.js';

// Real bookings in the shared test database: each test books its own day (`lateSlot`'s key).

const part = (el: SlotwiseBooking, name: string) => deep(el, 'slotwise-manage', `[part~="${name}"]`);
const text = (el: SlotwiseBooking, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The code of the next `slotwise:error` anywhere on the page (it is composed, so it reaches the document). */
const nextErrorCode = () =>
  new Promise<string>((resolve) => document.addEventListener('slotwise:error', (e) => resolve((e as CustomEvent<ErrorDetail>).detail.code), { once: true }));
const introId = async () => (await fetchSpecialist()).services.find((service) => service.name === 'Intro call')!.id;

describe('<slotwise-booking booking token> showing a booking', () => {
  it("shows a free booking's service, date and time in the timezone attribute's zone, duration and status", async () => {
    const service = await introId();
    const created = await bookThroughApi(service, await lateSlot(service, 0));
    const zone = 'Asia/Kathmandu';
    const el = await mountManage(created.booking.id, created.manageToken, { timezone: zone });
    await eventually(() => part(el, 'when'), 'the booking');

    const start = new Date(created.booking.start);
    const time = new Intl.DateTimeFormat(undefined, { timeZone: zone, timeStyle: 'short' }).format(start);
    const date = new Intl.DateTimeFormat(undefined, { timeZone: zone, dateStyle: 'full' }).format(start);
    expect(part(el, 'when')!.querySelector('.time')!.textContent).to.equal(time);
    expect(text(el, 'when')).to.include(date).and.include('30 min');
    // The UTC time is not what is shown: Kathmandu is 5:45 ahead.
    expect(time).to.not.equal(new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', timeStyle: 'short' }).format(start));
    expect(text(el, 'zone')).to.equal('Times in Asia/Kathmandu (GMT+5:45)');
    expect(text(el, 'manage-title')).to.equal(`Intro call with ${created.booking.specialist.name}`);
    expect(text(el, 'booking-status')).to.equal('Confirmed');
    expect(part(el, 'payment-summary')).to.equal(undefined);
    expect(part(el, 'cancel')!.textContent!.trim()).to.equal('Cancel booking');
  });

  it('shows an unpaid priced booking as held, with the time left to pay and no receipt', async () => {
    const { serviceId } = window.__SLOTWISE_PAID__;
    const created = await bookThroughApi(serviceId, await lateSlot(serviceId, 1));
    const el = await mountManage(created.booking.id, created.manageToken, { timezone: 'Europe/Berlin' });
    await eventually(() => part(el, 'booking-status'), 'the booking');
    expect(text(el, 'booking-status')).to.match(/^Held · complete payment within 1[45]:\d\d$/);
    expect(text(el, 'payment-summary')).to.equal('€90.00, not paid');
    expect(part(el, 'receipt')).to.equal(undefined);
  });

  it('says the link is not valid any more for a wrong token, and reports booking_not_found', async () => {
    const service = await introId();
    const created = await bookThroughApi(service, await lateSlot(service, 2));
    const error = nextErrorCode();
    const el = await mountManage(created.booking.id, 'bmt_not_the_token');
    expect(await error).to.equal('booking_not_found');
    await eventually(() => part(el, 'alert'), 'the alert');
    expect(part(el, 'alert')!.getAttribute('role')).to.equal('alert');
    expect(text(el, 'alert')).to.include('This link is not valid any more');
    expect(part(el, 'when')).to.equal(undefined);
    expect(part(el, 'alert')!.querySelector('button')).to.equal(null);
  });

  it('says the booking service could not be reached when the network fails, with a way to try again', async () => {
    const error = nextErrorCode();
    // Nothing listens on the discard port.
    const el = await mountManage('bk_whatever', 'bmt_whatever', { api: 'http://127.0.0.1:9' });
    expect(await error).to.equal('network_error');
    await eventually(() => part(el, 'alert'), 'the alert');
    expect(text(el, 'alert')).to.include('We could not reach the booking service');
    expect(part(el, 'alert')!.querySelector('button')!.textContent).to.equal('Try again');
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import type { SlotwiseBooking } from '../booking/booking.component.js';
import { api, deep, eventually, fetchSpecialist, nextEvent } from '../../testing/helpers.js';
import { bookingInApi, bookThroughApi, lateSlot, mountManage, payThroughApi } from '../../testing/manage.js';

// Real bookings in the shared test database: each test books its own day (`lateSlot`'s key).

const part = <T extends HTMLElement = HTMLElement>(el: SlotwiseBooking, name: string) => deep<T>(el, 'slotwise-manage', `[part~="${name}"]`);
const text = (el: SlotwiseBooking, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const click = (el: SlotwiseBooking, name: string) => part<HTMLButtonElement>(el, name)!.click();

describe('<slotwise-booking booking token> cancelling', () => {
  it('shows what cancelling would do before cancelling, backs out, then cancels with a reason', async () => {
    const service = (await fetchSpecialist()).services.find((s) => s.name === 'Intro call')!.id;
    const created = await bookThroughApi(service, await lateSlot(service, 3));
    const el = await mountManage(created.booking.id, created.manageToken);
    await eventually(() => part(el, 'cancel'), 'the booking');

    click(el, 'cancel');
    await eventually(() => part(el, 'quote'), 'the quote');
    expect(text(el, 'quote')).to.equal('This session is free: there is nothing to refund.');
    expect((await bookingInApi(created)).status).to.equal('confirmed');

    click(el, 'keep');
    await eventually(() => part(el, 'cancel') && !part(el, 'cancel-panel'), 'the booking again');
    expect(text(el, 'booking-status')).to.equal('Confirmed');

    click(el, 'cancel');
    await eventually(() => part(el, 'confirm-cancel'), 'the quote again');
    expect((await bookingInApi(created)).status).to.equal('confirmed');
    const reason = part<HTMLTextAreaElement>(el, 'reason')!;
    reason.value = 'Something came up';
    const cancelled = nextEvent(el, 'slotwise:cancelled');
    click(el, 'confirm-cancel');
    const { detail, bubbles, composed } = await cancelled;
    expect({ bubbles, composed }).to.deep.equal({ bubbles: true, composed: true });
    expect(detail.booking).to.include({ id: created.booking.id, status: 'cancelled' });
    await eventually(() => text(el, 'booking-status') === 'Cancelled', 'the cancelled booking');
    expect(part(el, 'cancel')).to.equal(undefined);
    expect(part(el, 'cancel-panel')).to.equal(undefined);
    const after = await bookingInApi(created);
    expect(after).to.include({ status: 'cancelled', cancelledBy: 'customer', cancellationReason: 'Something came up' });
  });

  it('links the receipt on the API of a client passed in, when there is no api attribute', async () => {
    const { serviceId } = window.__SLOTWISE_PAID__;
    const created = await bookThroughApi(serviceId, await lateSlot(serviceId, 7));
    await payThroughApi(created);
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking .client=${createClient({ baseURL: api() })} booking=${created.booking.id}
      token=${created.manageToken}></slotwise-booking>`);
    await eventually(() => part(el, 'receipt'), 'the receipt link');
    expect(part<HTMLAnchorElement>(el, 'receipt')!.getAttribute('href')).to.equal(`${api()}/v1/bookings/${created.booking.id}/receipt?token=${created.manageToken}`);
  });

  it('quotes the full €90.00 back for a paid booking far ahead, refunds it, and links the receipt', async () => {
    const { serviceId } = window.__SLOTWISE_PAID__;
    const created = await bookThroughApi(serviceId, await lateSlot(serviceId, 4));
    expect((await payThroughApi(created)).status).to.equal('confirmed');
    const el = await mountManage(created.booking.id, created.manageToken, { timezone: 'Europe/Berlin' });
    await eventually(() => part(el, 'payment-summary'), 'the booking');
    expect(text(el, 'payment-summary')).to.equal('Paid €90.00 · Receipt');
    const receipt = part<HTMLAnchorElement>(el, 'receipt')!;
    const href = `${api()}/v1/bookings/${created.booking.id}/receipt?token=${created.manageToken}`;
    expect(receipt.getAttribute('href')).to.equal(href);
    expect(receipt.target).to.equal('_blank');
    expect(receipt.rel).to.equal('noopener noreferrer');
    expect((await fetch(href)).status).to.equal(200);

    click(el, 'cancel');
    await eventually(() => part(el, 'quote'), 'the quote');
    expect(text(el, 'quote')).to.equal('You will get €90.00 back (full refund).');
    expect((await bookingInApi(created)).payment!.amountRefunded).to.equal(0);

    const cancelled = nextEvent(el, 'slotwise:cancelled');
    click(el, 'confirm-cancel');
    await cancelled;
    await eventually(() => text(el, 'booking-status') === 'Cancelled', 'the cancelled booking');
    expect(text(el, 'payment-summary')).to.equal('Paid €90.00 · €90.00 refunded · Receipt');
    const after = await bookingInApi(created);
    expect(after.status).to.equal('cancelled');
    expect(after.payment!.amountRefunded).to.equal(9000);
  });
});

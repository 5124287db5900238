import { expect, html, oneEvent } from '@open-wc/testing';
import type { Booking } from '@slotwise/sdk/contract';
import { inContext } from '../../testing/context.js';
import type { SlotwiseConfirmation } from './confirmation.component.js';
import './confirmation.js';
import { render } from 'lit';
import type { CancellationQuote } from '@slotwise/sdk/contract';
import { renderNext } from './confirmation-next.js';
import { confirmation } from '../../i18n/en/confirmation.js';
import type { Messages } from '../../i18n/index.js';

const booking: Booking = {
  id: 'bk_test',
  status: 'confirmed',
  specialist: { handle: 'demo', name: 'Dr. Ada Demo', timeZone: 'Europe/Berlin' },
  service: { id: 'svc_intro', name: 'Intro call' },
  start: '2026-11-23T08:00:00Z',
  end: '2026-11-23T08:30:00Z',
  duration: 30,
  customer: { name: 'Grace', email: 'grace@example.com', timeZone: 'Asia/Tokyo' },
  notes: '',
  price: 0,
  currency: 'EUR',
  createdAt: '2026-11-21T10:00:00Z',
  holdExpiresAt: null,
  rescheduleCount: 0,
  cancelledAt: null,
  cancelledBy: null,
  cancellationReason: null,
  payment: null,
  paidWithCredit: false,
  location: { kind: 'video', detail: null },
  join: { opensAt: '2026-11-23T07:50:00Z', closesAt: '2026-11-23T08:30:00Z', url: null },
  sharedNotes: null,
  recordingUrl: null,
};

describe('<slotwise-confirmation>', () => {
  it("confirms the service, the date and time in the visitor's zone, and the email", async () => {
    const { el } = await inContext<SlotwiseConfirmation>(
      html`<slotwise-confirmation .booking=${booking} .email=${'queued'}></slotwise-confirmation>`,
      { timeZone: 'Asia/Tokyo', locale: 'en-GB' },
    );
    const when = el.shadowRoot!.querySelector('[part="when"]')!;
    const date = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'full' }).format(new Date(booking.start));
    expect(date).to.include('23 November 2026');
    expect(when.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`${date}, 17:00 – 17:30`);
    expect(el.shadowRoot!.textContent).to.include('Intro call with Dr. Ada Demo').and.include('grace@example.com');
    expect(el.shadowRoot!.querySelector('.zone')!.textContent).to.include('Asia/Tokyo (GMT+9)');
    const again = oneEvent(el, 'book-again');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="book-again"]')!.click();
    await again;
  });

  it('says the confirmation is on its way only when the server queued it; otherwise that none is sent, or nothing', async () => {
    const say = async (email: 'queued' | 'off' | undefined) => {
      const { el } = await inContext<SlotwiseConfirmation>(html`<slotwise-confirmation .booking=${booking} .email=${email}></slotwise-confirmation>`, { timeZone: 'Asia/Tokyo' });
      return el.shadowRoot!.querySelector('.email')?.textContent?.replace(/\s+/g, ' ').trim();
    };
    expect(await say('queued')).to.equal('Your confirmation is on its way to grace@example.com, with a calendar invitation.');
    const off = await say('off');
    expect(off).to.include('No confirmation email is sent');
    expect(off).not.to.include('grace@example.com');
    expect(await say(undefined)).to.equal(undefined);
    for (const text of [await say('off'), await say(undefined)]) expect(text ?? '').not.to.match(/sent the confirmation|on its way/);
  });

  it('offers only the refund a cancellation would get from now on: never a full-refund deadline already past', () => {
    // A paid session booked 46 hours ahead: the 48-hour full refund has passed, the 24-hour 50 % has not.
    const now = new Date('2026-11-21T10:00:00Z');
    const paid = { ...booking, price: 9000, start: '2026-11-23T08:00:00Z' };
    const quote = (rule: CancellationQuote['refund']['rule'], percent: number): CancellationQuote => ({
      allowed: true,
      reason: null,
      refund: { amount: (9000 * percent) / 100, currency: 'EUR', percent, rule },
      fullRefundUntil: '2026-11-21T08:00:00Z',
      partialRefundUntil: '2026-11-22T08:00:00Z',
      cancelUntil: '2026-11-23T08:00:00Z',
    });
    const line = (q: CancellationQuote, at = now) => {
      const host = document.createElement('div');
      render(renderNext({ booking: paid, quote: q, manage: '', m: confirmation as unknown as Messages, timeZone: 'UTC', locale: 'en-US', now: at }), host);
      return host.querySelector('[part="next-policy"]')?.textContent;
    };
    expect(line(quote('partial', 50))).to.equal('Cancel until Nov 22, 2026, 8:00 AM and 50% is refunded.');
    expect(line(quote('full', 100), new Date('2026-11-20T10:00:00Z'))).to.equal('Cancel until Nov 21, 2026, 8:00 AM for a full refund.');
    expect(line(quote('none', 0), new Date('2026-11-22T10:00:00Z'))).to.equal('A cancellation now refunds nothing.');
  });

  it('offers no way to reschedule or cancel once the policy has closed it: says to contact the specialist, and the link opens the page', () => {
    // Booked 5 hours ahead under a 24-hour cancellation policy.
    const now = new Date('2026-11-23T03:00:00Z');
    const soon = { ...booking, start: '2026-11-23T08:00:00Z' };
    const closed: CancellationQuote = { allowed: false, reason: 'Cancellations are possible until 24 hours before the start.', refund: { amount: 0, currency: 'EUR', percent: 0, rule: 'none' }, fullRefundUntil: null, partialRefundUntil: null, cancelUntil: '2026-11-22T08:00:00Z' };
    const open: CancellationQuote = { ...closed, allowed: true, reason: null, cancelUntil: '2026-11-23T06:00:00Z' };
    const next = (quote: CancellationQuote) => {
      const host = document.createElement('div');
      render(renderNext({ booking: soon, quote, manage: 'https://coach.example/#slotwise-booking=bk_1&slotwise-token=t', m: confirmation as unknown as Messages, timeZone: 'UTC', locale: 'en-US', now }), host);
      return host.querySelector('[part="next"]')!.textContent!.replace(/\s+/g, ' ');
    };
    const after = next(closed);
    expect(after).to.include('This booking can no longer be cancelled online; contact the specialist.');
    expect(after).not.to.match(/reschedule or cancel/);
    expect(after).to.include('it opens this booking’s page, without an account.');
    expect(next(open)).to.include('To reschedule or cancel, open your booking’s page');
  });
});

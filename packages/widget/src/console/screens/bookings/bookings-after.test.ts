import { expect, html } from '@open-wc/testing';
import type { BookingCreated } from '@slotwise/sdk/contract';
import { bookAhead, clockServices, serverNow, setClock } from '../../../testing/clock.js';
import { deep, eventually } from '../../../testing/helpers.js';
import { text } from '../../testing/screen.js';
import { demoOnClock, inConsole } from '../../testing/session.js';
import type { ConsoleSession } from '../../context.js';
import type { SlotwiseConsoleBookingDetail } from './booking-detail.component.js';
import './bookings.js';

/** Opens `created` in the console's booking detail on the server's clock, and waits for it. */
async function openDetail(created: BookingCreated, session: ConsoleSession) {
  const el = await inConsole<SlotwiseConsoleBookingDetail>(html`<slotwise-console-booking-detail booking-id=${created.booking.id} .now=${serverNow}></slotwise-console-booking-detail>`, session);
  await eventually(() => deep(el, '.status'), 'the booking');
  return el;
}

const button = (el: Element, label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent?.trim() === label);

describe('console booking detail, after the session started', () => {
  it('marks one session completed and another a no-show, as the server then reads them', async () => {
    const session = await demoOnClock();
    const attended = await bookAhead(clockServices().phone);
    const missed = await bookAhead(clockServices().phone);
    const before = await openDetail(attended, session);
    expect(button(before, 'Mark completed'), 'not before the start').to.equal(undefined);
    before.remove();

    const latest = Math.max(Date.parse(attended.booking.start), Date.parse(missed.booking.start));
    await setClock(latest + 5 * 60_000);

    const first = await openDetail(attended, session);
    button(first, 'Mark completed')!.click();
    await eventually(() => text(deep(first, '.status')) === 'Completed', 'shown as completed');
    expect(session.announced.at(-1)).to.equal('Marked as completed.');
    expect(button(first, 'Mark no-show')).to.equal(undefined);
    expect((await session.client.me.bookings.retrieve(attended.booking.id)).status).to.equal('completed');

    const second = await openDetail(missed, session);
    button(second, 'Mark no-show')!.click();
    await eventually(() => text(deep(second, '.status')) === 'No-show', 'shown as a no-show');
    expect(session.announced.at(-1)).to.equal('Marked as a no-show.');
    expect((await session.client.me.bookings.retrieve(missed.booking.id)).status).to.equal('no_show');
    await expect(second).to.be.accessible();
  });
});

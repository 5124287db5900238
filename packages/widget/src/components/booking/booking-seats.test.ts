import { expect, fixture, html } from '@open-wc/testing';
import type { SlotwiseBooking } from './booking.component.js';
import { chooseService, chooseTime, deep, deepAll, eventually, fillDetails, nextEvent, pickDay, submitDetails } from '../../testing/helpers.js';
import { openPractice } from '../../console/testing/practice.js';
import { consoleApi } from '../../console/testing/session.js';
import './booking.js';

const seatsShown = (el: Element) => deepAll(el, 'slotwise-time-list', '[part="seats"]').map((s) => s.textContent!.trim());

describe('<slotwise-booking> with a group session (real API)', () => {
  it('shows the seats left under each time, books one seat, and shows one fewer for the same time afterwards (axe)', async () => {
    const practice = await openPractice({ timeZone: 'Europe/Paris' });
    await practice.session.client.me.services.update(practice.service.id, { capacity: 3 });
    const mount = () => fixture<SlotwiseBooking>(html`<slotwise-booking specialist=${practice.handle} api=${consoleApi()} timezone="Europe/Paris"></slotwise-booking>`);

    const el = await mount();
    await chooseService(el, 'Strategy call');
    await pickDay(el, 1);
    await eventually(() => seatsShown(el).length > 0, 'the seats under the times');
    expect(seatsShown(el)[0]).to.equal('3 seats left');
    await expect(el).to.be.accessible();
    const time = await chooseTime(el, 0);
    const start = time.dataset['start'] ?? time.textContent!.trim();
    fillDetails(el, { name: 'Ada Lovelace', email: 'ada@example.com' });
    const booked = nextEvent(el, 'slotwise:booked');
    submitDetails(el);
    const { detail } = await booked;
    expect(detail.booking.status).to.equal('confirmed');

    // Another visitor sees the same time with one seat fewer.
    const again = await mount();
    await chooseService(again, 'Strategy call');
    await pickDay(again, 1);
    await eventually(() => seatsShown(again).length > 0, 'the seats under the times');
    const first = deepAll<HTMLButtonElement>(again, 'slotwise-time-list', 'button')[0]!;
    expect(first.dataset['start'] ?? first.textContent!.trim()).to.equal(start);
    expect(seatsShown(again)[0]).to.equal('2 seats left');
    expect(deep(again, 'slotwise-time-list', '[part="seats"]')).to.not.equal(undefined);
  });
});

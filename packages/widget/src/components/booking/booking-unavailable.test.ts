import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import type { SlotwiseBooking } from './booking.component.js';
import { consoleApi, logIn, seededLogins, signUpSpecialist } from '../../console/testing/session.js';
import { deep, eventually } from '../../testing/helpers.js';

// A specialist the operator suspended: the widget says so in one sentence instead of offering a
// calendar, and offers it again once they are reactivated. Against the console's real API (a
// specialist of this test's own; the operator seeded there).

describe('<slotwise-booking> for a specialist who is not taking bookings', () => {
  it('says so plainly instead of showing services and a calendar, until reactivated', async () => {
    const { handle } = await signUpSpecialist();
    const operator = createClient({ baseURL: consoleApi(), apiKey: (await logIn(seededLogins().operator)).accessToken });
    const [specialist] = (await operator.operator.specialists.list({ q: handle })).data;
    await operator.operator.specialists.suspend(specialist!.id, { reason: 'Test of the widget' });

    const mount = () => fixture<SlotwiseBooking>(html`<slotwise-booking specialist=${handle} api=${consoleApi()}></slotwise-booking>`);
    const el = await mount();
    await eventually(() => deep(el, '[part="unavailable"]'), 'the unavailable notice');
    expect(deep(el, '[part="title"]')!.textContent).to.equal(`Book a session with Test ${handle}`);
    expect(deep(el, '[part="unavailable"]')!.textContent).to.equal(`Test ${handle} is not taking bookings right now.`);
    expect(el.shadowRoot!.textContent).not.to.include('Test of the widget');
    expect(deep(el, 'slotwise-service-picker')).to.equal(undefined);
    expect(deep(el, 'slotwise-calendar')).to.equal(undefined);
    await expect(el).to.be.accessible();

    await operator.operator.specialists.reactivate(specialist!.id);
    const again = await mount();
    await eventually(() => deep(again, 'slotwise-service-picker'), 'the services again');
    expect(deep(again, '[part="unavailable"]')).to.equal(undefined);
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import type { SlotwiseBooking } from './booking.component.js';
import { consoleApi, logIn, seededLogins, signUpSpecialist } from '../../console/testing/session.js';
import { deep, deepAll, eventually } from '../../testing/helpers.js';

// A specialist the operator suspended: the widget says so in one sentence instead of offering a
// calendar, and offers it again once they are reactivated. One whose email is not verified: a
// priced service says it cannot be booked yet, a free one shows its calendar. Against the console's real API (a
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

  it('says a priced service cannot be booked until the specialist verifies their email; a free one can', async () => {
    // Signed up on an API with mail on: the email is not verified yet.
    const { handle, tokens } = await signUpSpecialist();
    const me = createClient({ baseURL: consoleApi(), apiKey: tokens.accessToken });
    // Payments connected as onboarding would (the offline test mode completes it when the link is opened).
    const link = await me.me.stripe.onboarding({});
    await fetch(link.url, { mode: 'no-cors' });
    expect((await me.me.stripe.retrieve()).chargesEnabled).to.equal(true);
    await me.me.services.create({ name: 'Paid session', durations: [{ minutes: 60, price: 5000 }] });
    await me.me.services.create({ name: 'Free intro', durations: [{ minutes: 30, price: 0 }] });

    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist=${handle} api=${consoleApi()}></slotwise-booking>`);
    await chooseServiceNamed(el, 'Paid session');
    await eventually(() => deep(el, '[part="unavailable"]'), 'the paid-bookings notice');
    expect(deep(el, '[part="unavailable"]')!.textContent).to.equal(`Test ${handle} cannot take paid bookings yet. Free sessions can be booked.`);
    expect(deep(el, 'slotwise-calendar')).to.equal(undefined);
    await expect(el).to.be.accessible();

    await chooseServiceNamed(el, 'Free intro');
    await eventually(() => deep(el, 'slotwise-calendar'), 'the calendar of the free service');
    expect(deep(el, '[part="unavailable"]')).to.equal(undefined);
  });
});

/** Clicks the service called `name` (whether or not it has open times). */
async function chooseServiceNamed(el: SlotwiseBooking, name: string) {
  await eventually(() => deepAll(el, 'slotwise-service-picker', '[part~="service"]').some((li) => li.textContent?.includes(name)), `the service "${name}"`);
  deepAll(el, 'slotwise-service-picker', '[part~="service"]')
    .find((li) => li.textContent?.includes(name))!
    .querySelector('button')!
    .click();
}

import { expect, html } from '@open-wc/testing';
import './home.js';
import type { SlotwiseConsoleHome } from './home.component.js';
import { inConsole, logIn, seededLogins, sessionFor, signUpSpecialist } from '../../testing/session.js';
import { eventually, find, textOf } from '../../testing/dom.js';

describe('<slotwise-console-home>', () => {
  it('is the onboarding checklist until every step is done', async () => {
    const { tokens } = await signUpSpecialist();
    const el = await inConsole<SlotwiseConsoleHome>(html`<slotwise-console-home></slotwise-console-home>`, await sessionFor(tokens));
    await eventually(() => find(el, 'slotwise-console-onboarding', '#step-profile'), 'the checklist');
    expect(textOf(el)).to.contain('Your setup, step by step:');
  });

  it('does not promise bookings above a checklist that says they are open already', async () => {
    const { tokens } = await signUpSpecialist();
    const session = await sessionFor(tokens);
    await session.client.me.services.create({ name: 'Intro', durations: [{ minutes: 20, price: 0 }] });
    await session.client.me.availability.replaceWeekly({ weekly: [{ weekday: 1, start: '09:00', end: '12:00' }] });
    const el = await inConsole<SlotwiseConsoleHome>(html`<slotwise-console-home></slotwise-console-home>`, session);
    await eventually(() => textOf(find(el, 'slotwise-console-onboarding', '.lead')).includes('Customers can book you now.'), 'the checklist');
    expect(textOf(el)).not.to.match(/customers can book you\.|A few steps/i);
  });

  it('once set up, links to the hosted page and the weekly screens; accessible', async () => {
    const { tokens, handle } = await signUpSpecialist();
    const session = await sessionFor(tokens);
    const { me } = session.client;
    await me.profile.update({ bio: 'Coach.', allowedOrigins: ['https://coach.example'] });
    await me.services.create({ name: 'Intro', durations: [{ minutes: 20, price: 0 }] });
    await me.availability.replaceWeekly({ weekly: [{ weekday: 1, start: '09:00', end: '12:00' }] });
    await me.stripe.onboarding({}); // test mode: connected at once
    await session.refreshProfile();
    const el = await inConsole<SlotwiseConsoleHome>(html`<slotwise-console-home></slotwise-console-home>`, session);
    await eventually(() => textOf(el).includes('Welcome back'), 'the set-up home');
    expect(find<HTMLAnchorElement>(el, `a[href$="/${handle}"]`)).to.exist;
    expect(find(el, 'slotwise-console-onboarding')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('tells an operator where their tools are', async () => {
    const el = await inConsole<SlotwiseConsoleHome>(html`<slotwise-console-home></slotwise-console-home>`, await sessionFor(await logIn(seededLogins().operator)));
    await eventually(() => textOf(el).includes('operator'), 'the operator’s home');
  });
});

import { expect, html } from '@open-wc/testing';
import './standing-banner.js';
import { inConsole, logIn, seededLogins, sessionFor, signUpSpecialist } from '../testing/session.js';
import { eventually, find, textOf } from '../testing/dom.js';

describe('<slotwise-console-standing>', () => {
  it('tells a suspended specialist their page takes no bookings, with the operator’s reason', async () => {
    const { tokens } = await signUpSpecialist();
    const before = await sessionFor(tokens);
    const operator = await sessionFor(await logIn(seededLogins().operator));
    await operator.client.operator.specialists.suspend(before.profile!.id, { reason: 'Unpaid platform fees <b>since May</b>.' });

    const session = await sessionFor(tokens);
    const el = await inConsole(html`<slotwise-console-standing></slotwise-console-standing>`, session);
    await eventually(() => find(el, '.suspended'), 'the suspension banner');
    const text = textOf(find(el, '.suspended'));
    expect(text).to.contain('your booking page takes no new bookings');
    expect(text).to.contain('Reason: Unpaid platform fees <b>since May</b>.'); // the reason as text, never markup
    expect(find(el, '.suspended b')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows nothing to a specialist in good standing with a verified email', async () => {
    const { tokens } = await signUpSpecialist();
    const session = await sessionFor(tokens);
    const verified = { ...session, profile: { ...session.profile!, emailVerified: true } };
    const el = await inConsole(html`<slotwise-console-standing></slotwise-console-standing>`, verified);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(textOf(el)).to.equal('');
  });
});

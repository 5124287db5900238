import { expect, fixture, html } from '@open-wc/testing';
import type { SlotwiseBooking } from './booking.component.js';
import { deepActiveElement } from '../../internal/focus.js';
import { consoleApi } from '../../console/testing/session.js';
import { openPractice } from '../../console/testing/practice.js';
import { chooseService, chooseTime, deep, eventually, fillDetails, nextEvent, pickDay, submitDetails } from '../../testing/helpers.js';

// Each test signs up a specialist of its own on the console API and registers another site than
// this page's origin as the only one that may embed their widget.

const sentence = (handle: string) =>
  `${location.origin} is not an allowed site for ${handle}; add it in the console under Developers → Sites that may embed your widget.`;

/** Records what the widget writes to the browser console with `console.error` while `run` runs. */
async function consoleErrors(run: () => Promise<void>): Promise<string[]> {
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return logged;
}

describe('<slotwise-booking> on a site the specialist did not register', () => {
  it('says so, in words the site owner can act on, in place of the form and in the console', async () => {
    const practice = await openPractice();
    await practice.session.client.me.profile.update({ allowedOrigins: ['https://coach.example'] });
    let el!: SlotwiseBooking;
    const logged = await consoleErrors(async () => {
      el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist=${practice.handle} api=${consoleApi()}></slotwise-booking>`);
      await eventually(() => deep(el, '[role="alert"]'), 'the refusal');
    });
    expect(deep(el, '[role="alert"]')!.textContent!.trim()).to.equal(sentence(practice.handle));
    expect(logged).to.deep.equal([`Slotwise: ${sentence(practice.handle)}`]);
    // Nothing of the specialist was readable: no name, no services, no form.
    expect(el.shadowRoot!.textContent).to.not.include(`Test ${practice.handle}`);
    expect(deep(el, 'slotwise-service-picker')).to.equal(undefined);
    expect(deep(el, 'slotwise-details-form')).to.equal(undefined);
    expect(el.shadowRoot!.textContent).to.not.match(/Failed to fetch|network_error/);
    // A visitor is not stuck: the specialist's own booking page books from anywhere.
    const fallback = deep(el, '[part="hosted-page"]')!;
    expect(fallback.textContent!.replace(/\s+/g, ' ').trim()).to.equal('To book now, use the booking page. Open the booking page (opens in a new tab)');
    const link = fallback.querySelector('a')!;
    expect(link.href).to.equal(new URL(`/${practice.handle}`, consoleApi()).href);
    expect(link.target).to.equal('_blank');
    await expect(el).to.be.accessible();
  });

  it('says the same when a booking is refused because the site was removed meanwhile, with focus on it', async () => {
    const practice = await openPractice();
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist=${practice.handle} api=${consoleApi()} timezone="Europe/Paris"></slotwise-booking>`);
    await chooseService(el, 'Strategy call');
    await pickDay(el, 2);
    await chooseTime(el, 0);
    fillDetails(el, { name: 'Dorothy Vaughan', email: 'dorothy@example.com' });
    await practice.session.client.me.profile.update({ allowedOrigins: ['https://coach.example'] });
    const logged = await consoleErrors(async () => {
      const refused = nextEvent(el, 'slotwise:error');
      submitDetails(el);
      expect((await refused).detail.code).to.equal('origin_not_allowed');
      await eventually(() => deep(el, 'slotwise-details-form', '[part="form-error"]'), 'the refusal');
    });
    const alert = deep(el, 'slotwise-details-form', '[part="form-error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent!.trim()).to.equal(sentence(practice.handle));
    expect(logged).to.deep.equal([`Slotwise: ${sentence(practice.handle)}`]);
    await eventually(() => deepActiveElement() === alert, 'focus on the refusal');
  });
});

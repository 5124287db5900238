import { expect, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import { deep, deepAll, eventually } from '../../../testing/helpers.js';
import { text, part, button, fill, confirmDialog } from '../../testing/screen.js';
import { consoleApi, inConsole, logIn, seededLogins, sessionFor, signUpSpecialist } from '../../testing/session.js';
import type { SlotwiseConsoleOperator } from './operator.component.js';
import './operator.js';


describe('console operator', () => {
  it('changes the platform fee, with the server’s limit shown beside the field', async () => {
    const session = await sessionFor(await logIn(seededLogins().operator));
    const before = await session.client.operator.settings.retrieve();
    const el = await inConsole<SlotwiseConsoleOperator>(html`<slotwise-console-operator></slotwise-console-operator>`, session);
    await eventually(() => deep(el, 'slotwise-console-platform-fee', '#fee'), 'the fee');
    const fee = part(el, 'platform-fee');
    expect(deep<HTMLInputElement>(fee, '#fee')!.value).to.equal(String(before.platformFeeBps / 100));
    try {
      fill(fee, '#fee', '60');
      button(fee, 'Save fee').click();
      await eventually(() => deep(fee, '#error-platformFeeBps'), 'the limit');
      expect(text(deep(fee, '#error-platformFeeBps'))).to.equal('Use a percent from 0 to 50.'); // in the unit typed, not basis points
      expect(fee.shadowRoot!.activeElement?.id).to.equal('fee');
      expect(deep<HTMLInputElement>(fee, '#fee')!.value).to.equal('60');
      expect((await session.client.operator.settings.retrieve()).platformFeeBps).to.equal(before.platformFeeBps);

      fill(fee, '#fee', '12.5');
      button(fee, 'Save fee').click();
      await eventually(() => session.announced.some((m) => m.startsWith('Platform fee set to 12.5%')), 'the saved fee');
      expect((await session.client.operator.settings.retrieve()).platformFeeBps).to.equal(1250);
      await expect(el).to.be.accessible();
    } finally {
      await session.client.operator.settings.update({ platformFeeBps: before.platformFeeBps });
    }
  });

  it('suspends a specialist with a reason after confirming (their page takes no bookings), then reactivates', async () => {
    const specialist = await signUpSpecialist();
    const session = await sessionFor(await logIn(seededLogins().operator));
    const el = await inConsole<SlotwiseConsoleOperator>(html`<slotwise-console-operator></slotwise-console-operator>`, session);
    await eventually(() => deep(el, 'slotwise-console-specialists', '#specialist-q'), 'the list');
    const list = part(el, 'specialists');
    fill(list, '#specialist-q', specialist.handle);
    button(list, 'Search').click();
    await eventually(() => deepAll(list, 'table.specialists tbody tr').length === 1 && deep(list, `tr[data-handle="${specialist.handle}"]`), 'the one specialist');
    expect(text(deep(list, 'td.status'))).to.equal('Active');

    button(list, `Suspend Test ${specialist.handle}`).click();
    await list.updateComplete;
    button(list, 'Suspend with this reason…').click();
    await confirmDialog(list, 'take none');
    await eventually(() => deep(list, '#error-reason'), 'the reason’s error');
    expect(list.shadowRoot!.activeElement?.id).to.equal('suspend-reason');

    fill(list, '#suspend-reason', 'Payment dispute under review');
    button(list, 'Suspend with this reason…').click();
    await confirmDialog(list, 'Bookings already made stay');
    await eventually(() => text(deep(list, 'td.status')).startsWith('Suspended'), 'the suspended status');
    expect(text(deep(list, 'td.status'))).to.contain('Payment dispute under review');
    const publicProfile = await createClient({ baseURL: consoleApi() }).specialists.retrieve(specialist.handle);
    expect(publicProfile.acceptingBookings).to.equal(false);

    button(list, `Reactivate Test ${specialist.handle}`).click();
    await eventually(() => text(deep(list, 'td.status')) === 'Active', 'the active status');
    expect((await createClient({ baseURL: consoleApi() }).specialists.retrieve(specialist.handle)).acceptingBookings).to.equal(true);
  });

  it('tells a specialist the screen is the operator’s', async () => {
    const specialist = await signUpSpecialist();
    const el = await inConsole<SlotwiseConsoleOperator>(html`<slotwise-console-operator></slotwise-console-operator>`, await sessionFor(specialist.tokens));
    await el.updateComplete;
    expect(text(deep(el, '[role="alert"]'))).to.contain('for the platform’s operator');
    expect(deep(el, 'slotwise-console-platform-fee')).to.equal(undefined);
  });
});

import { expect, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import { deep, deepAll, eventually } from '../../../testing/helpers.js';
import { pressKey } from '../../../testing/keyboard.js';
import { text, button, fill } from '../../testing/screen.js';
import { consoleApi, inConsole } from '../../testing/session.js';
import { openPractice } from '../../testing/practice.js';
import type { SlotwiseConsolePackages } from './packages.component.js';
import './packages.js';



describe('console packages', () => {
  it('shows the server’s field errors beside the fields, keeps what was typed, then creates the package', async () => {
    const practice = await openPractice();
    const el = await inConsole<SlotwiseConsolePackages>(html`<slotwise-console-packages></slotwise-console-packages>`, practice.session);
    await eventually(() => el.shadowRoot!.textContent?.includes('No packages yet.'), 'the empty list');
    button(el, 'New package').click();
    await el.updateComplete;
    fill(el, '#package-sessionCount', '3');
    button(el, 'Create package').click();
    await eventually(() => deep(el, '#error-name'), 'the name’s error');
    expect(text(deep(el, '#error-name'))).to.equal('Name the package.');
    expect(text(deep(el, '#error-serviceIds'))).to.contain('at least one service');
    expect(deep(el, '#package-name')!.getAttribute('aria-describedby')).to.equal('error-name');
    expect(el.shadowRoot!.activeElement?.id).to.equal('package-name');
    expect(deep<HTMLInputElement>(el, '#package-sessionCount')!.value).to.equal('3');
    expect((await practice.session.client.me.packages.list()).data).to.have.length(0);
    await expect(el).to.be.accessible();

    fill(el, '#package-name', 'Three calls');
    deep<HTMLInputElement>(el, 'input[name="serviceIds"]')!.click();
    button(el, 'Create package').click();
    await eventually(() => deep(el, 'table.packages tbody tr'), 'the new package');
    const [stored] = (await practice.session.client.me.packages.list()).data;
    expect(stored).to.include({ name: 'Three calls', sessionCount: 3, price: 0, validityDays: 180, active: true });
    expect(stored!.services).to.deep.equal([practice.service.id]);
    expect(practice.session.announced).to.include('Package “Three calls” created.');
  });

  it('says why a priced package needs Stripe, keeps the edit, archives after confirming, and lists purchases with credits', async () => {
    const practice = await openPractice();
    const pkg = await practice.session.client.me.packages.create({ name: 'Five calls', sessionCount: 5, serviceIds: [practice.service.id], price: 0, validityDays: 90 });
    const visitor = createClient({ baseURL: consoleApi() });
    await visitor.packages.purchase(pkg.id, { customer: { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/London' } });

    const el = await inConsole<SlotwiseConsolePackages>(html`<slotwise-console-packages></slotwise-console-packages>`, practice.session);
    await eventually(() => deep(el, 'table.purchases tbody tr'), 'the purchase');
    expect(text(deep(el, 'table.purchases tbody tr'))).to.contain('Ada Lovelace').and.contain('ada@example.com').and.contain('5 of 5');

    button(el, 'Edit Five calls').click();
    await el.updateComplete;
    fill(el, '#package-price', '120');
    button(el, 'Save package').click();
    await eventually(() => deep(el, '#error-price'), 'the refusal beside the price');
    expect(text(deep(el, '#error-price'))).to.match(/Stripe/i);
    expect(deep<HTMLInputElement>(el, '#package-price')!.value).to.equal('120');
    expect((await practice.session.client.me.packages.retrieve(pkg.id)).price).to.equal(0);

    button(el, 'Cancel').click();
    await el.updateComplete;
    button(el, 'Archive Five calls').focus();
    await pressKey('Enter');
    await eventually(() => deep<HTMLDialogElement>(el, 'dialog')?.open, 'the confirmation');
    expect(text(deep(el, 'dialog'))).to.contain('Credits already bought stay valid');
    await pressKey('Tab');
    await pressKey('Enter');
    await eventually(() => text(deep(el, 'td.state')) === 'Archived', 'the archived package');
    expect((await practice.session.client.me.packages.retrieve(pkg.id)).active).to.equal(false);
  });
});

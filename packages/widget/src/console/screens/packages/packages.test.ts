import { expect, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import { deep, deepAll, eventually } from '../../../testing/helpers.js';
import { pressKey, setViewport } from '../../../testing/keyboard.js';
import { text, button, fill, confirmDialog } from '../../testing/screen.js';
import { consoleApi, inConsole, sessionFor } from '../../testing/session.js';
import { openPractice } from '../../testing/practice.js';
import type { SlotwiseConsolePackages } from './packages.component.js';
import './packages.js';
import { paymentIntentId } from '../../../components/payment/payment-steps.js';

describe('console packages', () => {
  it('keeps a phone-wide screen narrow: the table scrolls sideways with its words whole', async () => {
    await setViewport({ width: 390, height: 800 });
    document.body.style.overflowWrap = 'anywhere'; // as the console's own page sets it
    try {
      const practice = await openPractice();
      await practice.session.client.me.packages.create({ name: 'Three intro calls', sessionCount: 3, serviceIds: [practice.service.id], price: 0, validityDays: 90 });
      const el = await inConsole<SlotwiseConsolePackages>(html`<slotwise-console-packages></slotwise-console-packages>`, practice.session);
      await eventually(() => deep(el, 'table.packages tbody tr'), 'the package');
      expect(document.documentElement.scrollWidth).to.be.at.most(390);
      const lines = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      };
      for (const th of deepAll(el, 'table.packages thead th')) expect(lines(th), th.textContent!).to.equal(1);
    } finally {
      document.body.style.overflowWrap = '';
      await setViewport({ width: 1280, height: 800 });
    }
  });

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

  it('refunds a paid purchase after a confirmation that says how much and how many unused credits go, shown once the server answered', async () => {
    const practice = await openPractice({ price: 4500 });
    const pkg = await practice.session.client.me.packages.create({ name: 'Two calls', sessionCount: 2, serviceIds: [practice.service.id], price: 9000, validityDays: 90 });
    const visitor = createClient({ baseURL: consoleApi() });
    const bought = await visitor.packages.purchase(pkg.id, { customer: { name: 'Ana Lima', email: 'ana@example.com', timeZone: 'Europe/Lisbon' } });
    await visitor.payments.confirmTestPurchase(paymentIntentId(bought.paymentSession!.clientSecret), { outcome: 'succeed' }, { creditsToken: bought.creditsToken });

    const el = await inConsole<SlotwiseConsolePackages>(html`<slotwise-console-packages></slotwise-console-packages>`, practice.session);
    const row = () => deep(el, `table.purchases tr[data-id="${bought.purchase.id}"]`);
    await eventually(() => row() && text(row()).includes('2 of 2'), 'the paid purchase');
    const refund = () => button(el, 'Refund Ana Lima’s Two calls');

    refund().focus();
    await pressKey('Enter');
    await eventually(() => deep<HTMLDialogElement>(el, 'dialog')?.open, 'the confirmation');
    expect(text(deep(el, 'dialog'))).to.contain('Refund €90.00 and remove 2 unused credits from ana@example.com');
    await pressKey('Escape'); // backing out refunds nothing
    await eventually(() => !deep<HTMLDialogElement>(el, 'dialog'), 'the dialog closed');
    expect(el.shadowRoot!.activeElement).to.equal(refund());
    expect((await practice.session.client.me.packagePurchases.list({})).data[0]!.payment!.amountRefunded).to.equal(0);

    await pressKey('Enter');
    await confirmDialog(el, 'Refund €90.00 and remove 2 unused credits from ana@example.com');
    await eventually(() => deep(el, '#purchases-notice'), 'what the server did');
    expect(text(deep(el, '#purchases-notice'))).to.equal('Refunded €90.00 to ana@example.com; 2 unused credits removed.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('purchases-notice');
    expect(text(row())).to.contain('0 of 2').and.contain('€90.00 refunded');
    expect(refund()).to.equal(undefined); // nothing left to refund
    const [stored] = (await practice.session.client.me.packagePurchases.list({})).data;
    expect(stored!.payment!.amountRefunded).to.equal(9000);
    expect((await visitor.credits.retrieve({ creditsToken: bought.creditsToken })).total).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('says why “Load more” failed, keeps the purchases shown, and loads them when tried again', async () => {
    const practice = await openPractice();
    const pkg = await practice.session.client.me.packages.create({ name: 'Free call', sessionCount: 1, serviceIds: [practice.service.id], price: 0, validityDays: 30 });
    const visitor = createClient({ baseURL: consoleApi() });
    await Promise.all(Array.from({ length: 51 }, (_, i) => visitor.packages.purchase(pkg.id, { customer: { name: `Guest ${i}`, email: `guest${i}@example.com`, timeZone: 'UTC' } })));
    // The network drops under the next page only: a session whose client's fetch can fail.
    let offline = false;
    const realFetch = window.fetch;
    window.fetch = (input, init) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
    const session = await sessionFor(practice.tokens);
    window.fetch = realFetch;
    const el = await inConsole<SlotwiseConsolePackages>(html`<slotwise-console-packages></slotwise-console-packages>`, session);
    await eventually(() => deepAll(el, 'table.purchases tbody tr').length === 50, 'the first page');

    offline = true;
    button(el, 'Load more').click();
    await eventually(() => deep(el, '#packages-error'), 'the error');
    offline = false;
    expect(text(deep(el, '#packages-error'))).to.contain('We could not load more purchases.');
    expect(deepAll(el, 'table.purchases tbody tr')).to.have.length(50);
    await eventually(() => !button(el, 'Load more').disabled, 'the button back');
    button(el, 'Load more').click();
    await eventually(() => deepAll(el, 'table.purchases tbody tr').length === 51, 'the second page');
    expect(deep(el, '#packages-error')).to.equal(undefined);
    expect(button(el, 'Load more')).to.equal(undefined);
  });
});

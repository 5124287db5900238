import { expect, html } from '@open-wc/testing';
import type { AccountExport } from '@slotwise/sdk/contract';
import { deep, eventually } from '../../../testing/helpers.js';
import { downloaded } from '../../testing/download.js';
import { openPractice } from '../../testing/practice.js';
import { button } from '../../testing/screen.js';
import { inConsole } from '../../testing/session.js';
import type { SlotwiseConsoleSettings } from './settings.component.js';
import './settings.js';

const today = () => new Date().toISOString().slice(0, 10);

describe('console settings: your data', () => {
  it('downloads everything as JSON and each table as CSV, with the login’s credentials, holding a booking’s customer', async () => {
    const practice = await openPractice();
    const email = `ada-${Date.now().toString(36)}@example.com`;
    const { booking } = await practice.book(0, { name: 'Ada, "the Countess"', email });
    const el = await inConsole<SlotwiseConsoleSettings>(html`<slotwise-console-settings></slotwise-console-settings>`, practice.session);
    await eventually(() => deep(el, 'slotwise-console-your-data', 'button'), 'the data part');
    const part = deep(el, 'slotwise-console-your-data')!;
    await expect(part).to.be.accessible();
    el.style.width = '390px'; // a phone: the buttons wrap rather than run off the side
    expect(part.scrollWidth).to.be.at.most(390);
    el.style.width = '';

    const json = await downloaded(() => button(part, 'Download everything (JSON)').click());
    expect(json.name).to.equal(`slotwise-${practice.handle}-${today()}.json`);
    const data = JSON.parse(json.text) as AccountExport;
    expect(data.format).to.equal('slotwise.export.v1');
    expect(data.profile.handle).to.equal(practice.handle);
    expect(data.bookings.map((b) => b.id)).to.deep.equal([booking.id]);
    expect(data.customers.map((c) => c.email)).to.deep.equal([email]);

    const bookings = await downloaded(() => button(part, 'Bookings (CSV)').click());
    expect(bookings.name).to.equal(`slotwise-${practice.handle}-bookings-${today()}.csv`);
    const [header, row, ...rest] = bookings.text.trimEnd().split('\r\n');
    expect(header).to.contain('customer_email');
    expect(row).to.contain(booking.id).and.contain(email).and.contain('"Ada, ""the Countess"""');
    expect(rest).to.deep.equal([]);

    const customers = await downloaded(() => button(part, 'Customers (CSV)').click());
    expect(customers.name).to.equal(`slotwise-${practice.handle}-customers-${today()}.csv`);
    expect(customers.text).to.contain(email);
    for (const [label, table] of [['Payments (CSV)', 'payments'], ['Package sales (CSV)', 'packages']]) {
      const file = await downloaded(() => button(part, label!).click());
      expect(file.name).to.equal(`slotwise-${practice.handle}-${table}-${today()}.csv`);
      expect(file.text.trimEnd().split('\r\n')).to.have.length(1); // the header: a free booking has no payment
    }
    expect(practice.session.announced.at(-1)).to.equal(`Downloaded slotwise-${practice.handle}-packages-${today()}.csv.`);
  });
});

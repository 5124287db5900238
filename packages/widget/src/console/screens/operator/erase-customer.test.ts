import { expect, html } from '@open-wc/testing';
import { deep, deepAll, eventually } from '../../../testing/helpers.js';
import { openPractice } from '../../testing/practice.js';
import { button, confirmDialog, fill, part, text } from '../../testing/screen.js';
import { inConsole, logIn, seededLogins, sessionFor } from '../../testing/session.js';
import type { SlotwiseConsoleBookings } from '../bookings/bookings.component.js';
import '../bookings/bookings.js';
import type { SlotwiseConsoleOperator } from './operator.component.js';
import './operator.js';

describe('console operator: erase a customer', () => {
  it('erases a customer’s personal data after a confirmation that says what stays, shows the counts, and the specialist’s list shows the placeholder', async () => {
    const practice = await openPractice();
    const email = `erase-${Date.now().toString(36)}@example.com`;
    const { booking } = await practice.book(0, { name: 'Ada Lovelace', email });
    const session = await sessionFor(await logIn(seededLogins().operator));
    const el = await inConsole<SlotwiseConsoleOperator>(html`<slotwise-console-operator></slotwise-console-operator>`, session);
    await eventually(() => deep(el, 'slotwise-console-erase-customer', '#erase-email'), 'the erase form');
    const erase = part(el, 'erase-customer');

    fill(erase, '#erase-email', 'not an email');
    button(erase, 'Erase their data…').click();
    // No dialog that warns of what cannot be undone for what is no address at all: the field says so.
    await eventually(() => deep(erase, '#error-email'), 'the email’s error');
    expect(deep<HTMLDialogElement>(erase, 'dialog')?.open ?? false).to.equal(false);
    expect(erase.shadowRoot!.activeElement?.id).to.equal('erase-email');
    expect(deep<HTMLInputElement>(erase, '#erase-email')!.value).to.equal('not an email');

    fill(erase, '#erase-email', email);
    button(erase, 'Erase their data…').click();
    await confirmDialog(erase, 'nothing is cancelled');
    await eventually(() => deep(erase, '.result'), 'the counts');
    const result = text(deep(erase, '.result'));
    expect(result).to.contain(`Erased ${email}`).and.contain('1 booking, 0 package sales, 0 payments').and.contain('at 1 specialist');
    expect(result).to.match(/erased-[0-9a-f]+@invalid/);
    expect(session.announced.at(-1)).to.equal(`${email}’s personal data was erased.`);
    await expect(erase).to.be.accessible();

    // The specialist's own list now shows the placeholder where the customer was.
    const list = await inConsole<SlotwiseConsoleBookings>(html`<slotwise-console-bookings></slotwise-console-bookings>`, practice.session);
    await eventually(() => button(list, 'Upcoming'), 'the agenda');
    button(list, 'Upcoming').click();
    await eventually(() => deepAll(list, 'a.booking').length === 1, 'the booking');
    expect(text(deep(list, `a.booking[data-id="${booking.id}"] .who`))).to.equal('Erased customer');
    const read = await practice.session.client.me.bookings.retrieve(booking.id);
    expect(read.customer.email).to.match(/^erased-[0-9a-f]+@invalid$/);
    expect(read.status).to.equal('confirmed');

    // Asked again, nothing holds them any more, and the screen says so.
    fill(erase, '#erase-email', email);
    button(erase, 'Erase their data…').click();
    await confirmDialog(erase, 'cannot be undone');
    await eventually(() => text(deep(erase, '.result')).startsWith('Nothing held'), 'nothing held');
    expect(session.announced.filter((m) => m.endsWith('personal data was erased.'))).to.have.length(1); // not said again
  });
});

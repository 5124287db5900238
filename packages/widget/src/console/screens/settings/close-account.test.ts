import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import '../../console.js';
import type { SlotwiseConsole } from '../../console.component.js';
import { pressKey, typeInto } from '../../../testing/keyboard.js';
import { eventually, find, textOf } from '../../testing/dom.js';
import { openPractice } from '../../testing/practice.js';
import { consoleApi } from '../../testing/session.js';

const storageKey = () => `slotwise.console.${new URL(consoleApi()).origin}`;
const closePart = ['slotwise-console-settings', 'slotwise-console-close-account'];

describe('console settings: close your account', () => {
  afterEach(() => localStorage.clear());

  it('closes from the keyboard after the consequence, the password and the handle: future bookings cancelled and refunded, the login ended with the summary', async () => {
    const practice = await openPractice({ price: 4500 });
    const created = await practice.book(0);
    expect(created.booking.status).to.equal('confirmed');
    // The console picks up the login a previous visit kept, as after a reload.
    localStorage.setItem(storageKey(), practice.tokens.refreshToken);
    location.hash = '#/settings';
    const el = await fixture<SlotwiseConsole>(html`<slotwise-console api=${consoleApi()}></slotwise-console>`);
    await eventually(() => find(el, ...closePart, 'button.danger'), 'the close-account part');
    const part = find(el, ...closePart)!;
    const active = () => part.shadowRoot!.activeElement;

    find<HTMLButtonElement>(part, 'button.danger')!.focus();
    await pressKey('Enter');
    const dialog = find<HTMLDialogElement>(part, 'dialog')!;
    await eventually(() => dialog.open, 'the dialog');
    expect(textOf(dialog)).to.contain('cancelled with a full refund').and.contain('stop taking bookings').and.contain('every login end').and.contain('records the law requires');
    expect(active()?.id).to.equal('close-password');

    // Mistyped handle first: the server checks it before the password; its words sit beside the field.
    await typeInto(active() as HTMLInputElement, 'not my password at all');
    await pressKey('Tab');
    await typeInto(active() as HTMLInputElement, 'someone-else');
    await pressKey('Enter');
    await eventually(() => find(part, '#close-confirm-error'), 'the handle error');
    expect(textOf(find(part, '#close-confirm-error'))).to.contain(practice.handle);
    expect(active()?.id).to.equal('close-confirm');
    expect(find(part, '#close-confirm')!.getAttribute('aria-describedby')).to.contain('close-confirm-error');
    await typeInto(active() as HTMLInputElement, practice.handle);
    await pressKey('Enter');
    await eventually(() => find(part, '#close-password-error'), 'the password error');
    expect(active()?.id).to.equal('close-password');
    expect(find<HTMLInputElement>(part, '#close-confirm')!.value).to.equal(practice.handle);
    await expect(part).to.be.accessible();
    expect((await practice.session.client.me.profile.retrieve()).status).not.to.equal('closed');

    const refreshToken = localStorage.getItem(storageKey())!;
    await typeInto(active() as HTMLInputElement, practice.password);
    await pressKey('Enter');
    await eventually(() => find(el, 'slotwise-console-auth'), 'the login page');
    const notice = textOf(find(el, 'slotwise-console-auth', '[role="status"]'));
    expect(notice).to.equal('Your account is closed. 1 future booking cancelled; its customer gets an email saying so. 1 full refund queued. Past bookings and payments are kept.');

    const anonymous = createClient({ baseURL: consoleApi() });
    const booking = await anonymous.bookings.retrieve(created.booking.id, { manageToken: created.manageToken });
    expect(booking.status).to.equal('cancelled');
    const page = await anonymous.specialists.retrieve(practice.handle);
    expect(page).to.include({ acceptingBookings: false, unavailableReason: 'closed' });
    // The login is over: its refresh token is refused and nothing is kept in the browser.
    expect(localStorage.getItem(storageKey())).to.equal(null);
    let refused: unknown;
    await anonymous.auth.refresh({ refreshToken }).catch((error: unknown) => (refused = error));
    expect(refused).to.be.an('error');
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import './console.js';
import type { SlotwiseConsole } from './console.component.js';
import { TokenKeeper } from './auth/token-keeper.js';
import { deepActive } from './keep-focus.js';
import { pressKey, typeInto } from '../testing/keyboard.js';
import { consoleApi, signUpSpecialist } from './testing/session.js';
import { openPractice } from './testing/practice.js';
import { eventually, fill, find, textOf } from './testing/dom.js';

/** Logs in on the login form `el` shows, and waits for the console. */
async function logIn(el: SlotwiseConsole, email: string, password: string) {
  await eventually(() => find(el, 'slotwise-console-auth', '#auth-email'), 'the login form');
  fill(el, ['slotwise-console-auth', '#auth-email'], email);
  fill(el, ['slotwise-console-auth', '#auth-password'], password);
  find<HTMLButtonElement>(el, 'slotwise-console-auth', 'button[type=submit]')!.click();
  await eventually(() => find(el, 'nav'), 'the console after login');
}

const storageKey = () => `slotwise.console.${new URL(consoleApi()).origin}`;

async function mount(hash = '#/home') {
  location.hash = hash;
  return fixture<SlotwiseConsole>(html`<slotwise-console api=${consoleApi()}></slotwise-console>`);
}

describe('<slotwise-console>', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.style.width = '';
  });

  it('signs a specialist up with the detected time zone, keeps only the refresh token in storage, and opens onboarding', async () => {
    const el = await mount('#/signup');
    await eventually(() => find(el, 'slotwise-console-auth', 'form'), 'the sign-up form');
    const handle = `su${Date.now().toString(36)}`;
    const auth = ['slotwise-console-auth'];
    fill(el, [...auth, '#auth-name'], 'Ada Lovelace');
    fill(el, [...auth, '#auth-handle'], handle);
    fill(el, [...auth, '#auth-email'], `${handle}@example.com`);
    fill(el, [...auth, '#auth-password'], 'short');
    find<HTMLButtonElement>(el, ...auth, 'button[type=submit]')!.click();
    // The server's field error sits beside the password, which takes focus; what was typed stays.
    await eventually(() => find(el, ...auth, '#auth-password-error'), 'the password error');
    expect(textOf(find(el, ...auth, '#auth-password-error'))).to.contain('at least 10 characters');
    expect(find(el, ...auth, '#auth-password')!.getAttribute('aria-describedby')).to.contain('auth-password-error');
    expect(find(el, 'slotwise-console-auth')!.shadowRoot!.activeElement?.id).to.equal('auth-password');
    expect(find<HTMLInputElement>(el, ...auth, '#auth-handle')!.value).to.equal(handle);
    expect(find<HTMLSelectElement>(el, ...auth, '#auth-timeZone')!.value).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);

    fill(el, [...auth, '#auth-password'], 'correct horse battery staple');
    find<HTMLButtonElement>(el, ...auth, 'button[type=submit]')!.click();
    await eventually(() => find(el, 'slotwise-console-onboarding'), 'onboarding after sign-up');
    expect(location.hash).to.equal('#/onboarding');
    const stored = localStorage.getItem(storageKey());
    expect(stored).to.be.a('string');
    expect(Object.values(localStorage).join(' ')).not.to.match(/eyJ/); // no JWT (access token) at rest
    const profile = await createClient({ baseURL: consoleApi(), apiKey: (await createClient({ baseURL: consoleApi() }).auth.login({ email: `${handle}@example.com`, password: 'correct horse battery staple' })).accessToken }).me.profile.retrieve();
    expect(profile).to.include({ handle, name: 'Ada Lovelace', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  });

  it('logs in from the keyboard, stays logged in across a reload, and logs out for good', async () => {
    const { email, password } = await signUpSpecialist();
    const el = await mount('#/login');
    await eventually(() => find(el, 'slotwise-console-auth', '#auth-email'), 'the login form');
    await typeInto(find<HTMLInputElement>(el, 'slotwise-console-auth', '#auth-email')!, email);
    await typeInto(find<HTMLInputElement>(el, 'slotwise-console-auth', '#auth-password')!, password);
    await pressKey('Enter');
    await eventually(() => find(el, 'nav'), 'the console after login');
    expect(location.hash).to.equal('#/home');
    expect(find(el, 'nav a[aria-current=page]')!.textContent).to.equal('Home');

    el.remove();
    const again = await mount('#/settings');
    await eventually(() => find(again, 'slotwise-console-settings'), 'the same login after a reload');

    const storedBefore = localStorage.getItem(storageKey())!;
    find<HTMLButtonElement>(again, 'nav .logout')!.click();
    await eventually(() => find(again, 'slotwise-console-auth'), 'the login form after logout');
    expect(localStorage.getItem(storageKey())).to.equal(null);
    // The server ended the login too: its refresh token no longer works.
    const refused = await createClient({ baseURL: consoleApi() }).auth.refresh({ refreshToken: storedBefore }).then(() => 'refreshed', () => 'refused');
    expect(refused).to.equal('refused');
  });

  it('says a save in the status line, then empties it, so a “saved” never stands beside a later error', async () => {
    const { email, password } = await signUpSpecialist();
    const el = await mount('#/login');
    el.statusMs = 400;
    await logIn(el, email, password);
    location.hash = '#/settings';
    await eventually(() => find(el, 'slotwise-console-settings', '#profile button[type=submit]'), 'the settings');
    const save = find<HTMLButtonElement>(el, 'slotwise-console-settings', '#profile button[type=submit]')!;
    save.focus();
    save.click();
    const status = () => textOf(find(el, 'p.status[role=status]'));
    await eventually(() => status() === 'Profile saved.', 'the save said');
    // The button was disabled while saving, which drops focus to the page: it comes back to it.
    await eventually(() => deepActive() === save, 'focus back on the save button');
    await eventually(() => status() === '', 'the sentence gone');
  });

  it('puts focus on the page heading when an action removes the element that had it', async () => {
    const { email, password, tokens } = await signUpSpecialist();
    const api = createClient({ baseURL: consoleApi(), apiKey: tokens.accessToken });
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await api.me.availability.overrides.create({ from: day, intervals: [] });
    const el = await mount('#/login');
    await logIn(el, email, password);
    location.hash = '#/availability';
    await eventually(() => find(el, 'slotwise-console-availability', '#overrides li button.danger'), 'the date rule');
    const remove = find<HTMLButtonElement>(el, 'slotwise-console-availability', '#overrides li button.danger')!;
    remove.focus();
    remove.click();
    await eventually(() => find<HTMLDialogElement>(el, 'slotwise-console-availability', 'dialog')?.open, 'the confirmation');
    find<HTMLButtonElement>(el, 'slotwise-console-availability', 'dialog button.danger')!.click();
    await eventually(() => !find(el, 'slotwise-console-availability', '#overrides li button.danger'), 'the rule gone, with its button');
    await eventually(() => deepActive() === find(el, 'main h1'), 'focus on the heading');
  });

  it('refreshes the access token once on a 401 and retries the call; a dead login ends with a sentence', async () => {
    const { tokens } = await signUpSpecialist();
    const changes: (string | undefined)[] = [];
    const keeper = new TokenKeeper({ apiBase: consoleApi(), onChange: (t, reason) => changes.push(t ? 'in' : reason) });
    keeper.accept({ ...tokens, accessToken: `${tokens.accessToken}x` }); // a token the server refuses
    const profile = await keeper.client.me.profile.retrieve();
    expect(profile.handle).to.equal(tokens.account.handle);
    expect(localStorage.getItem(keeper.storageKey)).not.to.equal(tokens.refreshToken); // traded for a new one

    localStorage.setItem(keeper.storageKey, 'rt_dead');
    keeper.accept({ ...tokens, accessToken: 'nope', refreshToken: 'rt_dead' });
    const failed = await keeper.client.me.profile.retrieve().then(() => 'ok', (error: Error) => error.name);
    expect(failed).to.equal('SlotwiseError');
    expect(changes.at(-1)).to.equal('Your login has ended. Log in again to go on.');
    expect(localStorage.getItem(keeper.storageKey)).to.equal(null);
    keeper.dispose();
  });

  it('says the login ended when a stored one cannot be resumed at load (expired, or ended elsewhere)', async () => {
    const keeper = new TokenKeeper({ apiBase: consoleApi(), onChange: () => undefined });
    localStorage.setItem(keeper.storageKey, 'rt_expired');
    keeper.dispose();
    const el = await fixture<HTMLElement>(html`<slotwise-console api=${consoleApi()}></slotwise-console>`);
    await eventually(() => find(el, 'slotwise-console-auth', '#auth-email'), 'the login form');
    await eventually(() => (find(el, 'slotwise-console-auth')?.shadowRoot?.textContent ?? '').includes('Your login has ended. Log in again to go on.'), 'why the login form shows');
    expect(localStorage.getItem(keeper.storageKey)).to.equal(null);
  });

  it('lets two tabs refresh the one stored login at the same time without spending its refresh token twice', async () => {
    const { tokens } = await signUpSpecialist();
    const tabs = [0, 1].map(() => new TokenKeeper({ apiBase: consoleApi(), onChange: () => undefined }));
    tabs[0]!.accept(tokens);
    const refreshed = await Promise.all(tabs.map((tab) => tab.refresh()));
    expect(refreshed).to.deep.equal([true, true]);
    // Both still work: the login was not ended by a reused refresh token.
    expect(await Promise.all([...tabs.map((tab) => tab.client.me.profile.retrieve()), tabs[0]!.refresh()].map((p) => p.then(() => 'ok')))).to.deep.equal(['ok', 'ok', 'ok']);
    tabs.forEach((tab) => tab.dispose());
  });

  it('has a skip link, a menu at 390 px, a not-found page with a way home, and is accessible', async () => {
    const { tokens } = await signUpSpecialist();
    localStorage.setItem(storageKey(), tokens.refreshToken);
    document.body.style.width = '390px';
    const el = await mount('#/nowhere');
    await eventually(() => find(el, 'main h1'), 'the console');
    expect(textOf(find(el, 'main'))).to.contain('Page not found');
    expect(find(el, 'main a[href="#/home"]')).to.exist;
    const menu = find<HTMLButtonElement>(el, 'button.menu')!;
    expect(getComputedStyle(menu).display).not.to.equal('none');
    expect(getComputedStyle(find(el, 'nav')!).display).to.equal('none');
    menu.click();
    await el.updateComplete;
    expect(menu.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(find(el, 'nav')!).display).not.to.equal('none');
    await expect(el).to.be.accessible();
    // Escape from inside the open menu closes it, focus back on its button.
    find<HTMLAnchorElement>(el, 'nav a[href="#/services"]')!.focus();
    await pressKey('Escape');
    await el.updateComplete;
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(menu);
    menu.click();
    await el.updateComplete;
    find<HTMLButtonElement>(el, 'button.skip')!.click();
    expect(el.shadowRoot!.activeElement).to.equal(find(el, 'main h1'));

    find<HTMLAnchorElement>(el, 'nav a[href="#/services"]')!.click();
    await eventually(() => find(el, 'slotwise-console-services'), 'the services screen');
    await eventually(() => el.shadowRoot!.activeElement === find(el, 'main h1'), 'focus on the new page’s heading');
    expect(find(el, 'main h1')!.textContent).to.equal('Services');
  });

  it('counts unread notifications beside Notifications in the navigation, and drops the count once they are read', async () => {
    const practice = await openPractice();
    await practice.book(0, { name: 'Ana Lima', email: 'ana@example.com' });
    await eventually(async () => (await practice.session.client.me.notifications.list({})).unread === 1, 'the notice written');
    const el = await mount('#/login');
    await eventually(() => find(el, 'slotwise-console-auth', '#auth-email'), 'the login form');
    fill(el, ['slotwise-console-auth', '#auth-email'], practice.email);
    fill(el, ['slotwise-console-auth', '#auth-password'], practice.password);
    find<HTMLButtonElement>(el, 'slotwise-console-auth', 'button[type=submit]')!.click();
    const link = () => [...el.shadowRoot!.querySelectorAll('nav a')].find((a) => a.getAttribute('href') === '#/notifications');
    await eventually(() => textOf(link()!) === 'Notifications 1 unread', 'the count in the navigation');

    location.hash = '#/notifications';
    await eventually(() => find<HTMLButtonElement>(el, 'slotwise-console-notifications', '.summary button'), 'Mark all as read');
    find<HTMLButtonElement>(el, 'slotwise-console-notifications', '.summary button')!.click();
    await eventually(() => textOf(link()!) === 'Notifications', 'the count gone');
    expect((await practice.session.client.me.notifications.list({})).unread).to.equal(0);
  });
});

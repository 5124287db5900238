import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import '../console.js';
import type { SlotwiseConsole } from '../console.component.js';
import { consoleApi, signUpSpecialist } from '../testing/session.js';
import { eventually, fill, find, textOf } from '../testing/dom.js';
import { mailedToken } from '../testing/mailbox.js';

const storageKey = () => `slotwise.console.${new URL(consoleApi()).origin}`;
const anonymous = () => createClient({ baseURL: consoleApi() });

async function mount(hash: string) {
  location.hash = hash;
  return fixture<SlotwiseConsole>(html`<slotwise-console api=${consoleApi()}></slotwise-console>`);
}

/** Submits the forgot-password form for `email` and answers the sentence it then shows. */
async function askForLink(el: SlotwiseConsole, email: string): Promise<string> {
  const forgot = ['slotwise-console-forgot'];
  fill(el, [...forgot, '#forgot-email'], email);
  find<HTMLButtonElement>(el, ...forgot, 'button[type=submit]')!.click();
  await find<HTMLElement & { updateComplete: Promise<unknown> }>(el, ...forgot)!.updateComplete; // the previous answer cleared
  await eventually(() => textOf(find(el, ...forgot, '[role=status]')), 'the answer to the request');
  return textOf(find(el, ...forgot, '[role=status]'));
}

describe('console account recovery', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.style.width = '';
  });
  afterEach(() => {
    location.hash = '';
  });

  it('resets a forgotten password through the emailed link: logged in, other logins ended, the link single use', async () => {
    const { email, password } = await signUpSpecialist();
    const otherLogin = await anonymous().auth.login({ email, password });
    const el = await mount('#/login');
    await eventually(() => find(el, 'slotwise-console-auth', 'a[href="#/forgot"]'), 'the login form');
    fill(el, ['slotwise-console-auth', '#auth-email'], 'typed-before@example.com');
    find<HTMLAnchorElement>(el, 'slotwise-console-auth', 'a[href="#/forgot"]')!.click();
    await eventually(() => find(el, 'slotwise-console-forgot', 'form'), 'the forgot-password form');
    // What was typed on the login form is not asked for again.
    expect(find<HTMLInputElement>(el, 'slotwise-console-forgot', '#forgot-email')!.value).to.equal('typed-before@example.com');
    fill(el, ['slotwise-console-forgot', '#forgot-email'], '');
    expect(find(el, 'slotwise-console-forgot')!.shadowRoot!.activeElement?.tagName).to.equal('H1'); // the new page's heading
    await expect(find(el, 'slotwise-console-forgot')).to.be.accessible();
    find<HTMLButtonElement>(el, 'slotwise-console-forgot', 'button[type=submit]')!.click();
    await eventually(() => find(el, 'slotwise-console-forgot', '#forgot-email-error'), 'the server’s error beside the email');
    expect(find(el, 'slotwise-console-forgot')!.shadowRoot!.activeElement?.id).to.equal('forgot-email');
    expect(textOf(find(el, 'slotwise-console-forgot', '[role=status]'))).to.equal(''); // nothing claimed sent

    // The same sentence for an address with an account and one without: nobody learns who has one.
    const said = await askForLink(el, email);
    expect(said).to.contain('If this email has an account');
    expect(await askForLink(el, `nobody-${Date.now()}@example.com`)).to.equal(said);

    const token = await mailedToken(email, 'reset');
    el.remove();
    const page = await mount(`#/reset?token=${encodeURIComponent(token)}`);
    await eventually(() => find(page, 'slotwise-console-reset', '#reset-password'), 'the new-password form');
    expect(location.hash).to.equal('#/reset'); // the token left the address bar and the history entry
    expect(location.href).not.to.contain(encodeURIComponent(token));
    expect(textOf(find(page, 'slotwise-console-reset', '#reset-password-hint'))).to.contain('At least 10 characters');
    await expect(find(page, 'slotwise-console-reset')).to.be.accessible();

    const reset = ['slotwise-console-reset'];
    fill(page, [...reset, '#reset-password'], 'short');
    find<HTMLButtonElement>(page, ...reset, 'button[type=submit]')!.click();
    await eventually(() => find(page, ...reset, '#reset-password-error'), 'the password rule');
    expect(find(page, ...reset, '#reset-password')!.getAttribute('aria-describedby')).to.contain('reset-password-error');
    expect(find<HTMLInputElement>(page, ...reset, '#reset-password')!.value).to.equal('short');

    const newPassword = 'a brand new password here';
    fill(page, [...reset, '#reset-password'], newPassword);
    find<HTMLButtonElement>(page, ...reset, 'button[type=submit]')!.click();
    await eventually(() => find(page, 'nav'), 'the console, logged in');
    expect(location.hash).to.equal('#/home');
    expect(textOf(find(page, 'main .flash'))).to.contain('Every other login of your account was ended');
    expect(localStorage.getItem(storageKey())).to.be.a('string');

    // The server changed: the old password and the other login no longer work, the new password does.
    expect(await anonymous().auth.login({ email, password }).then(() => 'in', () => 'refused')).to.equal('refused');
    expect(await anonymous().auth.refresh({ refreshToken: otherLogin.refreshToken }).then(() => 'in', () => 'refused')).to.equal('refused');
    expect((await anonymous().auth.login({ email, password: newPassword })).account.email).to.equal(email);

    // The link works once: opened again, it says so and offers a new one.
    page.remove();
    localStorage.clear();
    const again = await mount(`#/reset?token=${encodeURIComponent(token)}`);
    await eventually(() => find(again, 'slotwise-console-reset', '#reset-password'), 'the form again');
    fill(again, [...reset, '#reset-password'], 'yet another good password');
    find<HTMLButtonElement>(again, ...reset, 'button[type=submit]')!.click();
    await eventually(() => find(again, ...reset, '[role=alert]'), 'the used link');
    expect(textOf(find(again, ...reset, '[role=alert]'))).to.contain('already used');
    expect(find(again, ...reset, 'a[href="#/forgot"]')).to.exist;
    expect(find(again, 'nav')).to.equal(null);
  });

  it('verifies a new specialist’s email from the sign-up email: the banner shows, the link verifies, the banner goes', async () => {
    const { email, tokens } = await signUpSpecialist();
    localStorage.setItem(storageKey(), tokens.refreshToken);
    document.body.style.width = '390px';
    const el = await mount('#/home');
    await eventually(() => find(el, 'slotwise-console-standing', '.unverified'), 'the verify banner');
    expect(textOf(find(el, 'slotwise-console-standing'))).to.contain('Verify your email to take paid bookings');
    await expect(el).to.be.accessible();

    // "Send the link again" says it went only with the server's answer; the new link replaces the first.
    const resend = ['slotwise-console-standing', 'slotwise-console-resend-verification'];
    find<HTMLButtonElement>(el, ...resend, 'button')!.click();
    await eventually(() => textOf(find(el, ...resend, '[role=status]')), 'the resend answer');
    expect(textOf(find(el, ...resend, '[role=status]'))).to.contain(`on its way to ${email}`);
    const token = await mailedToken(email, 'verify', 2);

    location.hash = `#/verify?token=${encodeURIComponent(token)}`;
    await eventually(() => textOf(find(el, 'slotwise-console-verify', '.card')), 'the verified page');
    expect(textOf(find(el, 'slotwise-console-verify', '.card'))).to.contain(`Your email ${email} is verified`);
    expect(location.hash).to.equal('#/verify');
    await expect(find(el, 'slotwise-console-verify')).to.be.accessible();
    const profile = await createClient({ baseURL: consoleApi(), apiKey: tokens.accessToken }).me.profile.retrieve();
    expect(profile.emailVerified).to.equal(true);

    find<HTMLAnchorElement>(el, 'slotwise-console-verify', 'a[href="#/home"]')!.click();
    await eventually(() => find(el, 'slotwise-console-home'), 'home again');
    expect(find(el, 'slotwise-console-standing', '.unverified')).to.equal(null);
  });

  it('says a verification link is dead; logged in, it offers a new one', async () => {
    const out = await mount('#/verify?token=vt_not_a_real_token');
    await eventually(() => find(out, 'slotwise-console-verify', '[role=alert]'), 'the dead link, logged out');
    expect(textOf(find(out, 'slotwise-console-verify'))).to.contain('Log in to send a new link');
    out.remove();

    const { tokens } = await signUpSpecialist();
    localStorage.setItem(storageKey(), tokens.refreshToken);
    const el = await mount('#/verify?token=vt_not_a_real_token');
    await eventually(() => find(el, 'slotwise-console-verify', '[role=alert]'), 'the dead link, logged in');
    expect(find(el, 'slotwise-console-verify', 'slotwise-console-resend-verification')).to.exist;
  });
});

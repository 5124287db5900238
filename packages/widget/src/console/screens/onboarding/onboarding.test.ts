import { expect, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import '../../console.js';
import './onboarding.js';
import type { SlotwiseConsole } from '../../console.component.js';
import type { SlotwiseConsoleOnboarding } from './onboarding.component.js';
import { consoleApi, inConsole, sessionFor, signUpSpecialist } from '../../testing/session.js';
import { pressKey, typeInto } from '../../../testing/keyboard.js';
import { eventually, fill, find, textOf } from '../../testing/dom.js';

const badge = (el: Element, step: string) => textOf(find(el, `#step-${step} .badge`));

describe('<slotwise-console-onboarding>', () => {
  it('end to end: sign up in the shell, add a service from a template, keep the default hours, register the site — the preview widget shows open times', async () => {
    localStorage.clear();
    location.hash = '#/signup';
    const host = document.createElement('div');
    host.innerHTML = `<slotwise-console api="${consoleApi()}"></slotwise-console>`;
    document.body.append(host);
    const shell = host.firstElementChild as SlotwiseConsole;
    try {
      await eventually(() => find(shell, 'slotwise-console-auth', 'form'), 'the sign-up form');
      const handle = `ob${Date.now().toString(36)}`;
      for (const [id, value] of [['name', 'Grace Hopper'], ['handle', handle], ['email', `${handle}@example.com`], ['password', 'correct horse battery staple']]) {
        fill(shell, ['slotwise-console-auth', `#auth-${id}`], value!);
      }
      find<HTMLButtonElement>(shell, 'slotwise-console-auth', 'button[type=submit]')!.click();
      await eventually(() => find(shell, 'slotwise-console-onboarding', '#step-service button'), 'the onboarding checklist');
      const el = find<SlotwiseConsoleOnboarding>(shell, 'slotwise-console-onboarding')!;
      expect(badge(el, 'service')).to.equal('To do');
      expect(textOf(find(el, '.preview'))).to.contain(`/${handle}`);
      expect(textOf(find(el, '.lead'))).to.contain('Add a service and your hours, and customers can book you.');

      find<HTMLButtonElement>(el, '#step-service button')!.click();
      await eventually(() => badge(el, 'service') === 'Done', 'the service step done');
      expect(textOf(find(el, '#step-service'))).to.contain('Intro call — 20 min, Free');
      // What is still missing, and only that.
      expect(textOf(find(el, '.lead'))).to.contain('Add your hours, and customers can book you.');

      // Mon–Fri 09:00–17:00 is offered; saving it as it is makes the hours.
      expect(find<HTMLInputElement>(el, '#step-hours input[name="on-1"]')!.checked).to.equal(true);
      expect(find<HTMLInputElement>(el, '#step-hours input[name="on-6"]')!.checked).to.equal(false);
      find<HTMLButtonElement>(el, '#step-hours button[type=submit]')!.click();
      await eventually(() => badge(el, 'hours') === 'Done', 'the hours step done');

      fill(el, ['#embed-allowedOrigins\\.0'], 'https://coach.example/some/path');
      find<HTMLButtonElement>(el, '#step-embed button[type=submit]')!.click();
      await eventually(() => find(el, '#embed-allowedOrigins\\.0-error'), 'the origin error');
      expect(el.shadowRoot!.activeElement?.id).to.equal('embed-allowedOrigins.0');
      // The step's alert says the sentence itself, not the API's field path (`body.allowedOrigins.0: …`).
      const sentence = textOf(find(el, '#embed-allowedOrigins\\.0-error'));
      expect(textOf(find(el, '#step-embed [role=alert]'))).to.equal(sentence);
      expect(sentence).not.to.contain('body.');
      fill(el, ['#embed-allowedOrigins\\.0'], 'https://coach.example');
      find<HTMLButtonElement>(el, '#step-embed button[type=submit]')!.click();
      await eventually(() => badge(el, 'embed') === 'Done', 'the embed step done');
      expect(textOf(find(el, '#snippet'))).to.contain(`specialist="${handle}"`);
      expect(textOf(find(el, '#snippet'))).to.contain('/widget/slotwise/core.js"> <script src=');

      expect(textOf(find(el, '#step-payments'))).to.contain('Test mode — no money moves');
      expect(badge(el, 'payments')).to.equal('To do');

      // The preview is the real customer widget, reading the public API: open days appear.
      await eventually(() => find(el, 'slotwise-booking', 'slotwise-service-picker', 'button'), 'the preview’s services');
      find<HTMLButtonElement>(el, 'slotwise-booking', 'slotwise-service-picker', 'button')!.click();
      await eventually(() => find(el, 'slotwise-booking', 'slotwise-calendar', 'button[part~="day-open"]'), 'open days in the preview');

      const login = await createClient({ baseURL: consoleApi() }).auth.login({ email: `${handle}@example.com`, password: 'correct horse battery staple' });
      const me = createClient({ baseURL: consoleApi(), apiKey: login.accessToken }).me;
      expect((await me.availability.retrieve()).weekly).to.have.length(5);
      expect((await me.profile.retrieve()).allowedOrigins).to.include('https://coach.example');
    } finally {
      host.remove();
    }
  });

  it('connects test payments, then creates a paid session at the price typed (a bad price is said beside the field); accessible', async () => {
    const { tokens } = await signUpSpecialist({ currency: 'EUR' });
    const session = await sessionFor(tokens);
    const el = await inConsole<SlotwiseConsoleOnboarding>(html`<slotwise-console-onboarding></slotwise-console-onboarding>`, session);
    await eventually(() => find(el, '#service-price'), 'the checklist');
    await expect(el).to.be.accessible();

    find<HTMLButtonElement>(el, '#step-payments button')!.click();
    await eventually(() => badge(el, 'payments') === 'Done', 'test payments connected');
    expect((await session.client.me.stripe.retrieve()).chargesEnabled).to.equal(true);

    fill(el, ['#service-price'], 'sixty');
    find<HTMLButtonElement>(el, '#step-service form button')!.click();
    await eventually(() => find(el, '#service-price-error'), 'the price error');
    expect(el.shadowRoot!.activeElement?.id).to.equal('service-price');
    // 0 is no price for a paid session: it would make a free "Session" beside the intro call.
    fill(el, ['#service-price'], '0');
    find<HTMLButtonElement>(el, '#step-service form button')!.click();
    await eventually(() => (find(el, '#service-price-error')?.textContent ?? '').includes('needs a price above 0'), 'the zero refused');
    expect((await session.client.me.services.list()).data).to.have.length(0);
    fill(el, ['#service-price'], '');

    // From the keyboard: type the price, Enter submits.
    await typeInto(find<HTMLInputElement>(el, '#service-price')!, '75.50');
    await pressKey('Enter');
    await eventually(() => badge(el, 'service') === 'Done', 'the service created');
    const { data } = await session.client.me.services.list();
    expect(data.map((s) => s.durations)).to.deep.equal([[{ minutes: 50, price: 7550 }]]);
    expect(session.announced).to.include('Paid session created.');
  });

  it('does not tell a specialist whose page is suspended that customers can book them', async () => {
    const { tokens } = await signUpSpecialist();
    const session = await sessionFor(tokens);
    await session.client.me.services.create({ name: 'Intro', durations: [{ minutes: 20, price: 0 }] });
    await session.client.me.availability.replaceWeekly({ weekly: [{ weekday: 1, start: '09:00', end: '17:00' }], breaks: [] });
    Object.assign(session, { profile: { ...session.profile!, status: 'suspended', statusReason: 'Checking documents' } }); // as the API says it then
    const el = await inConsole<SlotwiseConsoleOnboarding>(html`<slotwise-console-onboarding></slotwise-console-onboarding>`, session);
    await eventually(() => find(el, '.lead'), 'the checklist');
    expect(textOf(find(el, '.lead'))).to.contain('Your page takes no new bookings while it is not active.');
    expect(textOf(find(el, '.lead'))).not.to.contain('Customers can book you now.');
  });

  it('keeps a day of several intervals as it is when the hours are saved from here, and says where to change it', async () => {
    const { tokens } = await signUpSpecialist();
    const session = await sessionFor(tokens);
    const weekly = [
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '13:00', end: '17:00' },
      { weekday: 2, start: '10:00', end: '16:00' },
    ];
    await session.client.me.availability.replaceWeekly({ weekly, breaks: [] });
    const el = await inConsole<SlotwiseConsoleOnboarding>(html`<slotwise-console-onboarding></slotwise-console-onboarding>`, session);
    await eventually(() => find(el, '#step-hours form'), 'the hours step');
    expect(textOf(find(el, '#step-hours .several'))).to.contain('09:00–12:00, 13:00–17:00');
    expect(find(el, '#step-hours input[name="on-1"]')).to.equal(null);
    expect(find<HTMLAnchorElement>(el, '#step-hours .several a')!.getAttribute('href')).to.equal('#/availability');
    find<HTMLInputElement>(el, '#step-hours input[name="on-7"]')!.click();
    find<HTMLButtonElement>(el, '#step-hours button[type=submit]')!.click();
    await eventually(() => session.announced.includes('Weekly hours saved.'), 'the hours saved');
    const saved = (await session.client.me.availability.retrieve()).weekly.map(({ weekday, start, end }) => ({ weekday, start, end }));
    expect(saved).to.deep.equal([...weekly, { weekday: 7, start: '09:00', end: '17:00' }]);
  });
});

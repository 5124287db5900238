import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import type { SlotwiseBooking } from '../booking/booking.component.js';
import '../booking/booking.js';
import { openPractice } from '../../console/testing/practice.js';
import { consoleApi } from '../../console/testing/session.js';
import { paymentIntentId } from '../payment/payment-steps.js';
import { chooseService, chooseTime, deep, eventually, pickDay } from '../../testing/helpers.js';
import { pressKey } from '../../testing/keyboard.js';

const text = (el: Element | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: SlotwiseBooking, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`) ?? undefined;

afterEach(() => sessionStorage.clear());

describe('<slotwise-booking> paying instead of using a credit (test payments, real API)', () => {
  it('offers the credit by default and “Pay €30.00 instead”; paying runs the payment step and keeps the credits', async () => {
    const practice = await openPractice({ price: 3000 });
    const pkg = await practice.session.client.me.packages.create({ name: 'Three calls', sessionCount: 3, serviceIds: [practice.service.id], price: 8000, validityDays: 60 });
    const visitor = createClient({ baseURL: consoleApi() });
    const bought = await visitor.packages.purchase(pkg.id, { customer: { name: 'Ana Lima', email: 'ana@example.com', timeZone: 'Europe/Paris' } });
    const paid = await visitor.payments.confirmTestPurchase(paymentIntentId(bought.paymentSession!.clientSecret), { outcome: 'succeed' }, { creditsToken: bought.creditsToken });
    sessionStorage.setItem(`slotwise:credits:${practice.handle}`, bought.creditsToken); // the code kept from this visit's purchase

    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist=${practice.handle} api=${consoleApi()} timezone="Europe/Paris"></slotwise-booking>`);
    await eventually(() => part(el, 'credits'), 'the balance');
    await chooseService(el, 'Strategy call');
    await pickDay(el, 1);
    await chooseTime(el, 0);

    const form = () => deep(el, 'slotwise-details-form')!;
    const choice = () => deep(el, 'slotwise-details-form', '[part~="credit-choice"]');
    await eventually(() => choice(), 'the choice of how to pay');
    const expiry = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', day: 'numeric', month: 'short' }).format(new Date(paid.lots[0]!.expiresAt));
    const [useCredit, payMoney] = [...choice()!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(text(useCredit!.closest('label')!)).to.equal(`Use 1 credit (3 left, expire ${expiry})`);
    expect(text(payMoney!.closest('label')!)).to.equal('Pay €30.00 instead');
    expect(text(choice()!.querySelector('legend')!)).to.equal('How would you like to pay?');
    expect(useCredit!.checked).to.equal(true);
    const submit = () => deep<HTMLButtonElement>(el, 'slotwise-details-form', 'button[type="submit"]')!;
    expect(text(submit())).to.equal('Book with a credit');
    await expect(el).to.be.accessible();

    // The keyboard picks the other option as in any radio group.
    useCredit!.focus();
    await pressKey('ArrowDown');
    await eventually(() => text(submit()) === 'Continue to payment', 'the payment path');
    expect(payMoney!.checked).to.equal(true);
    await expect(el).to.be.accessible();

    deep<HTMLInputElement>(form(), '#name')!.value = 'Ana Lima';
    const started: CustomEvent[] = [];
    el.addEventListener('slotwise:payment-started', (event) => started.push(event));
    submit().click();
    await eventually(() => deep(el, 'slotwise-payment', '[part~="pay-test"]'), 'the payment step');
    expect(started.map((e) => [e.detail.amount, e.detail.currency])).to.deep.equal([[3000, 'EUR']]);
    deep<HTMLButtonElement>(el, 'slotwise-payment', '[part~="pay-test"]')!.click();

    await eventually(() => deep(el, 'slotwise-confirmation'), 'the confirmation');
    expect(text(part(el, 'credit-used'))).to.equal(''); // nothing claims a credit was spent
    expect((await visitor.credits.retrieve({ creditsToken: bought.creditsToken })).total).to.equal(3);
    const [booking] = (await practice.session.client.me.bookings.list({})).data;
    expect(booking).to.deep.include({ status: 'confirmed', price: 3000 });
    expect(booking!.payment).to.deep.include({ status: 'succeeded', amount: 3000 });
  });

  it('never spends a credit on a free session: it books for free and the credit stays', async () => {
    const practice = await openPractice({ price: 0 });
    const pkg = await practice.session.client.me.packages.create({ name: 'Starter credit', sessionCount: 1, serviceIds: [practice.service.id], price: 0, validityDays: 60 });
    const visitor = createClient({ baseURL: consoleApi() });
    const bought = await visitor.packages.purchase(pkg.id, { customer: { name: 'Ana Lima', email: 'ana@example.com', timeZone: 'Europe/Paris' } });
    expect((await visitor.credits.retrieve({ creditsToken: bought.creditsToken })).total).to.equal(1);
    sessionStorage.setItem(`slotwise:credits:${practice.handle}`, bought.creditsToken);

    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist=${practice.handle} api=${consoleApi()} timezone="Europe/Paris"></slotwise-booking>`);
    await eventually(() => part(el, 'credits'), 'the balance');
    await chooseService(el, 'Strategy call');
    await pickDay(el, 1);
    await chooseTime(el, 0);
    const submit = () => deep<HTMLButtonElement>(el, 'slotwise-details-form', 'button[type="submit"]');
    await eventually(() => submit(), 'the details form');
    expect(text(submit())).to.equal('Book this time');
    expect(deep(el, 'slotwise-details-form', '[part~="credit-choice"]')).to.equal(undefined);
    deep<HTMLInputElement>(el, 'slotwise-details-form', '#name')!.value = 'Ana Lima';
    submit()!.click();

    await eventually(() => deep(el, 'slotwise-confirmation'), 'the confirmation');
    expect((await visitor.credits.retrieve({ creditsToken: bought.creditsToken })).total).to.equal(1);
    const [booking] = (await practice.session.client.me.bookings.list({})).data;
    expect(booking).to.deep.include({ status: 'confirmed', price: 0, paidWithCredit: false });
    // Nothing claims a credit was spent — not even once the widget could have re-read the balance
    // (it would have asked before the two calls above, which the server answered meanwhile).
    await el.updateComplete;
    expect(text(part(el, 'credit-used'))).to.equal('');
  });
});

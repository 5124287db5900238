import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import type { SlotwiseBooking } from '../booking/booking.component.js';
import '../booking/booking.js';
import { openPractice } from '../../console/testing/practice.js';
import { consoleApi } from '../../console/testing/session.js';
import { paymentIntentId } from '../payment/payment-steps.js';
import { chooseService, chooseTime, deep, deepAll, eventually, pickDay } from '../../testing/helpers.js';
import { pressKey, typeInto } from '../../testing/keyboard.js';

/** A specialist of the test's own selling "Three calls" (3 credits of their €30 call, 60 days, €80). */
async function practiceWithPackage() {
  const practice = await openPractice({ price: 3000 });
  const pkg = await practice.session.client.me.packages.create({
    name: 'Three calls',
    description: 'Three strategy calls, booked when you like.',
    sessionCount: 3,
    serviceIds: [practice.service.id],
    price: 8000,
    validityDays: 60,
  });
  return { ...practice, pkg };
}

async function mount(handle: string): Promise<SlotwiseBooking> {
  const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist=${handle} api=${consoleApi()} timezone="Europe/Paris"></slotwise-booking>`);
  await eventually(() => deep(el, 'slotwise-service-picker', 'button'), 'the services');
  await eventually(() => deep(el, 'slotwise-packages', 'summary, [part~="package"]'), 'the packages');
  return el;
}

const text = (el: Element | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: SlotwiseBooking, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`) ?? undefined;
/** The element focused inside `el`, through the shadow roots. */
function focused(el: Element): Element | null {
  let active: Element | null = el.shadowRoot!.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

afterEach(() => sessionStorage.clear());

describe('<slotwise-booking> packages and credits (test payments, real API)', () => {
  it('lists the package after the sessions, sells it through the payment step, then books with a credit without paying', async () => {
    const { handle, pkg } = await practiceWithPackage();
    const el = await mount(handle);
    const listed = deepAll(el, 'slotwise-packages', '[part~="package"]');
    expect(listed).to.have.length(1);
    expect(text(listed[0])).to.include('Three calls').and.include('3 sessions').and.include('€80.00').and.include('valid for 60 days').and.include('For: Strategy call');
    await expect(el).to.be.accessible();

    deep<HTMLButtonElement>(el, 'slotwise-packages', `[data-package="${pkg.id}"]`)!.click();
    await eventually(() => deep(el, 'slotwise-package-form', 'form'), 'the buyer form');
    expect(deep(el, 'slotwise-service-picker')).to.equal(undefined);
    expect(focused(el)?.id).to.equal('checkout-heading');
    await expect(el).to.be.accessible();
    deep<HTMLInputElement>(el, 'slotwise-package-form', '#name')!.value = 'Ada Lovelace';
    deep<HTMLInputElement>(el, 'slotwise-package-form', '#email')!.value = 'ada@example.com';
    deep<HTMLButtonElement>(el, 'slotwise-package-form', 'button[type="submit"]')!.click();

    // The same payment step as a booking's, in test mode: no countdown, since nothing is held.
    await eventually(() => deep(el, 'slotwise-payment', '[part~="pay-test"]'), 'the payment step');
    expect(text(deep(el, 'slotwise-payment', '[part~="amount"]'))).to.include('€80.00');
    expect(text(deep(el, 'slotwise-payment', '.what'))).to.equal('Three calls · 3 sessions');
    expect(deep(el, 'slotwise-payment', '[part~="countdown"]')).to.equal(undefined);
    expect(part(el, 'bought')).to.equal(undefined);
    await expect(el).to.be.accessible();
    const purchased: CustomEvent[] = [];
    el.addEventListener('slotwise:package-purchased', (event) => purchased.push(event));
    deep<HTMLButtonElement>(el, 'slotwise-payment', '[part~="pay-test"]')!.click();

    await eventually(() => part(el, 'bought'), 'what was bought');
    const bought = text(part(el, 'bought'));
    expect(bought).to.include('You bought Three calls: 3 credits.');
    expect(bought).to.match(/3 credits to spend, valid until \w+/);
    expect(bought).to.include('Your credits code is on its way to ada@example.com.'); // queued, not yet sent
    expect(focused(el)?.id).to.equal('bought-heading');
    expect(purchased.map((e) => [e.detail.purchase.status, e.detail.credits.total, typeof e.detail.creditsToken])).to.deep.equal([['paid', 3, 'string']]);
    await eventually(() => part(el, 'credits'), 'the balance at the top');
    expect(text(part(el, 'credits'))).to.include('You have 3 credits with').and.include('Valid until').and.include('For: Strategy call');
    await expect(el).to.be.accessible();

    part(el, 'book-with-credit')!.click();
    await chooseService(el, 'Strategy call');
    await pickDay(el, 1);
    await chooseTime(el, 0);
    const submit = deep<HTMLButtonElement>(el, 'slotwise-details-form', 'button[type="submit"]')!;
    expect(text(submit)).to.equal('Book with a credit');
    // Both filled in from the purchase just made: the visitor typed them a minute ago.
    expect(deep<HTMLInputElement>(el, 'slotwise-details-form', '#email')!.value).to.equal('ada@example.com');
    expect(deep<HTMLInputElement>(el, 'slotwise-details-form', '#name')!.value).to.equal('Ada Lovelace');
    const paymentSeen: string[] = [];
    el.addEventListener('slotwise:payment-started', () => paymentSeen.push('payment'));
    submit.click();

    await eventually(() => part(el, 'credit-used'), 'the note about the spent credit');
    expect(text(part(el, 'credit-used'))).to.equal('Paid with a credit. 2 credits left.');
    expect(deep(el, 'slotwise-payment')).to.equal(undefined);
    expect(paymentSeen).to.deep.equal([]);
    expect(deep(el, 'slotwise-confirmation')).to.not.equal(undefined);
    await eventually(() => text(part(el, 'credits')).includes('You have 2 credits'), 'the balance to drop');
    await expect(el).to.be.accessible();
  });

  it('leaves a package’s payment step, even after a declined card, back to the sessions and packages, charging nothing', async () => {
    const { handle, pkg, session } = await practiceWithPackage();
    const el = await mount(handle);
    deep<HTMLButtonElement>(el, 'slotwise-packages', `[data-package="${pkg.id}"]`)!.click();
    await eventually(() => deep(el, 'slotwise-package-form', 'form'), 'the buyer form');
    deep<HTMLInputElement>(el, 'slotwise-package-form', '#name')!.value = 'Ada Lovelace';
    deep<HTMLInputElement>(el, 'slotwise-package-form', '#email')!.value = 'ada-back@example.com';
    deep<HTMLButtonElement>(el, 'slotwise-package-form', 'button[type="submit"]')!.click();
    await eventually(() => deep(el, 'slotwise-payment', '[part~="decline-test"]'), 'the payment step');
    deep<HTMLButtonElement>(el, 'slotwise-payment', '[part~="decline-test"]')!.click();
    await eventually(() => deep(el, 'slotwise-payment', '[part~="payment-error"]'), 'the declined card');

    const back = deep<HTMLButtonElement>(el, 'slotwise-payment', '[part~="back"]')!;
    expect(text(back)).to.equal('Back to sessions');
    back.click();
    await eventually(() => deep(el, 'slotwise-service-picker', 'button') && !deep(el, 'slotwise-payment'), 'the sessions and packages again');
    expect(deep(el, 'slotwise-packages', `[data-package="${pkg.id}"]`)).to.exist;
    await eventually(() => el.shadowRoot!.activeElement?.localName === 'slotwise-packages', 'the focus on the packages');
    await expect(el).to.be.accessible();
    const { data } = await session.client.me.payments.list({});
    expect(data.filter((p) => p.status === 'succeeded')).to.deep.equal([]);
  });

  it('takes a credits code typed in — refusing a wrong one — and from the email link’s URL parameter, for this visit only', async () => {
    const { handle, pkg } = await practiceWithPackage();
    const client = createClient({ baseURL: consoleApi() });
    const created = await client.packages.purchase(pkg.id, { customer: { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'Europe/Paris' } });
    await client.payments.confirmTestPurchase(paymentIntentId(created.paymentSession!.clientSecret), { outcome: 'succeed' }, { creditsToken: created.creditsToken });

    const el = await mount(handle);
    expect(part(el, 'credits')).to.equal(undefined);
    const summary = deep<HTMLElement>(el, 'slotwise-packages', 'summary')!;
    expect(text(summary)).to.equal('Have a credits code?');
    summary.click();
    const input = deep<HTMLInputElement>(el, 'slotwise-packages', '#credits-code')!;
    await typeInto(input, 'crt_not-a-real-code');
    await pressKey('Enter');
    await eventually(() => text(deep(el, 'slotwise-packages', '#code-error')), 'the refusal');
    expect(text(deep(el, 'slotwise-packages', '#code-error'))).to.match(/No credits match this token/);
    expect(focused(el)).to.equal(input);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    await typeInto(input, created.creditsToken);
    await pressKey('Enter');
    await eventually(() => part(el, 'credits'), 'the balance');
    expect(text(part(el, 'credits'))).to.include('You have 3 credits with');
    expect(focused(el)).to.equal(part(el, 'credits'));
    expect(sessionStorage.getItem(`slotwise:credits:${handle}`)).to.equal(created.creditsToken);

    // Forgetting the code removes it from this visit.
    part(el, 'forget-credits')!.click();
    await eventually(() => !part(el, 'credits'), 'the balance to go');
    expect(sessionStorage.getItem(`slotwise:credits:${handle}`)).to.equal(null);

    // The email's link: ?slotwise_credits=<code> on the page.
    history.replaceState(null, '', `${location.pathname}${location.search}&slotwise_credits=${encodeURIComponent(created.creditsToken)}`);
    try {
      const linked = await mount(handle);
      await eventually(() => part(linked, 'credits'), 'the balance from the link');
      expect(text(part(linked, 'credits'))).to.include('You have 3 credits with');
      // Read once, then out of the address: a bookmark or a shared screen does not carry the token.
      expect(new URLSearchParams(location.search).has('slotwise_credits')).to.equal(false);
    } finally {
      history.replaceState(null, '', location.href.replace(/&slotwise_credits=[^&]*/, ''));
    }
  });

  it('buys a package with the keyboard alone', async () => {
    const { handle, pkg } = await practiceWithPackage();
    const el = await mount(handle);
    deep<HTMLButtonElement>(el, 'slotwise-packages', `[data-package="${pkg.id}"]`)!.focus();
    await pressKey('Enter');
    await eventually(() => focused(el)?.id === 'checkout-heading', 'focus on the form');
    await pressKey('Tab');
    expect(focused(el)?.id).to.equal('name');
    await typeInto(deep<HTMLInputElement>(el, 'slotwise-package-form', '#name')!, 'Kay Keys');
    await pressKey('Tab');
    await typeInto(deep<HTMLInputElement>(el, 'slotwise-package-form', '#email')!, 'kay@example.com');
    await pressKey('Enter');
    await eventually(() => focused(el)?.id === 'pay-heading', 'focus on the payment step');
    await pressKey('Tab');
    expect(focused(el)?.getAttribute('part')).to.equal('pay-test');
    await pressKey('Enter');
    await eventually(() => focused(el)?.id === 'bought-heading', 'focus on what was bought');
    await pressKey('Tab');
    expect(focused(el)?.getAttribute('part')).to.equal('book-with-credit');
    await pressKey('Enter');
    await eventually(() => focused(el)?.closest?.('li') || deep(el, 'slotwise-service-picker', 'button') === focused(el), 'focus on the sessions');
    expect(focused(el)?.getAttribute('part')).to.include('duration');
  });
});

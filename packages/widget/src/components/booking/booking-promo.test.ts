import { expect, fixture, html } from '@open-wc/testing';
import { api, bookDirectly, chooseService, chooseTime, deep, eventually, fetchSlots, fetchSpecialist, fillDetails, mountBooking, nextEvent, pickDay, submitDetails } from '../../testing/helpers.js';

const paid = () => window.__SLOTWISE_PAID__;

/** A promo code of the demo specialist, made through the API with their secret key. */
async function createCode(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${api()}/v1/me/promo-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${paid().apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).to.equal(201);
}

describe('<slotwise-booking> with a promo code (real API)', () => {
  it('checks a code on the details step, shows the new price, and books a session a 100 % code makes free with no payment step (axe)', async () => {
    const code = `FREE${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    await createCode({ code, kind: 'percent', value: 100 });
    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(el, paid().serviceName);
    await pickDay(el, 5);
    await chooseTime(el, 1);
    const form = (selector: string) => deep<HTMLElement>(el, 'slotwise-details-form', selector);
    expect(form('button[type="submit"]')!.textContent!.trim()).to.equal('Continue to payment');

    // Collapsed until asked for.
    expect(form('#promo')).to.equal(undefined);
    form('[part~="promo-toggle"]')!.click();
    await eventually(() => form('#promo'), 'the promo-code field');
    await expect(el).to.be.accessible();

    // A code that does not exist: the server's sentence, and the price stays.
    const input = form('#promo') as HTMLInputElement;
    input.value = 'NOSUCHCODE';
    form('[part~="promo-apply"]')!.click();
    await eventually(() => form('[part~="promo-status"]')!.textContent!.includes('NOSUCHCODE'), 'the refusal');
    expect(form('[part~="promo-status"]')!.textContent!.trim()).to.equal('"NOSUCHCODE" is not a promo code of this specialist. Check its spelling, or book without it.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(form('button[type="submit"]')!.textContent!.trim()).to.equal('Continue to payment');
    await expect(el).to.be.accessible();

    // The real code, typed in lower case: free, so no payment step.
    input.value = code.toLowerCase();
    form('[part~="promo-apply"]')!.click();
    await eventually(() => form('[part~="promo-status"]')!.textContent!.includes('free'), 'the new price');
    expect(form('[part~="promo-status"]')!.textContent!.trim()).to.equal('Code applied: this session is free.');
    expect(form('button[type="submit"]')!.textContent!.trim()).to.equal('Book this time');
    await expect(el).to.be.accessible();

    fillDetails(el, { name: 'Dorothy Vaughan', email: `dorothy-${code.toLowerCase()}@example.com` });
    const booked = nextEvent(el, 'slotwise:booked');
    const refused = nextEvent(el, 'slotwise:error').then(({ detail }) => {
      throw new Error(`the API refused the booking: ${detail.status} ${detail.code} ${detail.message}`);
    });
    let paymentStarted = false;
    el.addEventListener('slotwise:payment-started', () => (paymentStarted = true));
    submitDetails(el);
    const { detail } = await Promise.race([booked, refused]);
    expect(detail.booking).to.include({ status: 'confirmed', price: 0 });
    expect(detail.booking.promo).to.deep.equal({ code, amountOff: 9000 });
    expect(paymentStarted).to.equal(false);
  });

  it('forgets an applied code once the field holds another or none: the price, the sentence and the booking follow the field', async () => {
    const code = `ALL${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    await createCode({ code, kind: 'percent', value: 100 });
    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(el, paid().serviceName);
    await pickDay(el, 7);
    await chooseTime(el, 1);
    const form = (selector: string) => deep<HTMLElement>(el, 'slotwise-details-form', selector);
    const status = () => form('[part~="promo-status"]')!.textContent!.trim();
    const submitLabel = () => form('button[type="submit"]')!.textContent!.trim();
    form('[part~="promo-toggle"]')!.click();
    await eventually(() => form('#promo'), 'the promo-code field');
    const input = form('#promo') as HTMLInputElement;
    const type = (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    type(code);
    form('[part~="promo-apply"]')!.click();
    await eventually(() => status() === 'Code applied: this session is free.', 'the code applied');
    expect(submitLabel()).to.equal('Book this time');

    // Another code typed over it, not applied: the free price no longer stands.
    type('SOMETHINGELSE');
    await eventually(() => status() === '' && submitLabel() === 'Continue to payment', 'the applied price gone');
    // The same code again (any case): applied as before, no new check needed.
    type(code.toLowerCase());
    form('[part~="promo-apply"]')!.click();
    await eventually(() => status() === 'Code applied: this session is free.', 'applied again');

    // Cleared: the booking goes to payment at the full price, with no code.
    type('');
    await eventually(() => submitLabel() === 'Continue to payment', 'the full price');
    fillDetails(el, { name: 'Katherine Johnson', email: `katherine-${code.toLowerCase()}@example.com` });
    const started = nextEvent(el, 'slotwise:payment-started');
    submitDetails(el);
    const { detail } = await started;
    expect(detail.amount).to.equal(9000);
  });

  it('says under the code field why the server refused the code when booking (a first-booking code, an email that booked before)', async () => {
    const code = `NEW${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const email = `returning-${code.toLowerCase()}@example.com`;
    await createCode({ code, kind: 'percent', value: 20, firstBookingOnly: true });
    // This email booked the free intro call before.
    const intro = (await fetchSpecialist()).services.find((s) => s.durations.every((d) => d.price === 0))!;
    const open = (await fetchSlots({ service: intro.id, timezone: 'Europe/Berlin' })).days.flatMap((d) => d.slots);
    expect((await bookDirectly({ service: intro.id, start: open.at(-1)!.start, email })).status).to.equal(201);

    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(el, paid().serviceName);
    await pickDay(el, 6);
    await chooseTime(el, 2);
    const form = (selector: string) => deep<HTMLElement>(el, 'slotwise-details-form', selector);
    form('[part~="promo-toggle"]')!.click();
    await eventually(() => form('#promo'), 'the promo-code field');
    (form('#promo') as HTMLInputElement).value = code;
    form('[part~="promo-apply"]')!.click();
    await eventually(() => form('[part~="promo-status"]')!.textContent!.includes('Code applied'), 'the new price');
    expect(form('[part~="promo-status"]')!.textContent!.trim()).to.equal('Code applied: you pay €72.00 (€18.00 off).');

    fillDetails(el, { name: 'Mary Jackson', email });
    const refused = nextEvent(el, 'slotwise:error');
    submitDetails(el);
    expect((await refused).detail.code).to.equal('promo_code_first_booking');
    await eventually(() => form('[part~="promo-status"]')!.textContent!.includes('first booking'), 'the refusal under the code');
    expect(form('[part~="promo-status"]')!.textContent!.trim()).to.equal(`The promo code "${code}" is for a first booking only, and this email has booked before. Book without it.`);
    expect(form('[part~="form-error"]')).to.equal(undefined);
    expect(form('button[type="submit"]')!.textContent!.trim()).to.equal('Continue to payment');
    await expect(el).to.be.accessible();
  });

  it('applies the code of a campaign link (slotwise_code) on the details step at once, and books with it; an attribute wins over the link', async () => {
    const code = `LINK${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    await createCode({ code, kind: 'amount', value: 1500 });
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?slotwise_code=${code.toLowerCase()}`);
    let el: Awaited<ReturnType<typeof mountBooking>>;
    try {
      el = await mountBooking({ timezone: 'Europe/Berlin' });
    } finally {
      history.replaceState(null, '', before);
    }
    expect(el.getAttribute('promo-code')).to.equal(code.toLowerCase());
    await chooseService(el, paid().serviceName);
    await pickDay(el, 7);
    await chooseTime(el, 3);
    const form = (selector: string) => deep<HTMLElement>(el, 'slotwise-details-form', selector);
    await eventually(() => form('[part~="promo-status"]')?.textContent?.includes('Code applied'), 'the code from the link, applied');
    expect((form('#promo') as HTMLInputElement).value).to.equal(code.toLowerCase());
    expect(form('[part~="promo-status"]')!.textContent!.trim()).to.equal('Code applied: you pay €75.00 (€15.00 off).');
    await expect(el).to.be.accessible();

    fillDetails(el, { name: 'Katherine Johnson', email: `katherine-${code.toLowerCase()}@example.com` });
    const started = nextEvent(el, 'slotwise:payment-started');
    const refused = nextEvent(el, 'slotwise:error').then(({ detail }) => {
      throw new Error(`the API refused the booking: ${detail.status} ${detail.code} ${detail.message}`);
    });
    submitDetails(el);
    // The server priced the hold with the code: €75.00 is what the payment step asks for.
    const { detail } = await Promise.race([started, refused]);
    expect(detail).to.include({ amount: 7500, currency: 'EUR' });

    // The site's own attribute is kept over a link's: the link's code is not applied.
    history.replaceState(null, '', `${location.pathname}?slotwise_code=OTHERCODE`);
    let site: Awaited<ReturnType<typeof mountBooking>>;
    try {
      site = await fixture<Awaited<ReturnType<typeof mountBooking>>>(html`<slotwise-booking specialist="demo" api=${api()} timezone="Europe/Berlin" promo-code=${code}></slotwise-booking>`);
    } finally {
      history.replaceState(null, '', before);
    }
    expect(site.getAttribute('promo-code')).to.equal(code);
  });
});

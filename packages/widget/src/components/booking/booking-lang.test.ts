import { expect, fixture, html } from '@open-wc/testing';
import type { SlotwiseBooking } from './booking.component.js';
import { api, chooseService, deep, deepAll, eventually } from '../../testing/helpers.js';

// Reads only (no booking): the demo specialist's paid session costs €90.00.

const paid = () => window.__SLOTWISE_PAID__;
const priceText = (el: SlotwiseBooking) =>
  deepAll(el, 'slotwise-service-picker', '[part~="service"]').find((li) => li.textContent!.includes(paid().serviceName))?.textContent?.replace(/\s+/g, ' ') ?? '';
const monthLabel = (el: SlotwiseBooking) => deep(el, 'slotwise-calendar', '[part="month-label"]')?.textContent?.trim() ?? '';

describe('<slotwise-booking> when the page changes `lang` after load', () => {
  const original = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (original === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', original);
  });

  it('follows <html lang> at once: prices and months in the new language', async () => {
    document.documentElement.lang = 'en-US';
    const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()} timezone="Europe/Berlin"></slotwise-booking>`);
    await eventually(() => priceText(el).includes('€90.00'), 'the price in English');
    await chooseService(el, paid().serviceName);
    const english = monthLabel(el);
    expect(english).to.match(/^[A-Z][a-z]+ \d{4}$/);

    document.documentElement.lang = 'de-DE';
    await eventually(() => /90,00\s€/.test(priceText(el)), `the price in German (shown: ${priceText(el)})`);
    const [name, year] = english.split(' ');
    const month = new Date(`${name} 1, ${year} 12:00`);
    const inGerman = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric' }).format(month);
    await eventually(() => monthLabel(el) === inGerman, `the month in German, “${inGerman}” (shown: ${monthLabel(el)})`);
  });

  it('follows a lang changed on an ancestor, and the element’s own lang wins over it', async () => {
    document.documentElement.lang = 'en-US';
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-US">
      <slotwise-booking specialist="demo" api=${api()} timezone="Europe/Berlin"></slotwise-booking></div>`);
    const el = wrapper.querySelector<SlotwiseBooking>('slotwise-booking')!;
    await eventually(() => priceText(el).includes('€90.00'), 'the price in English');

    wrapper.lang = 'fr-FR';
    await eventually(() => /90,00\s€/.test(priceText(el)), `the price in French (shown: ${priceText(el)})`);

    el.setAttribute('lang', 'en-GB');
    await eventually(() => priceText(el).includes('€90.00'), 'the price in English again');
  });
});

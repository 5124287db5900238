import { expect, fixture, html } from '@open-wc/testing';
import { closePopup } from '../embed/open.js';
import { installEmbed } from '../embed/install.js';
import { api, deep, deepAll, eventually } from '../testing/helpers.js';
import { openPractice } from '../console/testing/practice.js';
import { consoleApi } from '../console/testing/session.js';
import { pressKey, typeInto } from '../testing/keyboard.js';
import type { SlotwiseDirectory } from './directory.component.js';
import './directory.js';

// `<slotwise-directory>` against the real API (the test runner's server, its seeded demo), in Chromium.

const textOf = (node: Element | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cards = (el: SlotwiseDirectory) => deepAll(el, 'li');
const status = (el: SlotwiseDirectory) => textOf(deep(el, '[role="status"]'));

async function mount(lang = 'en-GB'): Promise<SlotwiseDirectory> {
  const el = await fixture<SlotwiseDirectory>(html`<slotwise-directory api=${api()} lang=${lang} timezone="Europe/Berlin"></slotwise-directory>`);
  await eventually(() => cards(el).length > 0, 'the first results');
  return el;
}

afterEach(() => closePopup());

describe('<slotwise-directory>', () => {
  it('shows each specialist with their next open time, rating and lowest price, linking to their booking page (axe-clean)', async () => {
    const el = await mount();
    const demo = cards(el).find((card) => textOf(card).includes('Dr. Ada Demo'))!;
    expect(demo, 'the demo listed').to.exist;
    const text = textOf(demo);
    expect(text).to.match(/Next open: \p{L}{3},? \d{1,2} \p{L}{3,4},? \d{2}:\d{2}/u); // en-GB writes September “Sept”
    expect(text).to.include('From Free');
    expect(text).to.match(/No reviews yet|out of 5/);
    const book = demo.querySelector<HTMLAnchorElement>('a.book')!;
    expect(book.textContent).to.equal('Book with Dr. Ada Demo');
    expect(book.getAttribute('href')).to.equal(`${api()}/demo`);
    expect(book.dataset.slotwiseOpen).to.equal('demo');
    expect(status(el)).to.match(/specialists? found/);
    await expect(el).to.be.accessible();
  });

  it('searches from the keyboard: typed words, Enter, and a search nobody matches says so', async () => {
    const el = await mount();
    const input = deep<HTMLInputElement>(el, 'input[type="search"]')!;
    await typeInto(input, 'zzqx nobody');
    await pressKey('Enter');
    await eventually(() => cards(el).length === 0 && status(el) === 'No specialists found.', 'no results');
    expect(textOf(deep(el, 'form')?.parentElement ?? undefined)).to.include('No specialist matches. Try fewer words or other filters.');

    await typeInto(input, 'career coa');
    await pressKey('Tab'); // to the Search button
    await pressKey('Enter');
    await eventually(() => cards(el).some((card) => textOf(card).includes('Dr. Ada Demo')), 'the demo found by its bio, the last word as a prefix');
    await expect(el).to.be.accessible();
  });

  it('filters by language with the select, in the visitor’s language', async () => {
    const el = await mount('de');
    await eventually(() => textOf(deep(el, 'form')).includes('Fachpersonen suchen'), 'the German catalog');
    const select = deep<HTMLSelectElement>(el, 'select[name="language"]')!;
    select.value = 'ja';
    select.dispatchEvent(new Event('change'));
    await eventually(() => status(el) === 'Keine Fachpersonen gefunden.', 'nobody holds sessions in Japanese');
  });

  it('opens the booking popup from a card when the page loaded the popup API', async () => {
    installEmbed();
    const el = await mount();
    const book = deepAll<HTMLAnchorElement>(el, 'a.book').find((a) => a.dataset.slotwiseOpen === 'demo')!;
    book.click();
    await eventually(() => document.querySelector('slotwise-popup')?.shadowRoot?.querySelector('dialog')?.open, 'the popup to open');
    expect(location.href).not.to.include('/demo');
  });

  it('pages with Show more: the next cards are appended and focus moves to the first new one', async () => {
    // The console's test API: its demo and a verified specialist of this test's own, both listed.
    await openPractice({ price: 4500 });
    const el = await fixture<SlotwiseDirectory>(html`<slotwise-directory api=${consoleApi()} lang="en-GB" timezone="Europe/Berlin" limit="1"></slotwise-directory>`);
    await eventually(() => cards(el).length === 1, 'the first page of one');
    const more = () => deepAll<HTMLButtonElement>(el, 'button.more')[0];
    await eventually(() => more(), 'Show more');
    const first = textOf(cards(el)[0]);
    more()!.focus();
    await pressKey('Enter');
    await eventually(() => cards(el).length === 2, 'the second card appended');
    expect(textOf(cards(el)[0])).to.equal(first);
    await eventually(() => el.shadowRoot!.activeElement === cards(el)[1]!.querySelector('h3 a'), 'focus on the first new card');
    await expect(el).to.be.accessible();
  });
});

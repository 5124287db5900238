import { expect, fixture, html } from '@open-wc/testing';
import type { SlotwiseBooking } from '../booking/booking.component.js';
import { installEmbed, openLinkedPopup } from '../../embed/install.js';
import { closePopup, deepActiveElement } from '../../embed/open.js';
import { bookDirectly, chooseTime, deep, eventually, fetchSlots, fetchSpecialist, fillDetails, nextEvent, pickDay, submitDetails } from '../../testing/helpers.js';
import { pressKey, setViewport, tabTo } from '../../testing/keyboard.js';
import type { SlotwisePopup } from './popup.component.js';
import '../button/button.js';

// The popup as a page gets it: openers in the light DOM, the real API behind the runner's proxy
// (the page's own origin is the API default, as when the API serves the script).

installEmbed();

const popup = () => document.querySelector<SlotwisePopup>('slotwise-popup')!;
const dialog = () => popup()?.shadowRoot?.querySelector('dialog') ?? null;
const inner = () => popup().shadowRoot!.querySelector<SlotwiseBooking>('slotwise-booking')!;
const isOpen = () => Boolean(dialog()?.open);
const insidePopup = (element: Element | undefined) => {
  for (let node: Node | undefined | null = element; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node === popup()) return true;
  }
  return false;
};

async function opened(): Promise<void> {
  await eventually(isOpen, 'the popup to open');
  await eventually(() => deep(inner(), 'slotwise-service-picker', 'button'), 'services in the popup');
}

afterEach(async () => {
  await closePopup();
  await setViewport({ width: 1280, height: 800 });
});

describe('the popup', () => {
  it('opens from any element with data-slotwise-open, titled with the specialist’s name, and closes with its close button', async () => {
    const { name } = await fetchSpecialist();
    const opener = await fixture<HTMLButtonElement>(html`<button data-slotwise-open="demo">Book now</button>`);
    opener.click();
    await opened();
    const title = popup().shadowRoot!.getElementById(dialog()!.getAttribute('aria-labelledby')!)!;
    await eventually(() => title.textContent?.includes(name), 'the name in the title');
    expect(inner().getAttribute('specialist')).to.equal('demo');
    expect(deep(inner(), 'slotwise-service-picker')!.shadowRoot!.textContent).to.include('Intro call');

    popup().shadowRoot!.querySelector<HTMLButtonElement>('[part="close"]')!.click();
    await eventually(() => !isOpen(), 'the popup to close');
    expect(deepActiveElement()).to.equal(opener);
  });

  it('reads its title bar in the booking’s language and direction: Arabic on an English page right to left, English on a right-to-left page left to right', async () => {
    for (const [page, opener, dir] of [['en', 'ar', 'rtl'], ['ar', 'en', 'ltr']] as const) {
      const wrapper = await fixture(html`<div lang=${page} dir=${page === 'ar' ? 'rtl' : 'ltr'}><button lang=${opener} data-slotwise-open="demo">Book</button></div>`);
      wrapper.querySelector('button')!.click();
      await opened();
      const title = popup().shadowRoot!.getElementById('title')!;
      await eventually(() => getComputedStyle(title).direction === dir, `a ${dir} title for lang=${opener}`);
      expect(title.closest('[lang]')?.getAttribute('lang')).to.equal(opener);
      // The close button sits at the title's end: left of it in Arabic, right of it in English.
      const close = popup().shadowRoot!.querySelector('[part="close"]')!.getBoundingClientRect();
      const text = title.getBoundingClientRect();
      expect(dir === 'rtl' ? close.right <= text.left + 1 : close.left >= text.right - 1, 'close button at the end').to.equal(true);
      expect(getComputedStyle(deep(inner(), '[part="base"]') ?? inner()).direction).to.equal(dir);
      await closePopup();
    }
  });

  it('keeps a link opener’s href as the no-script fallback but does not follow it', async () => {
    const link = await fixture<HTMLAnchorElement>(html`<a href="#not-followed" data-slotwise-open="demo" data-slotwise-service="svc_x">Book</a>`);
    link.click();
    await opened();
    expect(location.hash).to.equal('');
    expect(inner().getAttribute('service')).to.equal('svc_x');
  });

  it('locks the page’s scroll while open, closes on Escape, and gives back scroll and focus', async () => {
    document.documentElement.style.overflow = 'auto';
    const opener = await fixture<HTMLButtonElement>(html`<button data-slotwise-open="demo">Book</button>`);
    opener.focus();
    await pressKey('Enter');
    await opened();
    expect(document.documentElement.style.overflow).to.equal('hidden');
    await pressKey('Escape');
    await eventually(() => !isOpen(), 'Escape to close the popup');
    expect(document.documentElement.style.overflow).to.equal('auto');
    expect(deepActiveElement()).to.equal(opener);
    document.documentElement.style.overflow = '';
  });

  it('traps focus: Tab and Shift+Tab go round inside the popup, never to the page behind', async () => {
    const opener = await fixture<HTMLButtonElement>(html`<div><button data-slotwise-open="demo">Book</button><a href="#x">After</a></div>`);
    opener.querySelector('button')!.click();
    await opened();
    const close = popup().shadowRoot!.querySelector<HTMLButtonElement>('[part="close"]')!;
    expect(deepActiveElement()).to.equal(close);
    const seen = new Set<HTMLElement>();
    for (let i = 0; i < 12; i += 1) {
      await pressKey('Tab');
      const active = deepActiveElement()!;
      expect(insidePopup(active), `Tab ${i + 1} left the popup for ${active?.outerHTML}`).to.equal(true);
      seen.add(active);
    }
    expect(seen.has(close), 'Tab came round to the close button').to.equal(true);
    close.focus();
    await pressKey('Shift+Tab');
    const last = deepActiveElement()!;
    expect(insidePopup(last)).to.equal(true);
    expect(last).to.not.equal(close);
  });

  it('is accessible when open (axe)', async () => {
    const opener = await fixture<HTMLButtonElement>(html`<button data-slotwise-open="demo">Book</button>`);
    opener.click();
    await opened();
    await expect(popup()).to.be.accessible();
  });

  it('is a full-screen sheet at 390 px', async () => {
    await setViewport({ width: 390, height: 844 });
    const opener = await fixture<HTMLButtonElement>(html`<button data-slotwise-open="demo">Book</button>`);
    opener.click();
    await opened();
    const box = dialog()!.getBoundingClientRect();
    expect(Math.round(box.width)).to.equal(390);
    expect(Math.round(box.left)).to.equal(0);
    expect(Math.round(box.height)).to.equal(844);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
  });
});

describe('<slotwise-button>', () => {
  it('is a real button with the page’s label that opens the popup and gets focus back', async () => {
    const el = await fixture(html`<slotwise-button specialist="demo" duration="30">Talk to me</slotwise-button>`);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('part')).to.equal('button');
    expect(el.textContent).to.equal('Talk to me');
    await expect(el).to.be.accessible();
    button.click();
    await opened();
    expect(inner().getAttribute('duration')).to.equal('30');
    await closePopup();
    await eventually(() => !isOpen(), 'the popup to close');
    expect(deepActiveElement()).to.equal(button);
  });

  it('says "Book a session" when given no label', async () => {
    const el = await fixture(html`<slotwise-button specialist="demo"></slotwise-button>`);
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.textContent).to.equal('Book a session');
  });

  it('floats in the bottom end corner: bottom right, and bottom left in a right-to-left page', async () => {
    const ltr = await fixture(html`<slotwise-button specialist="demo" floating></slotwise-button>`);
    let box = ltr.getBoundingClientRect();
    expect(getComputedStyle(ltr).position).to.equal('fixed');
    expect(Math.round(window.innerWidth - box.right)).to.equal(16);
    expect(Math.round(window.innerHeight - box.bottom)).to.equal(16);
    const wrapper = await fixture(html`<div dir="rtl"><slotwise-button specialist="demo" floating></slotwise-button></div>`);
    box = wrapper.querySelector('slotwise-button')!.getBoundingClientRect();
    expect(Math.round(box.left)).to.equal(16);
  });

  it('stays in the window’s corner inside a transformed wrapper (smooth-scroll, page transitions), and opens the popup from there', async () => {
    const page = await fixture(html`<div style="transform: translateX(0)"><div style="height: 3000px">A long page</div>
      <slotwise-button specialist="demo" floating></slotwise-button></div>`);
    const button = page.querySelector('slotwise-button')!;
    const box = button.getBoundingClientRect();
    expect(Math.round(window.innerHeight - box.bottom), 'at the window’s bottom, not the wrapper’s').to.equal(16);
    expect(Math.round(window.innerWidth - box.right)).to.equal(16);
    expect(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)).to.equal(button);
    button.shadowRoot!.querySelector('button')!.click();
    await opened();
    // The popup's modal dialog covers it: the button is below the dialog in the top layer.
    const middle = [box.left + box.width / 2, box.top + box.height / 2] as const;
    expect(document.elementFromPoint(...middle)).to.equal(popup());
    await closePopup();
    expect(deepActiveElement()?.closest?.('slotwise-button') ?? (deepActiveElement()?.getRootNode() as ShadowRoot | undefined)?.host).to.equal(button);
  });
});

describe('keyboard only', () => {
  it('opens with Enter, books, tells the page, and closes with Escape back to the opener', async () => {
    const opener = await fixture<HTMLButtonElement>(html`<button data-slotwise-open="demo">Book</button>`);
    opener.focus();
    await pressKey('Enter');
    await opened();
    await tabTo((el) => el.closest('[part~="service"]')?.textContent?.includes('Intro call') ?? false, 'the Intro call service');
    await pressKey('Enter');
    await eventually(() => deep(inner(), 'slotwise-calendar', 'button[part~="day-open"]'), 'open days');
    await tabTo((el) => el.matches('[part~="day-open"]'), 'an open day');
    for (let i = 0; i < 11; i += 1) await pressKey('ArrowRight');
    await pressKey('Enter');
    await eventually(() => deep(inner(), 'slotwise-time-list', 'button[data-start]'), 'times');
    let times = 0;
    await tabTo((el) => el.matches('button[data-start]') && (times += 1) === 4, 'the fourth time');
    await pressKey('Enter');
    await tabTo((el) => el.id === 'name', 'the name field');
    for (const key of 'Kay') await pressKey(key);
    await pressKey('Tab');
    expect(deepActiveElement()!.id).to.equal('email');
    for (const key of 'kay@example.com'.split('')) await pressKey(key);
    const booked = nextEvent(document, 'slotwise:booked');
    await pressKey('Enter');
    const { detail } = await booked;
    expect(detail.booking.customer.email).to.equal('kay@example.com');
    await pressKey('Escape');
    await eventually(() => !isOpen(), 'Escape to close');
    expect(deepActiveElement()).to.equal(opener);
  });

  describe('a link into the widget on a page that books only through the popup', () => {
    /** A booking made through the API, and its manage link's fragment. */
    async function linkedBooking(email: string): Promise<{ id: string; fragment: string }> {
      const { services } = await fetchSpecialist();
      const open = (await fetchSlots({ service: services[0]!.id, timezone: 'Europe/Berlin' })).days.flatMap((d) => d.slots);
      const booked = await (await bookDirectly({ service: services[0]!.id, start: open.at(-1)!.start, email })).json();
      return { id: booked.booking.id, fragment: `#slotwise-booking=${booked.booking.id}&slotwise-token=${booked.manageToken}` };
    }
    const manageShown = () => deep(inner(), 'slotwise-manage')?.shadowRoot?.textContent?.includes('Intro call');

    it('opens the popup on the booking when the manage link is followed, and gives focus back to the opener on close', async () => {
      const { id, fragment } = await linkedBooking('popup-link@example.com');
      const opener = await fixture<HTMLButtonElement>(html`<button data-slotwise-open="demo">Book</button>`);
      location.hash = fragment; // a link on the same page: only the fragment changes
      await eventually(isOpen, 'the popup to open from the link');
      await eventually(manageShown, 'the linked booking in the popup');
      expect(inner().booking).to.equal(id);
      expect(location.hash).to.equal(''); // the token is taken out of the address bar
      const title = () => popup().shadowRoot!.getElementById(dialog()!.getAttribute('aria-labelledby')!)!.textContent;
      await eventually(() => title() === 'Your booking', 'the popup titled by the booking it shows');
      await pressKey('Escape');
      await eventually(() => !isOpen(), 'the popup to close');
      expect(deepActiveElement()).to.equal(opener);
      // Opened afresh from the button: the booking flow, titled for booking again.
      opener.click();
      await opened();
      const { name } = await fetchSpecialist();
      await eventually(() => title() === `Book a session with ${name}`, 'the booking flow’s title');
    });

    it('opens it on page load too, for a <slotwise-button> page', async () => {
      const { id, fragment } = await linkedBooking('popup-load@example.com');
      await fixture(html`<slotwise-button specialist="demo"></slotwise-button>`);
      popup()?.remove(); // as on a page just loaded: the booking inside reads the address when it connects
      history.replaceState(null, '', fragment); // as the page loads with it: no hashchange
      openLinkedPopup();
      await eventually(isOpen, 'the popup to open from the link');
      await eventually(manageShown, 'the linked booking in the popup');
      expect(inner().booking).to.equal(id);
    });

    it('leaves the link to an inline widget when the page has one', async () => {
      const { fragment } = await linkedBooking('popup-inline@example.com');
      await fixture(html`<div><button data-slotwise-open="demo">Book</button><slotwise-booking specialist="demo"></slotwise-booking></div>`);
      history.replaceState(null, '', fragment);
      openLinkedPopup();
      await new Promise((r) => setTimeout(r, 300));
      expect(isOpen()).to.equal(false);
      history.replaceState(null, '', location.pathname + location.search);
    });
  });

  it('gives a payment step’s hold back when the popup is opened afresh for another service', async () => {
    localStorage.removeItem('slotwise.visitor'); // a visitor of this test's own
    const { serviceId } = window.__SLOTWISE_PAID__;
    const first = await fixture<HTMLButtonElement>(html`<div><button id="paid" data-slotwise-open="demo" data-slotwise-service=${serviceId}>Coaching</button>
      <button id="other" data-slotwise-open="demo">Anything</button></div>`);
    first.querySelector<HTMLButtonElement>('#paid')!.click();
    await eventually(isOpen, 'the popup to open');
    await eventually(() => deep(inner(), 'slotwise-calendar', 'button[part~="day-open"]'), 'open days for the preselected service');
    const date = await pickDay(inner(), 11);
    const start = (await chooseTime(inner(), 0)).dataset['start']!;
    fillDetails(inner(), { name: 'Dorothy Vaughan', email: 'dorothy.popup@example.com' });
    const started = nextEvent(inner(), 'slotwise:payment-started');
    submitDetails(inner());
    await started;
    const openStarts = async () => (await fetchSlots({ service: serviceId, timezone: 'Europe/Berlin', from: date, to: date })).days.flatMap((d) => d.slots.map((slot) => slot.start));
    expect(await openStarts()).to.not.include(start); // held

    await pressKey('Escape');
    await eventually(() => !isOpen(), 'the popup to close');
    first.querySelector<HTMLButtonElement>('#other')!.click(); // a fresh flow: the payment step is gone
    await opened();
    await eventually(async () => (await openStarts()).includes(start), 'the held time open again');
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { api, chooseService } from '../../testing/helpers.js';
import './booking.js';
import type { SlotwiseBooking } from './booking.component.js';

// Real site layouts put the widget in flex boxes: a centred hero column, a two-column "about me"
// row. Its schedule is laid out by its own width (a size container), so without a width of its
// own it collapsed there to its padding, 32 px, with one word per line.
describe('<slotwise-booking> in a site’s flex layouts', () => {
  const width = (el: Element) => el.getBoundingClientRect().width;

  it('takes a two-column schedule’s width in a centred flex column, all the room in a narrower one, and its share of a flex row', async () => {
    const page = await fixture<HTMLDivElement>(html`<div style="width: 900px">
      <section id="hero" style="display: flex; flex-direction: column; align-items: center">
        <p>Book your first call below</p><slotwise-booking specialist="demo" api=${api()}></slotwise-booking>
      </section>
      <section id="narrow" style="display: flex; flex-direction: column; align-items: center; width: 300px">
        <slotwise-booking specialist="demo" api=${api()}></slotwise-booking>
      </section>
      <section id="row" style="display: flex; gap: 32px; align-items: flex-start">
        <div><h3>About me</h3><p>I coach engineers.</p></div><slotwise-booking specialist="demo" api=${api()}></slotwise-booking>
      </section>
    </div>`);
    const [hero, narrow, row] = [...page.querySelectorAll('slotwise-booking')];
    await chooseService(hero!, 'Intro call');
    await chooseService(row!, 'Intro call');
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect(width(hero!)).to.equal(40 * rem);
    expect(width(narrow!)).to.equal(300);
    expect(width(row!)).to.be.at.least(40 * rem);
    // Its price still reads on one line: "30 min · Free" is not broken word by word.
    const service = row!.shadowRoot!.querySelector('slotwise-service-picker')!.shadowRoot!.querySelector('[part~="service"] button, [part~="service"]')!;
    expect(service.getBoundingClientRect().width).to.be.greaterThan(200);
  });

  it('keeps its sizes on a theme with `html { font-size: 62.5% }` and its text at 1.6rem (Bootstrap 3 and many others), instead of shrinking to 10/16', async () => {
    const root = document.documentElement.style;
    root.fontSize = '62.5%';
    document.body.style.fontSize = '1.6rem';
    try {
      const el = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${api()}></slotwise-booking>`);
      await chooseService(el, 'Intro call');
      const inside = el.shadowRoot!;
      const px = (element: Element, property: string) => parseFloat(getComputedStyle(element).getPropertyValue(property));
      expect(px(inside.querySelector('[part="base"]')!, 'padding-top')).to.equal(16);
      const picker = inside.querySelector('slotwise-service-picker')!.shadowRoot!;
      expect(px(picker.querySelector('h3')!, 'font-size')).to.equal(16);
      const day = inside.querySelector('slotwise-calendar')!.shadowRoot!.querySelector('button[part~="day"]')!;
      expect(day.getBoundingClientRect().height).to.be.at.least(36);
      expect(el.getBoundingClientRect().width).to.be.at.least(640);
    } finally {
      root.fontSize = '';
      document.body.style.fontSize = '';
    }
  });
});

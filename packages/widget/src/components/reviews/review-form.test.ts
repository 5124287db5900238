import { expect, fixture, html } from '@open-wc/testing';
import type { SlotwiseBooking } from '../booking/booking.component.js';
import { deep, deepAll, eventually } from '../../testing/helpers.js';
import { bookAhead, clockApi, clockServices, mountOnClock, setClock, syncClock } from '../../testing/clock.js';
import '../booking/booking.js';

// A completed session reviewed from its manage view, then the review on the booking widget —
// against the real API whose clock the test moves (a session completes only after it started).

const MINUTE = 60_000;
const inForm = (el: SlotwiseBooking, selector: string) => deep(el, 'slotwise-manage', 'slotwise-review-form', selector);
const textOf = (node: Element | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function complete(id: string): Promise<void> {
  const response = await fetch(`${clockApi()}/v1/me/bookings/${id}/complete`, {
    method: 'POST',
    headers: { authorization: `Bearer ${window.__SLOTWISE_CLOCK__.apiKey}` },
  });
  expect(response.status, await response.clone().text()).to.equal(200);
}

describe('<slotwise-review-form> in the manage view, and the reviews on <slotwise-booking>', () => {
  before(syncClock);

  it('reviews a completed booking (radio buttons, text, send; axe-clean), then shows it as text here and on the booking widget', async () => {
    const created = await bookAhead(clockServices().phone);
    await setClock(Date.parse(created.booking.end) + MINUTE);
    await complete(created.booking.id);

    performance.clearResourceTimings();
    const el = await mountOnClock(created, { timezone: 'Europe/Berlin', lang: 'en-GB' });
    await eventually(() => inForm(el, 'form'), 'the review form');
    // The booking said it has no review: none asked for (a 404 the browser would log as an error).
    const asked = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes(`/v1/bookings/${created.booking.id}/review`));
    expect(asked()).to.have.length(0);
    expect(textOf(inForm(el, 'h3'))).to.equal('Review your session');
    const radios = deepAll<HTMLInputElement>(el, 'slotwise-manage', 'slotwise-review-form', 'input[type="radio"][name="rating"]');
    expect(radios.map((r) => textOf(r.closest('label')!))).to.deep.equal(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
    await expect(el).to.be.accessible();

    // Sent without a rating: told what is missing, nothing sent.
    inForm(el, 'button[type="submit"]')!.click();
    await eventually(() => inForm(el, '#rating-error'), 'the missing rating');
    expect(textOf(inForm(el, '#rating-error'))).to.equal('Choose a rating from 1 to 5.');

    const text = '<script>window.__reviewed = true</script> Clear & kind.';
    radios[3]!.click();
    const area = inForm(el, 'textarea') as HTMLTextAreaElement;
    area.value = text;
    inForm(el, 'button[type="submit"]')!.click();
    await eventually(() => inForm(el, '[part~="review"]'), 'the review, sent');
    expect(textOf(inForm(el, '[role="status"]'))).to.equal('Thank you for your review.');
    expect(textOf(inForm(el, '.text'))).to.equal(text);
    expect(inForm(el, '[part~="review"] script')).to.equal(undefined);
    expect((window as { __reviewed?: boolean }).__reviewed).to.equal(undefined);
    expect(inForm(el, '[part~="stars"]')!.getAttribute('aria-label')).to.equal('4 out of 5');
    expect(inForm(el, 'form')).to.equal(undefined);
    await expect(el).to.be.accessible();

    // Opened again (the email's link): the review, not the form.
    const again = await mountOnClock(created, { timezone: 'Europe/Berlin', lang: 'en-GB' });
    await eventually(() => inForm(again, '[part~="review"]'), 'the review, read back');
    expect(inForm(again, 'form')).to.equal(undefined);

    // The booking widget shows the rating and the review, as text.
    const widget = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${clockApi()}></slotwise-booking>`);
    const reviews = () => deep(widget, 'slotwise-reviews', '[part~="reviews"]');
    await eventually(() => deep(widget, 'slotwise-reviews', '[part~="review"]'), 'the reviews under the flow');
    expect(textOf(deep(widget, 'slotwise-reviews', '[part~="rating"]'))).to.match(/^★ \d\.\d out of 5 · \d+ reviews?$/);
    expect(textOf(reviews())).to.include(text);
    expect(textOf(reviews())).to.include('Ada L.');
    expect(deep(widget, 'slotwise-reviews', 'script')).to.equal(undefined);
    await expect(widget).to.be.accessible();

    // Right to left, the reviewer's name keeps its own direction: "Ada L." with its full stop after
    // the L, not before the A (".Ada L") as the surrounding Arabic would place it.
    const arabic = await fixture<SlotwiseBooking>(html`<slotwise-booking lang="ar" specialist="demo" api=${clockApi()}></slotwise-booking>`);
    await eventually(() => deep(arabic, 'slotwise-reviews', '[part~="review"]'), 'the reviews in Arabic');
    const name = deepAll(arabic, 'slotwise-reviews', '[part~="review"] .byline *').find((node) => node.textContent === 'Ada L.')!;
    const words = [...name.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent === 'Ada L.')!;
    const at = (index: number) => {
      const range = document.createRange();
      range.setStart(words, index);
      range.setEnd(words, index + 1);
      return range.getBoundingClientRect().left;
    };
    expect(at(5), 'the full stop right of the L').to.be.greaterThan(at(4));

    // `reviews="off"`: none.
    const off = await fixture<SlotwiseBooking>(html`<slotwise-booking specialist="demo" api=${clockApi()} reviews="off"></slotwise-booking>`);
    await eventually(() => deep(off, '[part~="title"]'), 'the profile');
    expect(deep(off, 'slotwise-reviews')).to.equal(undefined);
  });
});

import { expect, html, oneEvent } from '@open-wc/testing';
import { inContext } from '../../testing/context.js';
import type { SlotwiseCalendar } from './calendar.component.js';
import './calendar.js';

describe('<slotwise-calendar>', () => {
  const open = ['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-30'];
  const mount = (month = '2026-11') =>
    inContext<SlotwiseCalendar>(
      html`<slotwise-calendar month=${month} today="2026-11-21" .openDates=${open}></slotwise-calendar>`,
      { locale: 'en-GB' },
    );
  const day = (el: SlotwiseCalendar, date: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-date="${date}"]`)!;
  const key = (el: SlotwiseCalendar, from: string, name: string) =>
    day(el, from).dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));

  it('enables only the days with open times, with their full date as the name', async () => {
    const { el } = await mount();
    const enabled = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-date]:not([disabled])')];
    expect(enabled.map((b) => b.dataset['date'])).to.deep.equal(open);
    expect(day(el, '2026-11-23').getAttribute('aria-label')).to.equal('Monday 23 November');
    expect(day(el, '2026-11-25').getAttribute('aria-label')).to.include('no open times');
    // en-GB weeks start on Monday: 1 November 2026, a Sunday, ends the first row.
    expect(el.shadowRoot!.querySelector('tbody tr')!.lastElementChild!.textContent!.trim()).to.equal('1');
  });

  it('cannot go before the current month, and asks for the next one', async () => {
    const { el } = await mount();
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('.prev')!.disabled).to.equal(true);
    const changed = oneEvent(el, 'month-change');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.next')!.click();
    expect((await changed).detail).to.deep.equal({ month: '2026-12' });
    const later = await mount('2027-01');
    expect(later.el.shadowRoot!.querySelector<HTMLButtonElement>('.prev')!.disabled).to.equal(false);
  });

  it('moves between open days with arrows, Home and End, keeping one tab stop', async () => {
    const { el } = await mount();
    expect([...el.shadowRoot!.querySelectorAll('[tabindex="0"]')].map((b) => (b as HTMLElement).dataset['date'])).to.deep.equal(['2026-11-23']);
    key(el, '2026-11-23', 'ArrowRight');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(day(el, '2026-11-24'));
    key(el, '2026-11-24', 'ArrowRight'); // skips the 25th, which has no times
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(day(el, '2026-11-26'));
    key(el, '2026-11-26', 'End');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(day(el, '2026-11-30'));
    expect(day(el, '2026-11-30').tabIndex).to.equal(0);
    const chosen = oneEvent(el, 'day-select');
    day(el, '2026-11-30').click();
    expect((await chosen).detail).to.deep.equal({ date: '2026-11-30' });
  });
});

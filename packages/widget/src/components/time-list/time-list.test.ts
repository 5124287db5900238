import { expect, html } from '@open-wc/testing';
import { inContext, intro, nextEvent } from '../../testing/context.js';
import type { SlotwiseTimeList } from './time-list.component.js';
import './time-list.js';
import { de } from '../../i18n/de.js';

describe('<slotwise-time-list>', () => {
  const slots = [
    { start: '2026-11-23T08:00:00Z', end: '2026-11-23T08:30:00Z' },
    { start: '2026-11-23T08:30:00Z', end: '2026-11-23T09:00:00Z' },
  ];
  const mount = (timeZone: string) =>
    inContext<SlotwiseTimeList>(html`<slotwise-time-list date="2026-11-23" .slots=${slots}></slotwise-time-list>`, {
      timeZone,
      locale: 'en-GB',
      selection: { service: intro, duration: 30, date: '2026-11-23' },
    });
  const labels = (el: SlotwiseTimeList) => [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());

  it("shows the times in the visitor's zone and names that zone", async () => {
    const { el, update } = await mount('Asia/Kathmandu');
    expect(labels(el)).to.deep.equal(['13:45', '14:15']);
    expect(el.shadowRoot!.querySelector('[part="zone"]')!.textContent).to.equal('Times in Asia/Kathmandu (GMT+5:45)');
    await update({ timeZone: 'America/Los_Angeles' });
    expect(labels(el)).to.deep.equal(['00:00', '00:30']);
  });

  it('announces the chosen time with the service, and marks it pressed', async () => {
    const { el, update } = await mount('Europe/Berlin');
    const chosen = nextEvent(el, 'slotwise:slot-selected');
    el.shadowRoot!.querySelectorAll('button')[1]!.click();
    const { detail } = await chosen;
    expect(detail).to.deep.include({ duration: 30, slot: slots[1], timeZone: 'Europe/Berlin' });
    expect(detail.service.id).to.equal('svc_intro');
    await update({ selection: { service: intro, duration: 30, date: '2026-11-23', slot: slots[1] } });
    const pressed = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.getAttribute('aria-pressed'));
    expect(pressed).to.deep.equal(['false', 'true']);
  });

  it('says so when the day has no times left', async () => {
    const { el } = await mount('Europe/Berlin');
    el.slots = [];
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.include('No open times left on this day.');
  });

  it('says how many seats are left under each time of a group session, in the visitor’s language', async () => {
    const { el, update } = await mount('Europe/Berlin');
    el.slots = [{ ...slots[0]!, seatsLeft: 3 }, { ...slots[1]!, seatsLeft: 1 }];
    await el.updateComplete;
    const seats = () => [...el.shadowRoot!.querySelectorAll('[part="seats"]')].map((s) => s.textContent!.trim());
    expect(seats()).to.deep.equal(['3 seats left', '1 seat left']);
    expect(el.shadowRoot!.querySelectorAll('button')[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('09:00 3 seats left');
    await update({ locale: 'de', messages: de });
    expect(seats()).to.deep.equal(['Noch 3 Plätze frei', 'Noch 1 Platz frei']);
  });

  it('shows no seat count for a one-to-one service', async () => {
    const { el } = await mount('Europe/Berlin');
    expect(el.shadowRoot!.querySelector('[part="seats"]')).to.equal(null);
  });
});

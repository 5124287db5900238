import { expect, html } from '@open-wc/testing';
import { coaching, inContext, intro, nextEvent } from '../../testing/context.js';
import type { SlotwiseServicePicker } from './service-picker.component.js';
import './service-picker.js';

describe('<slotwise-service-picker>', () => {
  const mount = () =>
    inContext<SlotwiseServicePicker>(html`<slotwise-service-picker .services=${[intro, coaching]}></slotwise-service-picker>`);
  const buttons = (el: SlotwiseServicePicker) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];

  it('offers every duration with its price: free, or in major units of the currency', async () => {
    const { el } = await mount();
    expect(buttons(el).map((b) => b.textContent!.trim())).to.deep.equal(['30 min · Free', '45 min · €45.00', '90 min · €80.50']);
    const groups = el.shadowRoot!.querySelectorAll('[role="group"]');
    expect(groups[1]!.querySelector(`#${groups[1]!.getAttribute('aria-labelledby')}`)!.textContent).to.equal('Coaching');
  });

  it('announces the chosen service and duration, and marks the chosen one', async () => {
    const { el, update } = await mount();
    const chosen = nextEvent(el, 'slotwise:service-selected');
    buttons(el)[2]!.click();
    const { detail, bubbles, composed } = await chosen;
    expect([bubbles, composed]).to.deep.equal([true, true]);
    expect(detail.service.id).to.equal('svc_coaching');
    expect(detail.duration).to.equal(90);
    await update({ selection: { service: coaching, duration: 90 } });
    expect(buttons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false', 'true']);
  });

  it('says a group service is one, and how many people a session takes; a one-to-one service says nothing of it', async () => {
    const workshop = { ...coaching, id: 'svc_workshop', name: 'Workshop', capacity: 8 };
    const { el } = await inContext<SlotwiseServicePicker>(html`<slotwise-service-picker .services=${[intro, workshop]}></slotwise-service-picker>`);
    const services = [...el.shadowRoot!.querySelectorAll('[part="service"]')];
    expect(services.map((li) => li.querySelector('[part="service-group"]')?.textContent ?? null)).to.deep.equal([null, 'Group session · up to 8 people']);
    await expect(el).to.be.accessible();
  });
});

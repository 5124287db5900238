import { expect } from '@open-wc/testing';
import type { SlotwiseBooking } from './booking.component.js';
import { deepActiveElement } from '../../internal/focus.js';
import {
  chooseService,
  chooseTime,
  deep,
  eventually,
  fetchSlots,
  fillDetails,
  mountBooking,
  nextEvent,
  pickDay,
  submitDetails,
  timeButtons,
} from '../../testing/helpers.js';

// Real holds in the shared test database, on this file's own day (`pickDay` index 7).

const paid = () => window.__SLOTWISE_PAID__;
const payment = <T extends HTMLElement = HTMLElement>(el: SlotwiseBooking, name: string) => deep<T>(el, 'slotwise-payment', `[part~="${name}"]`);
/** Whether focus is on `target`, or inside it (a component that routed focus into its shadow root). */
function focusIn(target: Element | undefined): boolean {
  let active: Element | null = document.activeElement;
  while (active) {
    if (active === target) return true;
    active = active.shadowRoot?.activeElement ?? null;
  }
  return false;
}
const nameOf = (el: Element | null) => (el ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}` : 'nothing');
const focusOn = (what: () => Element | undefined, label: string) =>
  eventually(() => focusIn(what()), `focus on ${label} (it is on ${nameOf(deepActiveElement())})`);

/** Submits the details of the chosen time and waits for the payment step. */
async function hold(el: SlotwiseBooking, email: string): Promise<string> {
  fillDetails(el, { name: 'Mary Jackson', email });
  const started = nextEvent(el, 'slotwise:payment-started');
  const refused = nextEvent(el, 'slotwise:error').then(({ detail }) => {
    throw new Error(`refused: ${detail.code} ${detail.message}`);
  });
  submitDetails(el);
  const { detail } = await Promise.race([started, refused]);
  await focusOn(() => deep(el, 'slotwise-payment', '#pay-heading'), 'the payment heading');
  return detail.bookingId;
}

describe('<slotwise-booking> the payment step’s way back', () => {
  it('releases the hold at once, returns to the times with the time open again, and never locks the visitor out', async () => {
    localStorage.removeItem('slotwise.visitor'); // a visitor of this test's own
    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(el, paid().serviceName);
    await focusOn(() => deep(el, 'slotwise-calendar'), 'the calendar');
    const date = await pickDay(el, 7);
    await focusOn(() => deep(el, 'slotwise-time-list'), 'the time list');
    const email = 'mary.back@example.com';

    for (let round = 0; round < 3; round += 1) {
      const time = await chooseTime(el, 0);
      const start = time.dataset['start']!;
      await focusOn(() => deep(el, 'slotwise-details-form', '#name'), 'the name field');
      await hold(el, email);
      expect(timeButtons(el)).to.have.length(0); // the payment step replaced the times
      const open = await fetchSlots({ service: paid().serviceId, timezone: 'Europe/Berlin', from: date, to: date });
      expect(open.days.flatMap((d) => d.slots.map((s) => s.start))).to.not.include(start);

      if (round === 0) {
        // A declined card: the buttons were busy; focus goes to why.
        (payment(el, 'decline-test') as HTMLButtonElement).click();
        await focusOn(() => payment(el, 'payment-error'), 'the decline message');
        await eventually(() => !payment<HTMLButtonElement>(el, 'back')!.disabled, 'the way back enabled');
        await expect(el).to.be.accessible();
      }
      expect(payment(el, 'back')!.textContent!.trim()).to.equal('Choose another time');
      payment<HTMLButtonElement>(el, 'back')!.click();
      await eventually(() => timeButtons(el).some((b) => b.dataset['start'] === start), 'the released time offered again');
      await focusOn(() => deep(el, 'slotwise-time-list'), 'the time list');
      expect(deep(el, '.day [part="alert"]')).to.equal(undefined); // going back needs no apology
      const again = await fetchSlots({ service: paid().serviceId, timezone: 'Europe/Berlin', from: date, to: date });
      expect(again.days.flatMap((d) => d.slots.map((s) => s.start))).to.include(start);
    }

    // A fourth hold is not "You already have 3 unpaid bookings": the three were released.
    await chooseTime(el, 1);
    await hold(el, email);
    const booked = nextEvent(el, 'slotwise:booked');
    (payment(el, 'pay-test') as HTMLButtonElement).click();
    await booked;
    await focusOn(() => deep(el, 'slotwise-confirmation'), 'the confirmation');
  });

  it('releases the hold when the payment step goes away another way (another specialist on the element)', async () => {
    localStorage.removeItem('slotwise.visitor');
    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(el, paid().serviceName);
    const date = await pickDay(el, 7);
    const start = (await chooseTime(el, 2)).dataset['start']!;
    await hold(el, 'mary.elsewhere@example.com');
    el.specialist = 'demo-other';
    const freed = async () => {
      const open = await fetchSlots({ service: paid().serviceId, timezone: 'Europe/Berlin', from: date, to: date });
      return open.days.flatMap((d) => d.slots.map((s) => s.start)).includes(start);
    };
    await eventually(freed, 'the held time offered again'); // well before the hold would lapse
  });

  it('releases the hold when the page goes away (a reload) during the payment step, but not once the visitor pressed Pay, nor into the back/forward cache', async () => {
    localStorage.removeItem('slotwise.visitor');
    const el = await mountBooking({ timezone: 'Europe/Berlin' });
    await chooseService(el, paid().serviceName);
    const date = await pickDay(el, 7);
    const openAt = async (start: string) => {
      const open = await fetchSlots({ service: paid().serviceId, timezone: 'Europe/Berlin', from: date, to: date });
      return open.days.flatMap((d) => d.slots.map((s) => s.start)).includes(start);
    };
    const start = (await chooseTime(el, 4)).dataset['start']!;
    await hold(el, 'mary.reload@example.com');
    // Kept in the back/forward cache: the step comes back as it was, its hold with it.
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await openAt(start)).to.equal(false);
    // Paying (a bank's page may be taking the payment): the hold stays.
    const step = deep(el, 'slotwise-payment') as HTMLElement & { phase: string };
    step.phase = 'paying';
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await openAt(start)).to.equal(false);
    // Reloaded before paying: the time is offered again at once, well before the hold would lapse.
    step.phase = 'ready';
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    await eventually(() => openAt(start), 'the held time offered again');
  });
});

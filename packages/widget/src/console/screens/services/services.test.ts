import { expect, html } from '@open-wc/testing';
import './services.js';
import type { SlotwiseConsoleServices } from './services.component.js';
import { inConsole, sessionFor, signUpSpecialist } from '../../testing/session.js';
import { pressKey, typeInto } from '../../../testing/keyboard.js';
import { eventually, fill, find, textOf } from '../../testing/dom.js';
import { policySentences } from './policy-text.js';
import { openPractice } from '../../testing/practice.js';

async function mount(route: string) {
  const { tokens } = await signUpSpecialist({ currency: 'EUR' });
  const session = await sessionFor(tokens);
  const el = await inConsole<SlotwiseConsoleServices>(html`<slotwise-console-services route=${route}></slotwise-console-services>`, session);
  return { el, session };
}

const submit = (el: Element) => find<HTMLButtonElement>(el, 'form button[type=submit]')!.click();

describe('<slotwise-console-services>', () => {
  it('creates a blank service: field errors beside the fields, typed values kept, then every field saved', async () => {
    const { el, session } = await mount('new');
    await eventually(() => find(el, '#svc-name'), 'the editor');
    await expect(el).to.be.accessible();
    await typeInto(find<HTMLInputElement>(el, '#svc-name')!, 'Deep work session');
    fill(el, ['#svc-durations-0-minutes'], '3');
    submit(el);
    await eventually(() => find(el, '#svc-durations-0-minutes-error'), 'the length error');
    expect(el.shadowRoot!.activeElement?.id).to.equal('svc-durations-0-minutes');
    // The server's sentence stands beside its field; the alert above says where to look, as the browser's checks do.
    expect(textOf(find(el, 'form [role=alert]'))).to.equal('Nothing was saved: check the fields marked below.');
    expect(find<HTMLInputElement>(el, '#svc-name')!.value).to.equal('Deep work session');

    fill(el, ['#svc-durations-0-minutes'], '45');
    find<HTMLButtonElement>(el, 'fieldset button')!.click(); // add a length
    await el.updateComplete;
    fill(el, ['#svc-durations-1-minutes'], '90');
    fill(el, ['#svc-durations-1-price'], '0');
    fill(el, ['#svc-bufferAfter'], '15');
    fill(el, ['#svc-maxPerDay'], '3');
    fill(el, ['#svc-capacity'], '4');
    fill(el, ['#svc-cancelUntilHours'], '12');
    await el.updateComplete;
    expect(textOf(find(el, '.card'))).to.contain('You can cancel until 12 hours before the start.');
    const kind = find<HTMLSelectElement>(el, '#svc-location-kind')!;
    kind.value = 'in_person';
    kind.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    submit(el);
    await eventually(() => find(el, '#svc-location-detail-error'), 'the address error');

    await typeInto(find<HTMLInputElement>(el, '#svc-location-detail')!, '1 Main Street, Springfield');
    await pressKey('Enter'); // Enter in a field submits the form
    await eventually(() => session.navigated.length > 0, 'the new service opened');
    const { data } = await session.client.me.services.list();
    expect(data).to.have.length(1);
    expect(data[0]).to.deep.include({ name: 'Deep work session', bufferAfter: 15, maxPerDay: 3, capacity: 4, cancelUntilHours: 12 });
    expect(data[0]!.durations).to.deep.equal([{ minutes: 45, price: 0 }, { minutes: 90, price: 0 }]);
    expect(data[0]!.location).to.deep.include({ kind: 'in_person', detail: '1 Main Street, Springfield' });
    expect(session.navigated).to.deep.equal([`services/${data[0]!.id}`]);
  });

  it('reads a price as money is written (1,500 is fifteen hundred), and refuses a currency that is not a code without sending anything', async () => {
    const { session, service } = await openPractice({ price: 9000 });
    const el = await inConsole<SlotwiseConsoleServices>(html`<slotwise-console-services route=${service.id}></slotwise-console-services>`, session);
    const stored = async () => (await session.client.me.services.retrieve(service.id)).durations;
    const thrown: string[] = [];
    const onError = (event: ErrorEvent) => thrown.push(event.message);
    window.addEventListener('error', onError);
    try {
      await eventually(() => find(el, '#svc-durations-0-price'), 'the editor');
      fill(el, ['#svc-durations-0-price'], '1,500');
      fill(el, ['#svc-currency'], 'EU'); // half typed: every keystroke reads the form again
      await el.updateComplete;
      submit(el);
      await eventually(() => find(el, '#svc-currency-error'), 'the currency error');
      expect(textOf(find(el, '#svc-currency-error'))).to.contain('three-letter currency code');
      expect(el.shadowRoot!.activeElement?.id).to.equal('svc-currency');
      expect(find<HTMLInputElement>(el, '#svc-durations-0-price')!.value).to.equal('1,500');
      expect(await stored()).to.deep.equal([{ minutes: 30, price: 9000 }]);

      fill(el, ['#svc-currency'], 'EUR');
      fill(el, ['#svc-durations-0-price'], 'fifteen');
      submit(el);
      await eventually(() => find(el, '#svc-durations-0-price-error'), 'the price error');
      expect(textOf(find(el, '#svc-durations-0-price-error'))).to.contain('such as 90, 90.50 or 1,500');
      expect(await stored()).to.deep.equal([{ minutes: 30, price: 9000 }]);

      fill(el, ['#svc-durations-0-price'], '1,500');
      submit(el);
      await eventually(() => session.announced.includes('Strategy call saved.'), 'the save');
      expect(await stored()).to.deep.equal([{ minutes: 30, price: 150000 }]);
      await eventually(() => find<HTMLInputElement>(el, '#svc-durations-0-price')!.value === '1500.00', 'the price as stored');
      expect(thrown).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('archives a service after a confirmation that says the consequence, and offers it again', async () => {
    const { el, session } = await mount('');
    await eventually(() => find(el, '.row button:nth-child(2)'), 'the list');
    find<HTMLButtonElement>(el, '.row button:nth-child(2)')!.click(); // from the intro-call template
    await eventually(() => session.navigated.length === 1, 'the intro call created');
    const id = session.navigated[0]!.split('/')[1]!;
    el.route = id;
    await eventually(() => find(el, 'button.danger'), 'the editor');
    find<HTMLButtonElement>(el, 'button.danger')!.click();
    const dialog = find<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(textOf(dialog)).to.contain('Customers can no longer book it');
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Keep it as it is'); // Enter keeps it
    find<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    await eventually(async () => !(await session.client.me.services.retrieve(id)).active, 'archived on the server');
    expect(session.announced.at(-1)).to.equal('Intro call archived. Customers can no longer book it.');

    el.route = '';
    await eventually(() => textOf(find(el, 'section[aria-label="Archived"]')).includes('Intro call'), 'listed as archived');
    el.route = id;
    await eventually(() => find(el, 'form > .row button:not(.primary)')?.textContent === 'Offer again…', 'the offer-again button');
    find<HTMLButtonElement>(el, 'form > .row button:not(.primary)')!.click();
    find<HTMLButtonElement>(el, 'dialog button.primary')!.click();
    await eventually(async () => (await session.client.me.services.retrieve(id)).active, 'offered again');
  });

  it('says the policy as customers will read it', () => {
    const policy = { cancelUntilHours: 24, rescheduleUntilHours: 2, maxReschedules: 1, fullRefundHours: 48, partialRefundHours: 24, partialRefundPercent: 50, durations: [{ minutes: 50, price: 9000 }] };
    expect(policySentences(policy)).to.deep.equal([
      'You can cancel until 1 day before the start.',
      'Cancel by 2 days before the start for a full refund; by 1 day before the start for a 50% refund; later cancellations are not refunded.',
      'You can move your booking to another time until 2 hours before the start, once.',
    ]);
  });
});

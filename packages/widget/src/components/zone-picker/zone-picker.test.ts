import { expect, html, oneEvent } from '@open-wc/testing';
import { inContext } from '../../testing/context.js';
import { pressKey, typeInto } from '../../testing/keyboard.js';
import type { SlotwiseZonePicker } from './zone-picker.component.js';
import { searchZones } from './zone-search.js';
import { timeZones } from '../../internal/time-zones.js';
import './zone-picker.js';

const root = (el: SlotwiseZonePicker) => el.shadowRoot!;
const options = (el: SlotwiseZonePicker) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];

describe('<slotwise-zone-picker>', () => {
  it('names the zone in use with its offset, and offers another only on request', async () => {
    const { el, update } = await inContext<SlotwiseZonePicker>(
      html`<slotwise-zone-picker .now=${() => new Date('2026-12-06T12:00:00Z')}></slotwise-zone-picker>`,
      { timeZone: 'America/New_York', locale: 'en-US' },
    );
    expect(root(el).querySelector('[part="zone-current"] span')!.textContent).to.equal('Times in America/New York (GMT-5)');
    expect(root(el).querySelector('#zone-input')).to.equal(null);
    expect(root(el).querySelector('[part="zone-change"]')!.getAttribute('aria-expanded')).to.equal('false');
    await update({ timeZone: 'Asia/Kolkata' });
    expect(root(el).querySelector('[part="zone-current"] span')!.textContent).to.equal('Times in Asia/Kolkata (GMT+5:30)');
    await expect(el).to.be.accessible();
  });

  it('is a keyboard-complete combobox: type to filter, arrows to move, Enter to pick, Escape to keep', async () => {
    const { el } = await inContext<SlotwiseZonePicker>(html`<slotwise-zone-picker></slotwise-zone-picker>`, { timeZone: 'Europe/Berlin' });
    root(el).querySelector<HTMLButtonElement>('[part="zone-change"]')!.focus();
    await pressKey('Enter');
    await el.updateComplete;
    const input = root(el).querySelector<HTMLInputElement>('#zone-input')!;
    expect(root(el).activeElement).to.equal(input);
    expect(input.getAttribute('role')).to.equal('combobox');

    await typeInto(input, 'york');
    await el.updateComplete;
    expect(options(el).map((o) => o.dataset['zone'])).to.deep.equal(['America/New_York']);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('1 time zone found.');
    await expect(el).to.be.accessible();

    await pressKey('ArrowDown');
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options(el)[0]!.id);
    expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    const picked = oneEvent(el, 'slotwise:time-zone-changed');
    await pressKey('Enter');
    expect((await picked).detail).to.deep.equal({ timeZone: 'America/New_York' });
    await el.updateComplete;
    expect(root(el).querySelector('#zone-input')).to.equal(null);
    expect(root(el).activeElement).to.equal(root(el).querySelector('[part="zone-change"]'));

    // Escape closes without a change, focus back on the button.
    await pressKey('Enter');
    await el.updateComplete;
    await typeInto(root(el).querySelector<HTMLInputElement>('#zone-input')!, 'zzz');
    await el.updateComplete;
    expect(options(el)).to.have.length(0);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('No time zone matches “zzz”.');
    let changed = false;
    el.addEventListener('slotwise:time-zone-changed', () => (changed = true));
    await pressKey('Escape');
    await el.updateComplete;
    expect(root(el).querySelector('#zone-input')).to.equal(null);
    expect(root(el).activeElement).to.equal(root(el).querySelector('[part="zone-change"]'));
    expect(changed).to.equal(false);
  });
});

describe('searchZones', () => {
  const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'America/Argentina/Buenos_Aires', 'Europe/Busingen'];

  it('finds a zone by the start of any word of its name, cities that start with it first', () => {
    expect(searchZones(zones, 'new york')).to.deep.equal(['America/New_York']);
    expect(searchZones(zones, 'America/New')).to.deep.equal(['America/New_York']);
    expect(searchZones(zones, 'bu')).to.deep.equal(['America/Argentina/Buenos_Aires', 'Europe/Busingen']);
    expect(searchZones(zones, 'europe b')).to.deep.equal(['Europe/Berlin', 'Europe/Busingen']);
    expect(searchZones(zones, 'ork')).to.deep.equal([]);
    expect(searchZones(zones, '', 2)).to.deep.equal(['America/New_York', 'Europe/Berlin']);
  });

  it('finds a zone the browser lists by an older name by its name today, and UTC', () => {
    const listed = timeZones('Europe/Berlin');
    for (const [typed, zone] of [
      ['kolkata', ['Asia/Calcutta', 'Asia/Kolkata']],
      ['kyiv', ['Europe/Kiev', 'Europe/Kyiv']],
      ['ho chi', ['Asia/Saigon', 'Asia/Ho_Chi_Minh']],
      ['kathmandu', ['Asia/Katmandu', 'Asia/Kathmandu']],
      ['yangon', ['Asia/Rangoon', 'Asia/Yangon']],
      ['nuuk', ['America/Godthab', 'America/Nuuk']],
      ['utc', ['UTC']],
    ] as const) {
      const found = searchZones(listed, typed);
      expect(found.some((z) => (zone as readonly string[]).includes(z)), `${typed} finds ${zone.join(' or ')} in ${found.join(', ')}`).to.equal(true);
    }
    // The old name still finds it too, and a name today comes first when its city matches.
    expect(searchZones(['Asia/Karachi', 'Asia/Calcutta'], 'calcutta')).to.deep.equal(['Asia/Calcutta']);
    expect(searchZones(['Asia/Karachi', 'Asia/Calcutta'], 'k')).to.deep.equal(['Asia/Karachi', 'Asia/Calcutta']);
  });

  it('lists at most the limit and leaves the given list alone', () => {
    const copy = [...zones];
    expect(searchZones(zones, 'e', 1)).to.have.length(1);
    expect(zones).to.deep.equal(copy);
  });
});

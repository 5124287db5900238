import { expect, waitUntil } from '@open-wc/testing';
import { loadScriptTag } from './testing/script-tag.js';

// Like slotwise.test.ts, this file must not import the ESM elements: the script-tag build
// (`dist/slotwise.js`) defines them, and its loader starts the profile request.

describe('dist/slotwise.js with a zone the visitor picked earlier in the tab', () => {
  afterEach(() => sessionStorage.removeItem('slotwise:time-zone'));

  it('asks for the open times in that zone once: the loader prefetches what the widget shows', async () => {
    expect(customElements.get('slotwise-booking')).to.equal(undefined);
    sessionStorage.setItem('slotwise:time-zone', 'Asia/Tokyo');
    const el = document.createElement('slotwise-booking');
    el.setAttribute('specialist', 'demo');
    el.setAttribute('service', 'intro-call');
    el.setAttribute('timezone', 'Europe/Lisbon');
    document.body.append(el);
    await loadScriptTag();

    const shadow = () => el.shadowRoot;
    await waitUntil(() => shadow()?.querySelector('slotwise-calendar')?.shadowRoot?.querySelector('button[part~="day-open"]'), 'open days', { timeout: 10_000 });
    // The times are said to be in the picked zone, not the attribute's nor the device's.
    const zoneLine = shadow()!.querySelector('slotwise-zone-picker')!.shadowRoot!.querySelector('[part="zone-current"]')!;
    expect(zoneLine.textContent).to.include('Asia/Tokyo');
    const profiles = performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => url.includes('/v1/specialists/demo?include=slots'));
    expect(profiles).to.have.length(1);
    expect(profiles[0]).to.include('timezone=Asia%2FTokyo');
    el.remove();
  });
});

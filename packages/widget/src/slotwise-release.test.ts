import { expect, waitUntil } from '@open-wc/testing';

// Its own file, so its page has loaded nothing yet. The built script comes from `/dist-replaced/`
// (web-test-runner.config.mjs): `dist/` as a page opened before a release sees it after the
// release — the loader and the first-load chunk it ran still answer, the lazy chunks' old names
// are gone.

describe('dist/slotwise.js on a page opened before a release replaced its lazy chunks', () => {
  it('says part of the form did not load and offers to reload the page, instead of leaving the step empty', async () => {
    const el = document.createElement('slotwise-booking');
    el.setAttribute('specialist', 'demo');
    el.setAttribute('service', 'intro-call');
    document.body.append(el);
    await new Promise<void>((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src: `${location.protocol}//127.0.0.1:${location.port}/dist-replaced/slotwise.js` });
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('could not load the script'));
      document.head.append(script);
    });
    const root = () => el.shadowRoot ?? document.createDocumentFragment();
    const openDay = () => root().querySelector('slotwise-calendar')?.shadowRoot?.querySelector<HTMLButtonElement>('button[part~="day-open"]');
    await waitUntil(openDay, 'an open day', { timeout: 10_000 });
    expect(root().querySelector('[part~="part-missing"]'), 'nothing is missing before a lazy part is asked for').to.equal(null);

    openDay()!.click(); // the details form's chunk is asked for once a day is chosen
    await waitUntil(() => root().querySelector('[role="alert"][part~="part-missing"]'), 'the part-missing alert', { timeout: 10_000 });
    const alert = root().querySelector('[role="alert"][part~="part-missing"]')!;
    expect(alert.textContent).to.contain('Part of this booking form did not load.');
    expect(alert.querySelector('button')?.textContent?.trim()).to.equal('Reload the page');
    expect(customElements.get('slotwise-details-form'), 'the details form really did not load').to.equal(undefined);
    // The day's times (first-load code) still show: the visitor sees where they were.
    expect(root().querySelector('slotwise-time-list')).to.not.equal(null);
  });
});

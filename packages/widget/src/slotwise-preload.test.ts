import { expect, waitUntil } from '@open-wc/testing';

// Its own file, so its page has loaded nothing yet: what it checks is which requests one load makes.

describe('dist/slotwise.js with the README snippet’s <link rel="modulepreload">', () => {
  it('imports exactly the module the page preloaded (slotwise/core.js): one request for it, no second link, no other module before the widget shows', async () => {
    expect(customElements.get('slotwise-booking')).to.equal(undefined);
    const scriptOrigin = `${location.protocol}//127.0.0.1:${location.port}`;
    const hint = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: `${scriptOrigin}/dist/slotwise/core.js` });
    document.head.append(hint);
    const el = document.createElement('slotwise-booking');
    el.setAttribute('specialist', 'demo');
    document.body.append(el);
    await new Promise<void>((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src: `${scriptOrigin}/dist/slotwise.js` });
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('could not load the script'));
      document.head.append(script);
    });
    await waitUntil(() => el.shadowRoot?.querySelector('slotwise-service-picker')?.shadowRoot?.querySelector('button'), 'services', { timeout: 10_000 });

    const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')];
    expect(links).to.deep.equal([hint]);
    const modules = performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => url.startsWith(`${scriptOrigin}/dist/slotwise/`));
    expect(modules).to.deep.equal([hint.href]);
  });
});

import { expect, waitUntil } from '@open-wc/testing';

// This file must not import the ESM elements: it checks what `dist/slotwise.js` defines itself.

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

describe('dist/slotwise.js (the script-tag build)', () => {
  it('defines the elements, survives being loaded twice, and uses its own origin as the API', async () => {
    expect(customElements.get('slotwise-booking')).to.equal(undefined);
    // Served from another origin than the page (127.0.0.1 vs localhost), like a CDN would be.
    const scriptOrigin = `${location.protocol}//127.0.0.1:${location.port}`;
    expect(scriptOrigin).to.not.equal(location.origin);
    const el = document.createElement('slotwise-booking');
    el.setAttribute('specialist', 'demo');
    document.body.append(el);

    await loadScript(`${scriptOrigin}/dist/slotwise.js`);
    await loadScript(`${scriptOrigin}/dist/slotwise.js?again`);
    expect(customElements.get('slotwise-time-list')).to.not.equal(undefined);
    expect(customElements.get('slotwise-payment')).to.not.equal(undefined);

    const picker = () => el.shadowRoot?.querySelector('slotwise-service-picker')?.shadowRoot;
    await waitUntil(() => picker()?.querySelector('button'), 'services', { timeout: 10_000 });
    expect(picker()!.textContent).to.include('Intro call');
    const requests = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(requests).to.include(`${scriptOrigin}/v1/specialists/demo`);
    el.remove();
  });

  it('bundles no schema runtime and no Stripe.js: only the URL Stripe.js is loaded from', async () => {
    const bundle = await (await fetch('/dist/slotwise.js')).text();
    expect(bundle.length).to.be.greaterThan(10_000);
    // zod's runtime names its errors and issue codes; the contract's types are erased.
    expect(bundle).to.not.match(/ZodError|\$ZodType|invalid_type/);
    expect(bundle.match(/js\.stripe\.com/g)).to.deep.equal(['js.stripe.com']);
    expect(bundle).to.include('"https://js.stripe.com/v3/"');
    // Stripe.js's own code talks to these; the widget never does.
    expect(bundle).to.not.match(/api\.stripe\.com|m\.stripe\.network|hooks\.stripe\.com/);
  });
});

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
    await waitUntil(() => customElements.get('slotwise-booking'), 'the module entry loads', { timeout: 10_000 });
    expect(customElements.get('slotwise-time-list')).to.not.equal(undefined);
    // The payment step and the manage view are lazy chunks: not loaded before a visit needs them.
    expect(customElements.get('slotwise-payment')).to.equal(undefined);
    expect(customElements.get('slotwise-manage')).to.equal(undefined);

    const picker = () => el.shadowRoot?.querySelector('slotwise-service-picker')?.shadowRoot;
    await waitUntil(() => picker()?.querySelector('button'), 'services', { timeout: 10_000 });
    expect(picker()!.textContent).to.include('Intro call');
    const requests = performance.getEntriesByType('resource').map((entry) => entry.name);
    // One profile request, started by the loader beside the modules and taken by the widget.
    expect(requests.filter((url) => url.startsWith(`${scriptOrigin}/v1/specialists/demo?include=slots`))).to.have.length(1);
    // The modules come from beside the script, whatever page loaded it.
    expect(requests.filter((url) => url === `${scriptOrigin}/dist/slotwise/core.js`)).to.have.length(1);
    // The loader preloaded its module itself, once, though it ran twice.
    expect([...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href)).to.deep.equal([`${scriptOrigin}/dist/slotwise/core.js`]);
    el.remove();
  });

  it('loads the manage view’s chunk from beside the script when a booking is shown', async () => {
    const scriptOrigin = `${location.protocol}//127.0.0.1:${location.port}`;
    await loadScript(`${scriptOrigin}/dist/slotwise.js`);
    await customElements.whenDefined('slotwise-booking');
    const el = document.createElement('slotwise-booking');
    el.setAttribute('booking', 'bk_unknown');
    el.setAttribute('token', 'bmt_unknown');
    document.body.append(el);
    await waitUntil(() => customElements.get('slotwise-manage'), 'the manage chunk loads', { timeout: 10_000 });
    const requests = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(requests.some((url) => new RegExp(`^${scriptOrigin}/dist/slotwise/manage-\\w+\\.js$`).test(url))).to.equal(true);
    el.remove();
  });

  it('bundles no schema runtime and no Stripe.js: only the URL Stripe.js is loaded from', async () => {
    // The loader names the entry's static graph; the modules name their lazy chunks.
    const loader = await (await fetch('/dist/slotwise.js')).text();
    const names = new Set([...loader.matchAll(/slotwise\/([\w-]+\.js)/g)].map((m) => m[1]!));
    let bundle = '';
    for (const name of names) {
      const text = await (await fetch(`/dist/slotwise/${name}`)).text();
      for (const [, lazy] of text.matchAll(/import\("\.\/([\w-]+\.js)"\)/g)) names.add(lazy!);
      bundle += text;
    }
    expect(bundle.length).to.be.greaterThan(10_000);
    // zod's runtime names its errors and issue codes; the contract's types are erased.
    expect(bundle).to.not.match(/ZodError|\$ZodType|invalid_type/);
    expect(bundle.match(/js\.stripe\.com/g)).to.deep.equal(['js.stripe.com']);
    expect(bundle).to.include('"https://js.stripe.com/v3/"');
    // Stripe.js's own code talks to these; the widget never does.
    expect(bundle).to.not.match(/api\.stripe\.com|m\.stripe\.network|hooks\.stripe\.com/);
  });
});

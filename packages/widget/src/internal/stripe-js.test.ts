import { expect } from '@open-wc/testing';
import { fakeStripeUrl } from '../testing/payments.js';
import { DEFAULT_STRIPE_JS, loadStripe, type StripeFactory } from './stripe-js.js';

const scriptsFor = (url: string) => [...document.scripts].filter((script) => script.src === url);

describe('loadStripe', () => {
  it('adds one script per URL, however many widgets ask at once', async () => {
    const url = fakeStripeUrl();
    const before = window.__fakeStripe?.loads ?? 0;
    const [first, second] = await Promise.all([loadStripe(url), loadStripe(url)]);
    expect(first).to.equal(second);
    expect(first).to.equal(window.Stripe);
    expect(scriptsFor(url)).to.have.length(1);
    expect(window.__fakeStripe!.loads).to.equal(before + 1);
    await loadStripe(url);
    expect(scriptsFor(url)).to.have.length(1);
  });

  it('forgets a failed load, so asking again loads again', async () => {
    const url = new URL('/test/missing-stripe.js', location.origin).href;
    let failure: unknown;
    await loadStripe(url).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.include(`Could not load Stripe.js from ${url}`);
    expect(scriptsFor(url)).to.have.length(0);
    const again = loadStripe(url);
    expect(scriptsFor(url)).to.have.length(1);
    await again.catch(() => undefined);
  });

  it("reuses Stripe.js the page loaded itself from Stripe's URL instead of adding a copy", async () => {
    const previous = window.Stripe;
    const own = (() => ({})) as unknown as StripeFactory;
    window.Stripe = own;
    try {
      expect(await loadStripe(DEFAULT_STRIPE_JS)).to.equal(own);
      expect(scriptsFor(DEFAULT_STRIPE_JS)).to.have.length(0);
    } finally {
      window.Stripe = previous;
    }
  });
});

import { createContext, runInContext } from 'node:vm';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startFakeStripe, type FakeStripe } from './index.js';
import { FAKE_STRIPE_JS } from './stripe-js.js';

/** Just enough DOM for the fake Stripe.js: elements with attributes, children, value and input events. */
class StubElement {
  readonly children: StubElement[] = [];
  readonly attributes: Record<string, string> = {};
  readonly style = { cssText: '' };
  readonly listeners: Record<string, Array<() => void>> = {};
  parentNode: StubElement | null = null;
  textContent = '';
  value = '';
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string) {
    this.attributes[name] = value;
  }
  appendChild(child: StubElement) {
    child.parentNode = this;
    this.children.push(child);
    return child;
  }
  removeChild(child: StubElement) {
    this.children.splice(this.children.indexOf(child), 1);
    child.parentNode = null;
  }
  addEventListener(type: string, listener: () => void) {
    (this.listeners[type] ??= []).push(listener);
  }
  focus() {}
  blur() {}
  /** The card input, wherever it is. */
  find(tag: string): StubElement | undefined {
    for (const child of this.children) {
      if (child.tagName === tag) return child;
      const found = child.find(tag);
      if (found) return found;
    }
    return undefined;
  }
}

interface FakeStripeJs {
  elements(options: { clientSecret: string }): {
    create(type: string): { mount(target: string): void; on(name: string, handler: (event: unknown) => void): unknown; destroy(): void };
    submit(): Promise<{ error?: { code: string } }>;
  };
  confirmPayment(options: unknown): Promise<{ paymentIntent?: { id: string; status: string }; error?: Record<string, unknown> }>;
  retrievePaymentIntent(secret: string): Promise<{ paymentIntent?: { status: string } }>;
}

describe('fake Stripe.js', () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  let host: StubElement;
  let assigned: string[];
  let StripeJs: (pk: string) => FakeStripeJs;

  beforeEach(async () => {
    fake = await startFakeStripe({ webhookSecret: 'whsec_x' });
    stripe = new Stripe(fake.secretKey, { host: fake.host, port: fake.port, protocol: 'http' });
    host = new StubElement('div');
    assigned = [];
    const document = { currentScript: { src: `${fake.url}/fake-stripe.js` }, createElement: (tag: string) => new StubElement(tag), querySelector: (s: string) => (s === '#payment' ? host : null) };
    const window: Record<string, unknown> = { location: { assign: (url: string) => assigned.push(url) } };
    const context = createContext({ window, document, fetch, URL, setTimeout, encodeURIComponent, Promise });
    runInContext(await (await fetch(`${fake.url}/fake-stripe.js`)).text(), context);
    StripeJs = window.Stripe as (pk: string) => FakeStripeJs;
  });
  afterEach(async () => {
    await fake.close();
  });

  async function checkout(cardNumber?: string) {
    const intent = await stripe.paymentIntents.create({ amount: 5000, currency: 'eur', automatic_payment_methods: { enabled: true } });
    const js = StripeJs(fake.publishableKey);
    const elements = js.elements({ clientSecret: intent.client_secret! });
    elements.create('payment').mount('#payment');
    const input = host.find('input')!;
    if (cardNumber !== undefined) input.value = cardNumber;
    return { intent, js, elements, input };
  }

  test('mounts a visible, clearly labelled fake card field (no iframe)', async () => {
    await checkout();
    const root = host.children[0]!;
    expect(root.attributes['data-fake-stripe']).toBe('payment-element');
    expect(root.find('label')!.textContent).toMatch(/FAKE Stripe card field/);
    expect(host.find('input')!.value).toBe('4242 4242 4242 4242');
    expect(host.find('iframe')).toBeUndefined();
    expect(FAKE_STRIPE_JS).toMatch(/^\/\* FAKE Stripe\.js/);
  });

  test('confirmPayment pays through the fake API with the publishable key and the client secret', async () => {
    const { intent, js, elements } = await checkout();
    const result = await js.confirmPayment({ elements, redirect: 'if_required' });
    expect(result.paymentIntent).toMatchObject({ id: intent.id, status: 'succeeded' });
    const confirm = fake.requests.at(-1)!;
    expect(confirm).toMatchObject({ method: 'POST', path: `/v1/payment_intents/${intent.id}/confirm`, auth: 'publishable', body: { payment_method: 'pm_card_visa', client_secret: intent.client_secret } });
    expect((await js.retrievePaymentIntent(intent.client_secret!)).paymentIntent?.status).toBe('succeeded');
  });

  test('4000 0000 0000 0002 is declined with Stripe.js\'s card_error', async () => {
    const { intent, js, elements } = await checkout('4000 0000 0000 0002');
    const result = await js.confirmPayment({ elements, redirect: 'if_required' });
    expect(result.error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' });
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_payment_method');
  });

  test('an empty or invalid card number is a validation error that never reaches the API', async () => {
    const { js, elements, input } = await checkout('');
    const before = fake.requests.length;
    expect((await elements.submit()).error).toMatchObject({ code: 'incomplete_number' });
    expect((await js.confirmPayment({ elements, redirect: 'if_required' })).error).toMatchObject({ type: 'validation_error', code: 'incomplete_number' });
    input.value = '4242 4242 4242 4241';
    expect((await js.confirmPayment({ elements, redirect: 'if_required' })).error).toMatchObject({ code: 'invalid_number' });
    expect(fake.requests.length).toBe(before);
  });

  test('without redirect: "if_required" it goes to return_url with Stripe\'s query parameters', async () => {
    const { intent, js, elements } = await checkout();
    await js.confirmPayment({ elements, confirmParams: { return_url: 'http://app.test/booking/done' } });
    const url = new URL(assigned[0]!);
    expect(url.origin + url.pathname).toBe('http://app.test/booking/done');
    expect(Object.fromEntries(url.searchParams)).toEqual({ payment_intent: intent.id, payment_intent_client_secret: intent.client_secret, redirect_status: 'succeeded' });
  });

  test('refuses a secret key, as Stripe.js does', () => {
    expect(() => StripeJs(fake.secretKey)).toThrow(/publishable key/);
  });
});

/**
 * The slice of Stripe.js v3 the widget uses, and its loader. Stripe.js is always loaded from
 * Stripe at run time, never bundled: Stripe requires it (PCI scope, fraud signals), and it keeps
 * card data inside Stripe's own iframes.
 */

import { DEFAULT_STRIPE_JS } from './stripe-url.js';

export { DEFAULT_STRIPE_JS };

export interface StripeError {
  type: string;
  code?: string;
  decline_code?: string;
  message?: string;
}

export interface StripePaymentElement {
  mount(target: HTMLElement): void;
  destroy(): void;
}

export interface StripeElements {
  create(type: 'payment', options?: Record<string, unknown>): StripePaymentElement;
}

/** https://docs.stripe.com/elements/appearance-api */
export interface StripeAppearance {
  theme?: 'stripe' | 'night' | 'flat';
  variables?: Record<string, string>;
}

export interface StripeConfirmResult {
  error?: StripeError;
  paymentIntent?: { id?: string; status: string };
}

export interface StripeInstance {
  elements(options: { clientSecret: string; appearance?: StripeAppearance; locale?: string }): StripeElements;
  confirmPayment(options: {
    elements: StripeElements;
    redirect: 'if_required';
    confirmParams: { return_url: string };
  }): Promise<StripeConfirmResult>;
}

export type StripeFactory = (publishableKey: string) => StripeInstance;

declare global {
  interface Window {
    Stripe?: StripeFactory;
  }
}

/** One load per URL for the page's lifetime: every widget on the page shares it. */
const loads = new Map<string, Promise<StripeFactory>>();

/**
 * Resolves with `window.Stripe` once the script at `url` has run. A page that already loaded
 * Stripe.js itself (Stripe recommends it on every page) is not given a second copy. A failed
 * load (offline, blocked by a Content-Security-Policy) is forgotten, so a retry loads again.
 */
export function loadStripe(url: string = DEFAULT_STRIPE_JS): Promise<StripeFactory> {
  if (url === DEFAULT_STRIPE_JS && window.Stripe) return Promise.resolve(window.Stripe);
  let load = loads.get(url);
  if (!load) {
    load = new Promise<StripeFactory>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.addEventListener('load', () => {
        if (window.Stripe) resolve(window.Stripe);
        else reject(new Error(`${url} loaded but did not define Stripe.`));
      });
      script.addEventListener('error', () => {
        script.remove();
        reject(new Error(`Could not load Stripe.js from ${url}.`));
      });
      document.head.append(script);
    });
    load.catch(() => loads.delete(url));
    loads.set(url, load);
  }
  return load;
}

/** Stripe's form in the widget's colours: the theme's resolved custom properties, light or dark. */
export function appearanceOf(host: Element): StripeAppearance {
  const style = getComputedStyle(host);
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  const names = {
    colorPrimary: '--_accent',
    colorBackground: '--_bg',
    colorText: '--_text',
    colorDanger: '--_danger',
    borderRadius: '--_radius',
    fontFamily: '--_font',
  };
  const variables: Record<string, string> = {};
  for (const [key, property] of Object.entries(names)) {
    const value = style.getPropertyValue(property).trim();
    if (value) variables[key] = value;
  }
  return { theme: dark ? 'night' : 'stripe', variables };
}

/**
 * Where Stripe.js v3 is loaded from unless the page says otherwise (`stripe-js`). Its own module,
 * so the steps that only pass the address on (the booking's template, the packages step) do not
 * pull Stripe's loader (`stripe-js.ts`) into the script tag's first load: the loader travels with
 * the payment step, which is loaded on demand.
 */
export const DEFAULT_STRIPE_JS = 'https://js.stripe.com/v3/';

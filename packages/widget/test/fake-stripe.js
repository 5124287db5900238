/*
 * A tiny FAKE of Stripe.js v3 for the widget's browser tests — not Stripe's code, never for real
 * payments. It records how the widget loads and mounts Stripe's form: `Stripe(pk)`,
 * `elements({ clientSecret })`, `create('payment').mount(el) / destroy()`; the "Payment Element"
 * is a plain <input>. Every call is recorded in `window.__fakeStripe.calls`; `loads` counts how
 * often this script ran. Paying is not faked here: the end-to-end test pays with the server's
 * fake Stripe and its own Stripe.js (`@slotwise/server/testing/fake-stripe`, `/fake-stripe.js`).
 */
(function () {
  'use strict';
  var log = (window.__fakeStripe = window.__fakeStripe || { loads: 0, calls: [] });
  log.loads += 1;
  log.src = document.currentScript && document.currentScript.src;

  window.Stripe = function Stripe(publishableKey) {
    if (typeof publishableKey !== 'string' || publishableKey.indexOf('pk_') !== 0) {
      throw new Error('Invalid value for Stripe(): apiKey should be a publishable key.');
    }
    log.calls.push({ call: 'Stripe', publishableKey: publishableKey });
    return {
      elements: function (options) {
        var input = null;
        var group = {
          create: function (type) {
            log.calls.push({ call: 'create', type: type });
            return {
              mount: function (target) {
                input = document.createElement('input');
                input.name = 'cardnumber';
                input.setAttribute('aria-label', 'Card number (fake Stripe)');
                input.value = '4242 4242 4242 4242';
                target.appendChild(input);
                log.calls.push({ call: 'mount', target: target });
              },
              destroy: function () {
                if (input) input.remove();
                input = null;
                log.calls.push({ call: 'destroy' });
              }
            };
          }
        };
        log.calls.push({ call: 'elements', options: options, group: group });
        return group;
      }
    };
  };
})();

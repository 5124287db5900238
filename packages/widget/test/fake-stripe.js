/*
 * A tiny FAKE of Stripe.js v3 for the widget's browser tests — not Stripe's code, never for real
 * payments. It covers what the widget calls: `Stripe(pk)`, `elements({ clientSecret })`,
 * `create('payment').mount(el) / destroy()` and `confirmPayment(...)`. The "Payment Element" is a
 * plain <input>: the card 4000 0000 0000 0002 is declined, any other value succeeds. Every call
 * is recorded in `window.__fakeStripe.calls`; `loads` counts how often this script ran.
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
          clientSecret: options.clientSecret,
          input: function () { return input; },
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
      },
      confirmPayment: function (options) {
        log.calls.push({ call: 'confirmPayment', options: options });
        var card = options.elements.input();
        var digits = card ? card.value.replace(/\D/g, '') : '';
        if (digits === '4000000000000002') {
          return Promise.resolve({
            error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' }
          });
        }
        var id = String(options.elements.clientSecret).split('_secret_')[0];
        return Promise.resolve({ paymentIntent: { id: id, status: 'succeeded' } });
      }
    };
  };
})();

/**
 * A tiny FAKE of Stripe.js v3 for offline browser tests, served by the fake Stripe server at
 * `/fake-stripe.js`. It covers what the Slotwise widget calls: `Stripe(pk)`,
 * `elements({ clientSecret })`, `create('payment').mount/on/destroy`, `elements.submit()`,
 * `confirmPayment({ elements, confirmParams, redirect })` and `retrievePaymentIntent(secret)`.
 *
 * The "Payment Element" is a visible, clearly labelled card-number input in a plain div (no
 * iframe). `4000 0000 0000 0002` is declined (`pm_card_chargeDeclined`), `4000 0000 0000 9995`
 * fails for insufficient funds, any other Luhn-valid number succeeds (`pm_card_visa`).
 * Confirmation calls the fake's `POST /v1/payment_intents/:id/confirm` with the publishable key
 * and the client secret, as Stripe.js does with Stripe's API.
 */
export const FAKE_STRIPE_JS = String.raw`/* FAKE Stripe.js (Slotwise test double) - not Stripe's code, never for real payments. */
(function () {
  'use strict';
  var script = document.currentScript;
  var API = script && script.src ? new URL(script.src).origin : '';
  var METHODS = { '4000000000000002': 'pm_card_chargeDeclined', '4000000000009995': 'pm_card_chargeDeclinedInsufficientFunds' };

  function luhn(digits) {
    var sum = 0;
    for (var i = 0; i < digits.length; i++) {
      var d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
      sum += d;
    }
    return sum % 10 === 0;
  }

  function validate(value) {
    var digits = String(value || '').replace(/\D/g, '');
    if (!digits) return { error: { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.' } };
    if (digits.length < 12 || !luhn(digits)) return { error: { type: 'validation_error', code: 'invalid_number', message: 'Your card number is invalid.' } };
    return { paymentMethod: METHODS[digits] || 'pm_card_visa' };
  }

  function form(params) {
    return Object.keys(params).filter(function (k) { return params[k] != null; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]); }).join('&');
  }

  function Stripe(publishableKey) {
    if (typeof publishableKey !== 'string' || publishableKey.indexOf('pk_') !== 0) {
      throw new Error('Invalid value for Stripe(): apiKey should be a publishable key (pk_...).');
    }
    function call(method, path, params) {
      var init = { method: method, headers: { Authorization: 'Bearer ' + publishableKey } };
      var url = API + path;
      if (method === 'GET') url += '?' + form(params);
      else { init.headers['Content-Type'] = 'application/x-www-form-urlencoded'; init.body = form(params); }
      return fetch(url, init).then(function (res) { return res.json(); });
    }

    function elements(options) {
      options = options || {};
      var mounted = null;
      var group = {
        _clientSecret: options.clientSecret,
        create: function (type) {
          if (type !== 'payment' && type !== 'card') throw new Error('The fake Stripe.js only has the payment element.');
          var handlers = {};
          var root = null;
          var input = null;
          function fire(name, event) { (handlers[name] || []).forEach(function (h) { h(event); }); }
          var element = {
            mount: function (target) {
              var host = typeof target === 'string' ? document.querySelector(target) : target;
              if (!host) throw new Error('The fake Stripe.js could not find the element to mount into.');
              root = document.createElement('div');
              root.setAttribute('data-fake-stripe', 'payment-element');
              root.style.cssText = 'border:2px dashed #b42318;padding:8px;border-radius:6px;font:14px system-ui,sans-serif';
              var label = document.createElement('label');
              label.textContent = 'FAKE Stripe card field (test mode, no real payment)';
              input = document.createElement('input');
              input.setAttribute('name', 'cardnumber');
              input.setAttribute('inputmode', 'numeric');
              input.setAttribute('aria-label', 'Card number (fake)');
              input.value = '4242 4242 4242 4242';
              input.style.cssText = 'display:block;width:100%;margin-top:4px;font:inherit';
              input.addEventListener('input', function () {
                var result = validate(input.value);
                fire('change', { elementType: 'payment', empty: !input.value, complete: !result.error, value: { type: 'card' } });
              });
              label.appendChild(input);
              root.appendChild(label);
              host.appendChild(root);
              mounted = element;
              setTimeout(function () { fire('ready', { elementType: 'payment' }); }, 0);
            },
            on: function (name, handler) { (handlers[name] = handlers[name] || []).push(handler); return element; },
            off: function (name, handler) { handlers[name] = (handlers[name] || []).filter(function (h) { return h !== handler; }); return element; },
            update: function () {},
            focus: function () { if (input) input.focus(); },
            blur: function () { if (input) input.blur(); },
            clear: function () { if (input) input.value = ''; },
            unmount: function () { if (root && root.parentNode) root.parentNode.removeChild(root); },
            destroy: function () { element.unmount(); root = null; input = null; if (mounted === element) mounted = null; },
            _value: function () { return input ? input.value : ''; }
          };
          return element;
        },
        getElement: function () { return mounted; },
        update: function () {},
        submit: function () {
          var result = validate(mounted ? mounted._value() : '');
          return Promise.resolve(result.error ? { error: result.error } : {});
        }
      };
      return group;
    }

    function confirmPayment(options) {
      var group = options.elements;
      var secret = options.clientSecret || (group && group._clientSecret);
      if (!secret) return Promise.reject(new Error('confirmPayment needs elements created with a clientSecret.'));
      var checked = validate(group && group.getElement() ? group.getElement()._value() : '');
      if (checked.error) return Promise.resolve({ error: checked.error });
      var returnUrl = options.confirmParams && options.confirmParams.return_url;
      var id = secret.split('_secret_')[0];
      return call('POST', '/v1/payment_intents/' + encodeURIComponent(id) + '/confirm', {
        payment_method: checked.paymentMethod, client_secret: secret, return_url: returnUrl
      }).then(function (body) {
        if (body.error) return { error: body.error };
        if (options.redirect !== 'if_required' && returnUrl) {
          var next = new URL(returnUrl);
          next.searchParams.set('payment_intent', body.id);
          next.searchParams.set('payment_intent_client_secret', secret);
          next.searchParams.set('redirect_status', body.status === 'succeeded' ? 'succeeded' : 'failed');
          window.location.assign(next.toString());
        }
        return { paymentIntent: body };
      });
    }

    function retrievePaymentIntent(secret) {
      var id = String(secret).split('_secret_')[0];
      return call('GET', '/v1/payment_intents/' + encodeURIComponent(id), { client_secret: secret }).then(function (body) {
        return body.error ? { error: body.error } : { paymentIntent: body };
      });
    }

    return { elements: elements, confirmPayment: confirmPayment, retrievePaymentIntent: retrievePaymentIntent, _fake: true };
  }
  Stripe.version = 3;
  Stripe.fake = true;
  window.Stripe = Stripe;
})();
`;

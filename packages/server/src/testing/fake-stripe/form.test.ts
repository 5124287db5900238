import { describe, expect, test } from 'vitest';
import { parseStripeForm } from './form.js';

describe('parseStripeForm', () => {
  test('nests bracketed keys the way Stripe reads them', () => {
    expect(parseStripeForm('amount=5000&metadata[booking_id]=bk_1&metadata[note]=a+b%26c&transfer_data[destination]=acct_1&automatic_payment_methods[enabled]=true')).toEqual({
      amount: '5000',
      metadata: { booking_id: 'bk_1', note: 'a b&c' },
      transfer_data: { destination: 'acct_1' },
      automatic_payment_methods: { enabled: 'true' },
    });
  });

  test('reads deeper nesting and brackets sent percent-encoded', () => {
    expect(parseStripeForm('capabilities%5Bcard_payments%5D%5Brequested%5D=true&capabilities[transfers][requested]=true')).toEqual({
      capabilities: { card_payments: { requested: 'true' }, transfers: { requested: 'true' } },
    });
  });

  test('keeps indexed arrays (as the SDK sends them) keyed by index, and appends with []', () => {
    expect(parseStripeForm('expand[0]=latest_charge&expand[1]=customer&payment_method_types[]=card&payment_method_types[]=link')).toEqual({
      expand: { 0: 'latest_charge', 1: 'customer' },
      payment_method_types: ['card', 'link'],
    });
  });

  test('an empty value is kept as the empty string (Stripe\'s way to unset), an empty body is no parameters', () => {
    expect(parseStripeForm('metadata[old]=&description=')).toEqual({ metadata: { old: '' }, description: '' });
    expect(parseStripeForm('')).toEqual({});
  });

  test('ignores keys that would reach Object.prototype', () => {
    const parsed = parseStripeForm('__proto__[polluted]=1&metadata[constructor]=x&a=1');
    expect(parsed).toEqual({ a: '1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

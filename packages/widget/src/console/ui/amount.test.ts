import { expect } from '@open-wc/testing';
import { isCurrencyCode, parseAmount } from './amount.js';
import { bodyOf as packageBody, emptyDraft } from '../screens/packages/package-draft.js';
import { bodyOf as promoBody } from '../screens/promo-codes/promo-draft.js';

describe('parseAmount: money as a person types it, in minor units', () => {
  it('reads points and commas as decimals or thousands the only way each can be meant', () => {
    const eur: [string, number][] = [
      ['90', 9000], ['90.5', 9050], ['90,50', 9050], [' 0 ', 0], ['0.99', 99],
      ['1,500', 150000], ['1.500', 150000], ['1 500', 150000], ['1\u00a0500,5', 150050], ["1'500", 150000],
      ['1,500.50', 150050], ['1.500,50', 150050], ['1,500,000', 150000000], ['12,345.6', 1234560],
    ];
    for (const [text, minor] of eur) expect([text, parseAmount(text, 'EUR')]).to.deep.equal([text, minor]);
    // Yen have no decimals: a point or comma can only group thousands. Dinars have three.
    expect(parseAmount('1,500', 'JPY')).to.equal(1500);
    expect(parseAmount('1500', 'jpy')).to.equal(1500);
    expect(parseAmount('1.500', 'KWD')).to.equal(1500);
    expect(parseAmount('1,234.500', 'KWD')).to.equal(1234500);
  });

  it('answers NaN for anything that is not an amount, or not in a currency', () => {
    for (const [text, currency] of [
      ['', 'EUR'], ['ten', 'EUR'], ['-5', 'EUR'], ['1,50,000', 'EUR'], ['1,500,50', 'EUR'], ['1.500.50', 'EUR'], ['1,5.000', 'EUR'],
      ['1.5', 'JPY'], ['1234,500', 'EUR'], ['.5', 'EUR'], ['5.', 'EUR'], ['90', 'EU'], ['90', ''], ['90', '€'], ['9'.repeat(20), 'EUR'],
    ]) expect([text, currency, parseAmount(text!, currency!)]).to.deep.equal([text, currency, Number.NaN]);
  });

  it('tells currency codes from anything else', () => {
    expect(['EUR', 'usd', 'JPY'].map(isCurrencyCode)).to.deep.equal([true, true, true]);
    expect(['EU', 'EURO', '', '€', '12A'].map(isCurrencyCode)).to.deep.equal([false, false, false, false, false]);
  });
});

describe('the package and promo-code forms read amounts the same way', () => {
  it('a package at 1,200 costs twelve hundred, not 12; a promo code of 1,000 off takes a thousand off', () => {
    expect(packageBody({ ...emptyDraft(), name: 'Ten sessions', price: '1,200' }, 'EUR')).to.have.nested.property('body.price', 120000);
    expect(packageBody({ ...emptyDraft(), name: 'Ten sessions', price: '12,00' }, 'EUR')).to.have.nested.property('body.price', 1200);
    expect(packageBody({ ...emptyDraft(), price: '1,20,0' }, 'EUR')).to.deep.equal({ fields: { price: 'Enter a price such as 120, 120.50 or 1,200 (0 for free).' } });
    const promo = { code: 'BIG', serviceIds: [], validFrom: '', validUntil: '', maxRedemptions: '', maxPerCustomer: '', firstBookingOnly: false };
    expect(promoBody({ ...promo, kind: 'amount', value: '1,000' }, 'EUR', 'Europe/Paris')).to.have.nested.property('body.value', 100000);
    expect(promoBody({ ...promo, kind: 'percent', value: '12,5' }, 'EUR', 'Europe/Paris')).to.have.nested.property('body.value', 12.5);
  });
});

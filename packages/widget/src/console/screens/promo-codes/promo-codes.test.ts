import { expect, html } from '@open-wc/testing';
import { createClient } from '@slotwise/sdk';
import { deep, eventually } from '../../../testing/helpers.js';
import { button, confirmDialog, fill, text } from '../../testing/screen.js';
import { openPractice } from '../../testing/practice.js';
import { consoleApi, inConsole } from '../../testing/session.js';
import type { SlotwiseConsolePromoCodes } from './promo-codes.component.js';
import './promo-codes.js';

const row = (el: Element, code: string) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')].find((tr) => text(tr.querySelector('th') ?? undefined) === code);

describe('console promo codes', () => {
  it('creates a code after the server refuses a malformed one, lists it, stops it, starts it again and changes its limits — the public check follows each step (axe-clean)', async () => {
    const { handle, session, service } = await openPractice({ price: 9000, timeZone: 'Europe/Paris' });
    const visitor = createClient({ baseURL: consoleApi() });
    const check = (code: string) => visitor.specialists.checkPromoCode(handle, code, { service: service.id }).then(
      (quote) => `total ${quote.total}`,
      (error: { problem?: { code: string } }) => error.problem?.code ?? 'failed',
    );

    const el = await inConsole<SlotwiseConsolePromoCodes>(html`<slotwise-console-promo-codes></slotwise-console-promo-codes>`, session);
    await eventually(() => text(el.shadowRoot!.querySelector('section') ?? undefined).includes('No promo codes yet.'), 'the empty list');
    await expect(el).to.be.accessible();

    // A code too short: the contract's sentence under the field, which gets the focus; nothing stored.
    button(el, 'New promo code').click();
    await eventually(() => deep(el, '#promo-code'), 'the new-code form');
    expect(el.shadowRoot!.activeElement?.id).to.equal('promo-code');
    fill(el, '#promo-code', 'ab');
    fill(el, '#promo-value', '25');
    button(el, 'Create code').click();
    await eventually(() => deep(el, '#promo-code')!.getAttribute('aria-invalid') === 'true', 'the server’s refusal of the code');
    expect(text(el.shadowRoot!.querySelector('form') ?? undefined)).to.contain('A promo code is 3–40 letters, digits, - or _, like SPRING25.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('promo-code');
    expect((deep<HTMLInputElement>(el, '#promo-value'))!.value).to.equal('25'); // what was typed stays
    expect((await session.client.me.promoCodes.list()).data).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Fixed: 25 % off every service until the last day of next March (Paris), 100 uses. (Next
    // year's, from today's clock: a fixed year would one day be past, and the code "Ended".)
    const year = new Date().getUTCFullYear() + 1;
    const lastDay = `${year}-03-31`;
    fill(el, '#promo-code', 'SPRING25');
    fill(el, '#promo-validUntil', lastDay);
    fill(el, '#promo-maxRedemptions', '100');
    button(el, 'Create code').click();
    await eventually(() => row(el, 'SPRING25'), 'the new code in the list');
    expect(session.announced).to.include('Promo code SPRING25 created: customers can use it now.');
    const cells = () => [...row(el, 'SPRING25')!.querySelectorAll('td')].map((td) => text(td));
    expect(cells().slice(0, 6)).to.deep.equal(['25% off', 'All services', `Until Mar 31, ${year}`, '0 of 100', '—', 'Active']);
    const [stored] = (await session.client.me.promoCodes.list()).data;
    // The last day counts whole: the code ends when 1 April begins in Paris (summer time by then: it starts on March's last Sunday).
    expect(stored).to.include({ code: 'SPRING25', kind: 'percent', value: 25, maxRedemptions: 100 });
    expect(Date.parse(stored!.validUntil!)).to.equal(Date.parse(`${lastDay}T22:00:00Z`));
    expect(await check('spring25')).to.equal('total 6750');
    await expect(el).to.be.accessible();

    // Stopped after a confirmation that says what it does; the public check refuses it.
    button(el, 'Stop SPRING25').click();
    await confirmDialog(el, 'Bookings already made with it keep their price.');
    await eventually(() => cells()[5] === 'Stopped', 'the code stopped');
    expect(session.announced).to.include('Promo code SPRING25 stopped.');
    expect(await check('SPRING25')).to.equal('promo_code_unknown');

    button(el, 'Start again: SPRING25').click();
    await eventually(() => cells()[5] === 'Active' || el.error, 'the code started again');
    expect(el.error).to.equal('');
    expect(await check('SPRING25')).to.equal('total 6750');

    // Its end and limits change; the form starts with what is stored.
    button(el, 'Edit limits of SPRING25').click();
    await eventually(() => deep(el, '#limits-validUntil'), 'the limits form');
    expect(deep<HTMLInputElement>(el, '#limits-validUntil')!.value).to.equal(lastDay);
    expect(deep<HTMLInputElement>(el, '#limits-maxRedemptions')!.value).to.equal('100');
    await expect(el).to.be.accessible();
    fill(el, '#limits-maxPerCustomer', 'one');
    button(el, 'Save changes').click();
    await eventually(() => deep(el, '#limits-maxPerCustomer')!.getAttribute('aria-invalid') === 'true', 'the field error');
    fill(el, '#limits-validUntil', '');
    fill(el, '#limits-maxRedemptions', '');
    fill(el, '#limits-maxPerCustomer', '1');
    button(el, 'Save changes').click();
    await eventually(() => cells()[2] === 'Always', 'the changed code');
    expect(cells().slice(0, 6)).to.deep.equal(['25% off', 'All services', 'Always', '0', '1 per customer', 'Active']);
    expect(session.announced).to.include('Promo code SPRING25 saved.');
    expect((await session.client.me.promoCodes.list()).data[0]).to.include({ validUntil: null, maxRedemptions: null, maxPerCustomer: 1 });
  });

  it('says when a new code starts working instead of "customers can use it now", and refuses one whose end has passed', async () => {
    const { session } = await openPractice({ price: 9000, timeZone: 'Europe/Paris' });
    const el = await inConsole<SlotwiseConsolePromoCodes>(html`<slotwise-console-promo-codes></slotwise-console-promo-codes>`, session);
    await eventually(() => text(el.shadowRoot!.querySelector('section') ?? undefined).includes('No promo codes yet.'), 'the empty list');
    const year = new Date().getUTCFullYear() + 1;
    const create = async (code: string, field: string, date: string) => {
      button(el, 'New promo code').click();
      await eventually(() => deep(el, '#promo-code'), 'the new-code form');
      fill(el, '#promo-code', code);
      fill(el, '#promo-value', '10');
      fill(el, field, date);
      button(el, 'Create code').click();
      await eventually(() => row(el, code), `${code} in the list`);
    };
    await create('LATER', '#promo-validFrom', `${year}-01-15`);
    expect(session.announced).to.include(`Promo code LATER created: customers can use it from Jan 15, ${year}.`);
    // A code that could never be used: the server refuses it, and says why under the field.
    button(el, 'New promo code').click();
    await eventually(() => deep(el, '#promo-code'), 'the new-code form');
    fill(el, '#promo-code', 'BYGONE');
    fill(el, '#promo-value', '10');
    fill(el, '#promo-validUntil', '2025-01-01');
    button(el, 'Create code').click();
    await eventually(() => deep(el, '#promo-validUntil')?.getAttribute('aria-invalid') === 'true', 'the end refused');
    const describedBy = deep(el, '#promo-validUntil')!.getAttribute('aria-describedby')!.split(' ');
    const sentence = describedBy.map((id) => text(deep(el, `#${id}`))).find((t) => t.includes('already past'));
    expect(sentence).to.equal('The end is already past: the code could never be used. Give a later end, or none for a code that does not end.');
    expect(row(el, 'BYGONE')).to.equal(undefined);
    expect(session.announced.filter((s) => s.includes('BYGONE') || s.includes('can use it now'))).to.deep.equal([]);
  });
});


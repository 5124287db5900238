import { expect, html } from '@open-wc/testing';
import { formatAmount } from '../../../internal/format.js';
import { deep, deepAll, eventually } from '../../../testing/helpers.js';
import { text } from '../../testing/screen.js';
import { inConsole } from '../../testing/session.js';
import { openPractice } from '../../testing/practice.js';
import type { SlotwiseConsoleMoney } from './money.component.js';
import './money.js';
import { downloaded } from '../../testing/download.js';

const majorOf = (minor: number) => String(minor / 100);


describe('console money', () => {
  it('shows payments with fee, share and refunds, earnings as a labelled chart with its table, and downloads both as CSV', async () => {
    const practice = await openPractice({ price: 4500 });
    const kept = await practice.book(0, { name: 'Ada Lovelace', email: 'ada@example.com' });
    const refunded = await practice.book(2, { name: 'Grace Hopper', email: 'grace@example.com' });
    await practice.session.client.me.bookings.cancel(refunded.booking.id, {});
    const { data: payments } = await practice.session.client.me.payments.list({});
    expect(payments).to.have.length(2);
    const paid = payments.find((p) => p.bookingId === kept.booking.id)!;

    const el = await inConsole<SlotwiseConsoleMoney>(html`<slotwise-console-money></slotwise-console-money>`, practice.session);
    await eventually(() => deepAll(el, 'table.payments tbody tr').length === 2 && deep(el, 'svg.chart'), 'payments and earnings');

    expect(text(deep(el, '.stripe'))).to.contain('Test mode: no money moves.').and.contain('Can take payments: yes');
    // A month's label names its whole year ("Dec 26" read as a date).
    for (const label of deepAll(el, 'svg.chart text.month')) expect(label.textContent).to.match(/^\S+ \d{4}$/);
    const row = text(deep(el, `tr[data-id="${paid.id}"]`));
    expect(row).to.contain('ada@example.com').and.contain('€45.00').and.contain(formatAmount(paid.fee, 'EUR')).and.contain(formatAmount(paid.specialistShare, 'EUR'));
    const refundedPayment = payments.find((p) => p.bookingId === refunded.booking.id)!;
    const refundedRow = text(deep(el, `tr[data-id="${refundedPayment.id}"]`));
    expect(refundedRow).to.contain('grace@example.com').and.match(/€45\.00$/);
    expect(text(deepAll(el, `tr[data-id="${refundedPayment.id}"] td`)[3]!)).to.equal('refunded'); // not Stripe's "succeeded"
    expect(text(deepAll(el, `tr[data-id="${paid.id}"] td`)[3]!)).to.equal('succeeded');
    // Refunded in full by the specialist's cancellation, the fee given back too: the row adds up,
    // amount − fee − refunded = share, and nothing is left as "your share".
    expect(refundedPayment).to.include({ amount: 4500, amountRefunded: 4500, feeRefunded: refundedPayment.fee });
    const cells = deepAll(el, `tr[data-id="${refundedPayment.id}"] td.num`).map(text);
    expect(cells).to.deep.equal(['€45.00', '€0.00', '€0.00', '€45.00']);

    const { data: months } = await practice.session.client.me.earnings.retrieve();
    const net = formatAmount(months.reduce((sum, m) => sum + m.net, 0), 'EUR');
    const chart = deep(el, 'svg.chart')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(text(deep(el, 'svg.chart title'))).to.contain(net);
    expect(deepAll(el, 'svg.chart text.value').map(text)).to.include(net);
    expect(text(deep(el, 'figure.earnings table'))).to.contain(net);
    await expect(el).to.be.accessible();

    const buttons = () => deepAll<HTMLButtonElement>(el, 'button');
    const paymentsCsv = await downloaded(() => buttons().find((b) => b.textContent?.includes('Download payments'))!.click());
    expect(paymentsCsv.name).to.equal('slotwise-payments.csv');
    const lines = paymentsCsv.text.trimEnd().split('\r\n');
    expect(lines[0]).to.equal('id,created_at,status,customer_email,booking_id,package_purchase_id,currency,amount,fee,fee_refunded,your_share,refunded');
    expect(lines).to.have.length(3);
    expect(lines.find((line) => line.startsWith(paid.id))).to.contain(',ada@example.com,').and.contain(',EUR,45,');
    const feeOf = majorOf(refundedPayment.fee);
    expect(lines.find((line) => line.startsWith(refundedPayment.id))).to.match(new RegExp(`,EUR,45,${feeOf},${feeOf},0,45$`));

    const earningsCsv = await downloaded(() => buttons().find((b) => b.textContent?.includes('Download earnings'))!.click());
    expect(earningsCsv.text.split('\r\n')[0]).to.equal('month,currency,gross,fees,refunds,net,payments');
    expect(earningsCsv.text).to.contain(`,EUR,90,`);
  });
});

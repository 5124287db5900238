import { html, nothing } from 'lit';
import type { EarningsMonth, SpecialistPayment, StripeStatus } from '@slotwise/sdk/contract';
import { formatAmount, formatMonth } from '../../../internal/format.js';
import { renderEarningsChart } from './earnings-chart.js';
import type { SlotwiseConsoleMoney } from './money.component.js';

/**
 * What the specialist keeps of `p` now: the amount less the fee, after refunds (each refund gives
 * back its part of the fee), so a row reads amount − fee − refunded = share. The API's
 * `specialistShare` is the share as paid, before any refund.
 */
export const shareAfterRefunds = (p: Pick<SpecialistPayment, 'specialistShare' | 'feeRefunded' | 'amountRefunded'>) => p.specialistShare + p.feeRefunded - p.amountRefunded;

/** Stripe's state in the API's own terms; test mode is labelled as moving no money. */
/** A payment's status as the specialist reads it: a succeeded one refunded says so (Stripe keeps it "succeeded"). */
function statusOf(p: { status: string; amount: number; amountRefunded: number }): string {
  if (p.status === 'succeeded' && p.amountRefunded > 0) return p.amountRefunded >= p.amount ? 'refunded' : 'partly refunded';
  return p.status.replace('_', ' ');
}

export function renderStripe(stripe: StripeStatus | undefined) {
  if (!stripe) return html`<section><h3>Payments account</h3><p>Loading…</p></section>`;
  const yes = (on: boolean) => (on ? 'yes' : 'no');
  return html`<section aria-labelledby="stripe-heading" class="stripe">
    <h3 id="stripe-heading">Payments account</h3>
    <p>${stripe.accountId ? html`Stripe account <code>${stripe.accountId}</code>` : 'No Stripe account connected yet.'}
      ${stripe.mode === 'test' ? html`<strong class="test-mode">Test mode: no money moves.</strong>` : nothing}</p>
    <ul>
      <li>Can take payments: ${yes(stripe.chargesEnabled)}</li>
      <li>Payouts enabled: ${yes(stripe.payoutsEnabled)}</li>
      <li>Details submitted: ${yes(stripe.detailsSubmitted)}</li>
    </ul>
  </section>`;
}

export function renderEarnings(host: SlotwiseConsoleMoney) {
  const months = host.earnings;
  const byCurrency = new Map<string, EarningsMonth[]>();
  for (const month of months ?? []) byCurrency.set(month.currency, [...(byCurrency.get(month.currency) ?? []), month]);
  return html`<section aria-labelledby="earnings-heading">
    <h3 id="earnings-heading">Earnings by month</h3>
    ${!months ? html`<p>Loading…</p>` : months.length === 0 ? html`<p>No payments in the last 12 months.</p>` : nothing}
    ${[...byCurrency].map(([currency, list]) => html`<figure class="earnings" data-currency=${currency}>
      <figcaption>Net, in ${currency}: what you kept after fees and refunds</figcaption>
      <div class="chart-wrap">${renderEarningsChart(currency, list, `chart-${currency}`)}</div>
      <div class="table-wrap"><table>
        <caption class="visually-hidden">Earnings in ${currency} by month</caption>
        <thead><tr><th scope="col">Month</th><th scope="col" class="num">Gross</th><th scope="col" class="num">Fees</th><th scope="col" class="num">Refunds</th><th scope="col" class="num">Net</th><th scope="col" class="num">Payments</th></tr></thead>
        <tbody>${list.map((m) => html`<tr>
          <th scope="row">${formatMonth(m.month)}</th>
          <td class="num">${formatAmount(m.gross, currency)}</td><td class="num">${formatAmount(m.fees, currency)}</td>
          <td class="num">${formatAmount(m.refunds, currency)}</td><td class="num">${formatAmount(m.net, currency)}</td><td class="num">${m.payments}</td>
        </tr>`)}</tbody>
      </table></div>
    </figure>`)}
    ${months?.length ? html`<button type="button" @click=${() => host.exportEarnings()}>Download earnings (CSV)</button>` : nothing}
  </section>`;
}

export function renderPayments(host: SlotwiseConsoleMoney) {
  const zone = host.timeZone;
  const date = new Intl.DateTimeFormat(undefined, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
  return html`<section aria-labelledby="payments-heading">
    <h3 id="payments-heading">Payments</h3>
    ${host.payments.length === 0 ? html`<p>No payments yet.</p>` : html`<div class="table-wrap"><table class="payments">
      <thead><tr><th scope="col">Date</th><th scope="col">Customer</th><th scope="col">For</th><th scope="col">Status</th>
        <th scope="col" class="num">Amount</th><th scope="col" class="num">Fee</th><th scope="col" class="num">Your share</th><th scope="col" class="num">Refunded</th></tr></thead>
      <tbody>${host.payments.map((p) => html`<tr data-id=${p.id}>
        <td>${date.format(new Date(p.createdAt))}</td>
        <td>${p.customerEmail}</td>
        <td>${p.bookingId
          ? html`<a href="#/bookings/${p.bookingId}" @click=${(e: Event) => (e.preventDefault(), host.session?.navigate(`bookings/${p.bookingId}`))}>Booking</a>`
          : p.packagePurchaseId ? 'Package' : ''}</td>
        <td>${statusOf(p)}</td>
        <td class="num">${formatAmount(p.amount, p.currency)}</td>
        <td class="num">${formatAmount(p.fee - p.feeRefunded, p.currency)}</td>
        <td class="num">${formatAmount(shareAfterRefunds(p), p.currency)}</td>
        <td class="num">${p.amountRefunded ? formatAmount(p.amountRefunded, p.currency) : '—'}</td>
      </tr>`)}</tbody>
    </table></div>`}
    <div class="actions">
      ${host.hasMore ? html`<button type="button" ?disabled=${host.busy} @click=${() => host.more()}>Load more</button>` : nothing}
      <button type="button" ?disabled=${host.busy || host.payments.length === 0} @click=${() => host.exportPayments()}>Download payments (CSV)</button>
    </div>
  </section>`;
}

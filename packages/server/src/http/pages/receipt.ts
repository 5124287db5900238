import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Receipt } from '../../services/payments/receipt.js';

/** Minor units shown in the currency's own digits (2 for EUR, 0 for JPY). */
function money(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

const when = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short',
  }).format(ms);

/**
 * A customer's receipt as a self-contained HTML page (no scripts, printable): who was paid, for
 * what, when, how much, and any refunds — every value escaped by Hono's `html` template, times in
 * the customer's zone.
 */
export function receiptPage(receipt: Receipt): HtmlEscapedString | Promise<HtmlEscapedString> {
  const { booking, payment } = receipt;
  const zone = booking.customerTimeZone;
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Receipt ${payment.id}</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
      table { width: 100%; border-collapse: collapse; } td { padding: .35rem 0; border-bottom: 1px solid #e5e7eb; } td:last-child { text-align: right; }
      .muted { color: #57606a; font-size: .9rem; }
    </style>
  </head>
  <body>
    <h1>Receipt</h1>
    <p class="muted">Receipt number ${payment.id} · paid ${when(payment.succeededAt!, zone)}</p>
    <table>
      <tr><td>Paid to</td><td>${receipt.specialistName}</td></tr>
      <tr><td>Session</td><td>${receipt.serviceName}, ${booking.durationMinutes} minutes</td></tr>
      <tr><td>When</td><td>${when(booking.startAt, zone)}</td></tr>
      <tr><td>Customer</td><td>${booking.customerName} &lt;${booking.customerEmail}&gt;</td></tr>
      <tr><td>Amount paid</td><td>${money(payment.amount, payment.currency)}</td></tr>
      ${receipt.refunds.map((r) => html`<tr><td>Refund (${r.status})</td><td>−${money(r.amount, payment.currency)}</td></tr>`)}
      <tr><td><strong>Total</strong></td><td><strong>${money(payment.amount - payment.amountRefunded, payment.currency)}</strong></td></tr>
    </table>
    <p class="muted">Booking ${booking.id}. Payments are processed by Stripe${payment.mode === 'test' ? ' — TEST MODE: no money moved' : ''}.</p>
  </body>
</html>`;
}

import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Receipt } from '../../services/payments/receipt.js';
import { money } from '../../services/mail/format.js';
import { longWhen, type PageLanguage } from './locales/index.js';

/**
 * A customer's receipt as a self-contained HTML page (no scripts, printable): who was paid, for
 * what, when, how much (the price and the promo code's part when one was applied), and any refunds — every value escaped by Hono's `html` template, times in
 * the customer's zone, words and formats in their language (`pageLanguage`: the booking's).
 */
export function receiptPage(receipt: Receipt, language: PageLanguage): HtmlEscapedString | Promise<HtmlEscapedString> {
  const { booking, payment } = receipt;
  const { lang, dir, words, mail } = language;
  const w = words.receipt;
  const zone = booking.customerTimeZone;
  const amount = (minor: number) => money(minor, payment.currency, lang);
  return html`<!doctype html>
<html lang="${lang}" dir="${dir}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${w.title(payment.id)}</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
      table { width: 100%; border-collapse: collapse; } td { padding: .35rem 0; border-bottom: 1px solid #e5e7eb; } td:last-child { text-align: end; }
      .muted { color: #57606a; font-size: .9rem; }
    </style>
  </head>
  <body>
    <h1>${w.heading}</h1>
    <p class="muted">${w.number(payment.id, longWhen(payment.succeededAt!, zone, lang))}</p>
    <table>
      <tr><td>${w.paidTo}</td><td>${receipt.specialistName}</td></tr>
      <tr><td>${mail.common.session}</td><td>${receipt.serviceName}, ${mail.common.minutes(booking.durationMinutes)}</td></tr>
      <tr><td>${mail.common.when}</td><td>${longWhen(booking.startAt, zone, lang)}</td></tr>
      <tr><td>${mail.common.customer}</td><td>${booking.customerName} &lt;${booking.customerEmail}&gt;</td></tr>
      ${booking.promoCode
        ? html`<tr><td>${w.price}</td><td>${amount(payment.amount + (booking.promoAmountOff ?? 0))}</td></tr>
            <tr><td>${w.promo(booking.promoCode)}</td><td>−${amount(booking.promoAmountOff ?? 0)}</td></tr>`
        : ''}
      <tr><td>${w.amountPaid}</td><td>${amount(payment.amount)}</td></tr>
      ${receipt.refunds.map((r) => html`<tr><td>${w.refund(r.status)}</td><td>−${amount(r.amount)}</td></tr>`)}
      <tr><td><strong>${w.total}</strong></td><td><strong>${amount(payment.amount - payment.amountRefunded)}</strong></td></tr>
    </table>
    <p class="muted">${w.footer(booking.id)} ${payment.mode === 'test' ? w.testMode : w.byStripe}</p>
  </body>
</html>`;
}

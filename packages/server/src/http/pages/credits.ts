import type { CreditBalance } from '@slotwise/sdk/contract';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

const when = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(Date.parse(iso));

const credits = (n: number) => (n === 1 ? '1 credit' : `${n} credits`);

/**
 * A package's credits as the customer reads them from an email's link: what is left of each lot
 * and until when (in the zone they bought in), and the code that books with a credit. No scripts;
 * every value escaped by Hono's `html` template.
 */
export function creditsPage(balance: CreditBalance, timeZone: string, code: string): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Your credits with ${balance.specialist.name}</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
      table { width: 100%; border-collapse: collapse; } td { padding: .35rem 0; border-bottom: 1px solid #e5e7eb; vertical-align: top; } td:last-child { text-align: right; }
      code { word-break: break-all; background: #f3f4f6; padding: .1rem .3rem; border-radius: 4px; }
      .muted { color: #57606a; font-size: .9rem; }
    </style>
  </head>
  <body>
    <h1>Your credits with ${balance.specialist.name}</h1>
    <p><strong>${balance.total > 0 ? `${credits(balance.total)} to spend` : 'No credits left to spend'}</strong></p>
    <table>
      ${balance.lots.map(
        (lot) => html`<tr><td>${lot.package.name}</td><td>${lot.expired ? html`expired ${when(lot.expiresAt, timeZone)}` : html`${credits(lot.remaining)} left, until ${when(lot.expiresAt, timeZone)}`}</td></tr>`,
      )}
    </table>
    ${balance.total > 0 ? html`<p>To book with a credit, give your credits code where ${balance.specialist.name} takes bookings:</p><p><code>${code}</code></p>` : ''}
    <p class="muted">Keep this page’s address to yourself: it shows your code, and the code spends your credits. Credits that expire cannot be spent.</p>
  </body>
</html>`;
}

import type { CreditBalance } from '@slotwise/sdk/contract';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { longWhen, type PageLanguage } from './locales/index.js';

/**
 * A package's credits as the customer reads them from an email's link: what is left of each lot
 * and until when (in the zone they bought in), and the code that books with a credit — in their
 * language (`pageLanguage`: the purchase's). No scripts; every value escaped by Hono's `html` template.
 */
export function creditsPage(balance: CreditBalance, timeZone: string, code: string, language: PageLanguage): HtmlEscapedString | Promise<HtmlEscapedString> {
  const { lang, dir, words, mail } = language;
  const w = words.credits;
  const when = (iso: string) => longWhen(Date.parse(iso), timeZone, lang);
  const credits = mail.package.credits;
  return html`<!doctype html>
<html lang="${lang}" dir="${dir}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${w.title(balance.specialist.name)}</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
      table { width: 100%; border-collapse: collapse; } td { padding: .35rem 0; border-bottom: 1px solid #e5e7eb; vertical-align: top; } td:last-child { text-align: end; }
      code { word-break: break-all; background: #f3f4f6; padding: .1rem .3rem; border-radius: 4px; }
      .muted { color: #57606a; font-size: .9rem; }
    </style>
  </head>
  <body>
    <h1>${w.title(balance.specialist.name)}</h1>
    <p><strong>${balance.total > 0 ? w.toSpend(credits(balance.total)) : w.none}</strong></p>
    <table>
      ${balance.lots.map(
        (lot) => html`<tr><td>${lot.package.name}</td><td>${lot.expired ? w.expired(when(lot.expiresAt)) : w.left(credits(lot.remaining), when(lot.expiresAt))}</td></tr>`,
      )}
    </table>
    ${balance.total > 0 ? html`<p>${w.howTo(balance.specialist.name)}</p><p><code dir="ltr">${code}</code></p>` : ''}
    <p class="muted">${w.keep}</p>
  </body>
</html>`;
}

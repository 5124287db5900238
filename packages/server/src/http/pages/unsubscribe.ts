import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { UnsubscribeView } from '../../services/mail/opt-outs.js';
import type { PageLanguage } from './locales/index.js';

const page = ({ lang, dir }: PageLanguage, title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) => html`<!doctype html>
<html lang="${lang}" dir="${dir}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <style>
      body { font-family: system-ui, sans-serif; max-width: 34rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2933; }
      button { font: inherit; padding: 0.6rem 1rem; border-radius: 6px; border: 1px solid #3a5bd9; background: #3a5bd9; color: #fff; cursor: pointer; }
      button.secondary { background: #fff; color: #3a5bd9; }
      p.muted { color: #616e7c; font-size: 0.9rem; }
    </style>
  </head>
  <body>
    <h1>${title}</h1>
    ${body}
  </body>
</html>`;

/**
 * The page an unsubscribe link opens: it asks first — a link scanner that fetches every URL of an
 * email must not unsubscribe anyone (RFC 8058: only a POST does) — and offers to stop one kind or
 * every optional email from that specialist. Values escaped by Hono's `html`; words in the
 * reader's language (`pageLanguage`: the browser's — the link names no booking).
 */
export function unsubscribeAskPage(view: UnsubscribeView, action: string, language: PageLanguage) {
  const s = language.mail.unsubscribePage;
  const what = s.kinds[view.kind] ?? s.kinds['*']!;
  if (view.done) return page(language, s.title, html`<p>${s.done(what, view.from)}</p><p class="muted">${s.transactional}</p>`);
  return page(
    language,
    s.title,
    html`<p>${s.ask(what, view.from)}</p>
      <form method="post" action="${action}"><button type="submit">${s.confirm}</button></form>
      ${view.kind === '*' ? '' : html`<form method="post" action="${action}"><input type="hidden" name="scope" value="all" /><p><button type="submit" class="secondary">${s.everything(view.from)}</button></p></form>`}
      <p class="muted">${s.transactional}</p>`,
  );
}

export function unsubscribeDonePage(view: UnsubscribeView, language: PageLanguage) {
  const s = language.mail.unsubscribePage;
  const body = view.kind === '*' ? s.doneAll(view.from) : s.done(s.kinds[view.kind] ?? s.kinds['*']!, view.from);
  return page(language, s.title, html`<p>${body}</p><p class="muted">${s.transactional}</p>`);
}

export function unsubscribeInvalidPage(language: PageLanguage) {
  const s = language.mail.unsubscribePage;
  return page(language, s.title, html`<p>${s.invalid}</p>`);
}

import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { MailboxMessage } from '../../providers/mail/mailbox.js';

/**
 * The demo's mailbox as a page a person reads: newest first, each message with its headers, its
 * HTML rendered in a sandboxed iframe (`srcdoc`, no scripts, no same origin — a message's markup
 * never runs in this page), its plain text, and its attachments to download. Every value is
 * escaped by Hono's `html`; the iframe's `srcdoc` is an escaped attribute.
 */
export function mailboxPage(messages: readonly MailboxMessage[]): HtmlEscapedString | Promise<HtmlEscapedString> {
  const newest = [...messages].reverse();
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Mailbox (${messages.length}) — Slotwise demo</title>
    <style>
      body { font-family: system-ui, sans-serif; margin: 0; color: #1f2933; background: #f5f7fa; }
      header { padding: 1rem 1.5rem; background: #fff; border-bottom: 1px solid #e4e7eb; }
      header p { margin: 0.25rem 0 0; color: #616e7c; }
      main { padding: 1rem 1.5rem; max-width: 60rem; }
      nav ol { padding-left: 1.25rem; }
      article { background: #fff; border: 1px solid #e4e7eb; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
      article h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 0.75rem; font-size: 0.9rem; }
      dt { color: #616e7c; }
      dd { margin: 0; word-break: break-all; }
      iframe { width: 100%; height: 34rem; border: 1px solid #e4e7eb; border-radius: 6px; background: #fff; }
      pre { white-space: pre-wrap; background: #f5f7fa; padding: 0.75rem; border-radius: 6px; font-size: 0.85rem; }
      .empty { color: #616e7c; }
    </style>
  </head>
  <body>
    <header>
      <h1>Mailbox</h1>
      <p>Every email the demo server sent, received by a local SMTP server on 127.0.0.1 — nothing leaves this machine. Reload to see new ones. JSON: <a href="/dev/mailbox/messages">/dev/mailbox/messages</a></p>
    </header>
    <main>
      ${newest.length === 0
        ? html`<p class="empty">No messages yet. Book a session on <a href="/">the demo page</a>; its confirmation arrives here within seconds.</p>`
        : html`<nav aria-label="Messages"><ol reversed>${newest.map((m) => html`<li><a href="#${m.id}">${m.subject}</a> — ${m.to.join(', ')}</li>`)}</ol></nav>
          ${newest.map((m) => message(m))}`}
    </main>
  </body>
</html>`;
}

function message(m: MailboxMessage) {
  return html`<article id="${m.id}">
    <h2>${m.subject}</h2>
    <dl>
      <dt>From</dt><dd>${m.from}</dd>
      <dt>To</dt><dd>${m.to.join(', ')}</dd>
      <dt>Date</dt><dd>${m.date}</dd>
      <dt>Message-ID</dt><dd>${m.messageId}</dd>
      ${Object.entries(m.headers)
        .filter(([key]) => /^(reply-to|list-unsubscribe|list-unsubscribe-post)$/i.test(key))
        .map(([key, value]) => html`<dt>${key}</dt><dd>${value}</dd>`)}
      <dt>Attachments</dt>
      <dd>${m.attachments.length === 0
        ? 'none'
        : m.attachments.map((a, i) => html`<a href="/dev/mailbox/messages/${m.id}/attachments/${String(i)}" download="${a.filename}">${a.filename}</a> (${a.contentType}${a.params.method ? `; method=${a.params.method}` : ''})${raw(i < m.attachments.length - 1 ? ', ' : '')}`)}</dd>
    </dl>
    ${m.html ? html`<iframe title="${m.subject}" sandbox="" referrerpolicy="no-referrer" srcdoc="${m.html}"></iframe>` : ''}
    <details${m.html ? '' : raw(' open')}><summary>Plain text</summary><pre>${m.text}</pre></details>
  </article>`;
}

/** The JSON form of a message: what tests and scripts read. */
export const mailboxJson = (m: MailboxMessage) => ({
  id: m.id,
  messageId: m.messageId,
  from: m.from,
  to: m.to,
  subject: m.subject,
  date: m.date,
  text: m.text,
  html: m.html,
  headers: m.headers,
  attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.params.method ? `${a.contentType}; method=${a.params.method}` : a.contentType, content: a.content.toString('base64') })),
});

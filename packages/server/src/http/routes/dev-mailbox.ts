import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Mailbox } from '../../providers/mail/mailbox.js';
import { mailboxJson, mailboxPage } from '../pages/dev-mailbox.js';

/** Inline styles only; messages render in sandboxed `srcdoc` frames; nothing else loads. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self' about:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The demo's local mailbox over HTTP — mounted by `demo.ts` only, never by the API:
 * `GET /dev/mailbox` (a page a person reads), `GET /dev/mailbox/messages` (JSON, oldest first:
 * `id, from, to, subject, date, text, html, attachments: [{ filename, contentType, content }]`
 * with base64 content) and `GET /dev/mailbox/messages/:id/attachments/:index` (a download).
 */
export function devMailboxRoutes(mailbox: Pick<Mailbox, 'messages'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/dev/mailbox', (c) => {
    c.header('cache-control', 'no-store');
    c.header('x-content-type-options', 'nosniff');
    c.header('content-security-policy', CSP);
    c.header('referrer-policy', 'no-referrer');
    return c.html(mailboxPage(mailbox.messages()));
  });
  app.get('/dev/mailbox/messages', (c) => {
    c.header('cache-control', 'no-store');
    return c.json(mailbox.messages().map(mailboxJson));
  });
  app.get('/dev/mailbox/messages/:id/attachments/:index', (c) => {
    const message = mailbox.messages().find((m) => m.id === c.req.param('id'));
    const attachment = message?.attachments[Number(c.req.param('index'))];
    if (!attachment) return c.json({ title: 'No such attachment' }, 404);
    const filename = attachment.filename.replace(/[^\w.-]+/g, '_') || 'attachment';
    return c.body(new Uint8Array(attachment.content), 200, {
      'content-type': attachment.contentType === 'text/calendar' || attachment.contentType === 'application/ics' ? 'text/calendar; charset=utf-8' : 'application/octet-stream',
      'content-disposition': `attachment; filename="${filename}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
  });
  return app;
}

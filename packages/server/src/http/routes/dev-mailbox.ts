import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Mailbox } from '../../providers/mail/mailbox.js';
import { mailboxJson, mailboxPage } from '../pages/dev-mailbox.js';

/** Inline styles only; messages render in sandboxed `srcdoc` frames; nothing else loads. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self' about:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const LOOPBACK_NAME = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
const LOOPBACK_PEER = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/;

/**
 * Lets through a request from this machine that names it as the host. The peer check keeps out
 * another machine when the demo listens on every interface (`HOST=0.0.0.0`); the host check keeps
 * out a web page that rebinds its own name to 127.0.0.1 (DNS rebinding), whose requests carry its
 * name. Anything else gets a 403 saying where the mailbox is.
 */
const onlyThisMachine: MiddlewareHandler<AppEnv> = async (c, next) => {
  const peer = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  const host = new URL(c.req.url).hostname;
  if (LOOPBACK_NAME.test(host) && (peer === undefined || LOOPBACK_PEER.test(peer))) return next();
  c.header('cache-control', 'no-store');
  return c.json(
    { title: 'Only on this machine', status: 403, detail: 'The demo mailbox shows every email the demo sent, reset links included, so it answers only at http://127.0.0.1:<port>/dev/mailbox or http://localhost:<port>/dev/mailbox on the machine running the demo.' },
    403,
    { 'content-type': 'application/problem+json' },
  );
};

/**
 * The demo's local mailbox over HTTP — mounted by `demo.ts` only, never by the API:
 * `GET /dev/mailbox` (a page a person reads), `GET /dev/mailbox/messages` (JSON, oldest first:
 * `id, from, to, subject, date, text, html, attachments: [{ filename, contentType, content }]`
 * with base64 content) and `GET /dev/mailbox/messages/:id/attachments/:index` (a download).
 */
export function devMailboxRoutes(mailbox: Pick<Mailbox, 'messages'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Every email is here, password-reset links and manage tokens included: only for this machine.
  app.use('/dev/mailbox', onlyThisMachine);
  app.use('/dev/mailbox/*', onlyThisMachine);
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

import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../app-env.js';
import { startMailbox, type Mailbox } from '../../providers/mail/mailbox.js';
import { smtpMail } from '../../providers/mail/smtp.js';
import { devMailboxRoutes } from './dev-mailbox.js';

// The demo's mailbox over HTTP, fed by real SMTP: what a person reads at /dev/mailbox and what a
// script reads at /dev/mailbox/messages.

let mailbox: Mailbox;
let app: Hono<AppEnv>;
beforeEach(async () => {
  mailbox = await startMailbox();
  app = new Hono<AppEnv>().route('/', devMailboxRoutes(mailbox));
  await smtpMail({ url: mailbox.url, ignoreTLS: true }).send({
    messageId: '<m1@slotwise.test>',
    from: 'Slotwise <bookings@slotwise.test>',
    to: 'grace@example.com',
    subject: 'Confirmed: <Intro> & more',
    text: 'You are booked.',
    html: '<p>You are booked.</p><script>parent.document.title = "pwned"</script>',
    calendar: { method: 'REQUEST', content: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n' },
  });
});
afterEach(() => mailbox.close());

describe('/dev/mailbox', () => {
  it('lists the messages as JSON with their bodies and base64 attachments', async () => {
    const res = await app.request('/dev/mailbox/messages');
    expect(res.status).toBe(200);
    const [message] = (await res.json()) as Record<string, unknown>[];
    expect(message).toMatchObject({ id: 'm1', from: expect.stringContaining('bookings@slotwise.test'), to: ['grace@example.com'], subject: 'Confirmed: <Intro> & more', text: expect.stringContaining('You are booked.'), html: expect.stringContaining('<p>You are booked.</p>'), date: expect.any(String) });
    const attachments = message!.attachments as { filename: string; contentType: string; content: string }[];
    expect(attachments.map((a) => a.contentType)).toEqual(['text/calendar; method=REQUEST', 'application/ics']);
    expect(Buffer.from(attachments[0]!.content, 'base64').toString()).toContain('METHOD:REQUEST');
  });

  it('renders each message’s HTML only inside a sandboxed srcdoc frame, escaped, never into the page', async () => {
    const res = await app.request('/dev/mailbox');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).not.toContain('<script>');
    expect(page).toContain('sandbox=""');
    expect(page).toContain('srcdoc="&lt;p&gt;You are booked.&lt;/p&gt;&lt;script&gt;');
    expect(page).toContain('Confirmed: &lt;Intro&gt; &amp; more');
    expect(page).toContain('href="/dev/mailbox/messages/m1/attachments/0"');
  });

  it('serves attachments as downloads', async () => {
    const res = await app.request('/dev/mailbox/messages/m1/attachments/0');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="invite.ics"');
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await res.text()).toContain('BEGIN:VCALENDAR');
    expect((await app.request('/dev/mailbox/messages/m9/attachments/0')).status).toBe(404);
  });

  describe('answers only on this machine: every reset link and manage token is in it', () => {
    /** A GET over real HTTP to the routes served on 127.0.0.1, with `host` as the Host header. */
    async function get(path: string, host?: string): Promise<{ status: number; body: string }> {
      const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      try {
        return await new Promise((resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port, path, headers: host ? { host } : {} }, (res) => {
            let body = '';
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode!, body }));
          });
          req.on('error', reject).end();
        });
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    }

    it('serves 127.0.0.1 and localhost', async () => {
      expect((await get('/dev/mailbox/messages')).status).toBe(200);
      expect((await get('/dev/mailbox/messages', 'localhost:8787')).status).toBe(200);
    });

    it('refuses a page that rebound its own name to 127.0.0.1, on every mailbox path, saying where to look', async () => {
      for (const path of ['/dev/mailbox', '/dev/mailbox/messages', '/dev/mailbox/messages/m1/attachments/0']) {
        const res = await get(path, 'attacker-rebind.example:8787');
        expect(res.status).toBe(403);
        expect(res.body).not.toContain('You are booked');
        expect(JSON.parse(res.body).detail).toContain('only at http://127.0.0.1:<port>/dev/mailbox');
      }
    });

    it('refuses another machine, whatever host it names (the demo listening on every interface)', async () => {
      const res = await app.request('http://localhost:8787/dev/mailbox/messages', {}, { incoming: { socket: { remoteAddress: '192.168.1.23' } } });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    });
  });
});

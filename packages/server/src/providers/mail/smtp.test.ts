import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { runMailTransportCases, type Arrived } from './mail.case.js';
import { startMailbox, type MailboxMessage } from './mailbox.js';
import { smtpMail } from './smtp.js';

/** A TCP server that takes connections and never says a word (no SMTP greeting). */
async function silentServer(): Promise<Server> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const arrived = (m: MailboxMessage): Arrived => ({
  messageId: m.messageId,
  from: m.from,
  to: m.to.join(', '),
  subject: m.subject,
  text: m.text,
  html: m.html ?? '',
  headers: Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k.toLowerCase(), v])),
  calendars: m.attachments
    .filter((a) => a.contentType === 'text/calendar' || a.contentType === 'application/ics')
    .map((a) => ({ method: a.params.method?.toUpperCase(), content: a.content.toString('utf8') })),
  attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content.toString('utf8') })),
});

runMailTransportCases('SMTP (nodemailer → smtp-server on 127.0.0.1)', async () => {
  const refused = new Set<string>();
  let failures = 0;
  const mailbox = await startMailbox({ refuse: (a) => refused.has(a), failTemporarily: () => failures-- > 0 });
  const silent = await silentServer();
  let transport = smtpMail({ url: mailbox.url, ignoreTLS: true, timeoutMs: 500 });
  return {
    get transport() {
      return transport;
    },
    arrived: async () => mailbox.messages().map(arrived),
    refuse: (address) => void refused.add(address),
    failOnce: () => void (failures = 1),
    hang: () => void (transport = smtpMail({ url: `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`, ignoreTLS: true, timeoutMs: 300 })),
    async unreachable() {
      const gone = await silentServer();
      const { port } = gone.address() as AddressInfo;
      await new Promise((resolve) => gone.close(resolve));
      return smtpMail({ url: `smtp://127.0.0.1:${port}`, ignoreTLS: true, timeoutMs: 500 });
    },
    async close() {
      await mailbox.close();
      await new Promise((resolve) => silent.close(resolve));
    },
  };
});

import { startMailbox, type Mailbox, type MailboxMessage } from '../providers/mail/mailbox.js';
import { smtpMail } from '../providers/mail/smtp.js';
import { testApp, type TestAppOptions } from './test-app.js';

export const LINKS = { api: 'https://api.slotwise.test', manage: 'https://coach.example/book' };

/**
 * A test app whose mail goes over real SMTP (nodemailer) into a real SMTP server on 127.0.0.1
 * (the local mailbox), with links pointing at `LINKS`. Background deliveries run as in
 * production; `settle()` waits for them and answers what the mailbox holds.
 */
export async function mailTestApp(options: TestAppOptions = {}) {
  const mailbox: Mailbox = await startMailbox();
  const t = await testApp({ mail: smtpMail({ url: mailbox.url, ignoreTLS: true, timeoutMs: 5000 }), mailFrom: 'Slotwise <bookings@slotwise.test>', links: LINKS, ...options });
  const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'Asia/Tokyo' };
  return {
    ...t,
    mailbox,
    customer,
    /** Waits for every delivery under way, then answers the mailbox's messages. */
    async settle(): Promise<MailboxMessage[]> {
      await t.app.deliveries.idle();
      return mailbox.messages();
    },
    /** Books the free intro call at `start` (ISO) for `who`. */
    async book(start: string, who: { name: string; email: string; timeZone: string } = customer, extra: Record<string, unknown> = {}) {
      const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: who, ...extra } });
      if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { booking: { id: string; start: string; end: string }; manageToken: string; notifications?: { email: string } };
    },
    /** The messages to `address`, oldest first. */
    to: (address: string) => mailbox.messages().filter((m) => m.to.includes(address)),
    async closeAll() {
      await t.app.deliveries.idle();
      t.close();
      await mailbox.close();
    },
  };
}

export type MailTestApp = Awaited<ReturnType<typeof mailTestApp>>;

/** The calendar parts of a message (nodemailer sends the invite inline and as a file). */
export const calendarsOf = (m: MailboxMessage) => m.attachments.filter((a) => a.contentType === 'text/calendar' || a.contentType === 'application/ics').map((a) => a.content.toString('utf8'));

/** Links of a message's text body. */
export const linksOf = (m: MailboxMessage) => [...m.text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((x) => x[0]);

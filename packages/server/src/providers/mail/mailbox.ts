import type { AddressInfo } from 'node:net';
import type { AddressObject } from 'mailparser';

/** One message the mailbox received, parsed. */
export interface MailboxMessage {
  /** The mailbox's own id (`m1`, `m2`, …), in arrival order. */
  id: string;
  /** The Message-ID header as sent (`<…>`). */
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  /** ISO instant it arrived. */
  date: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  /** Every non-body part: `params` are its Content-Type parameters (`method` of a calendar part). */
  attachments: { filename: string; contentType: string; params: Record<string, string>; content: Buffer }[];
  /** The raw message as received (RFC 5322). */
  raw: Buffer;
}

export interface MailboxOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Refuse these recipients with `550` (tests: a permanent refusal). */
  refuse?: (address: string) => boolean;
  /** Answer the message with `451` (tests: a temporary failure) while this returns true. */
  failTemporarily?: () => boolean;
  /** Keep at most this many messages, dropping the oldest (a demo left running). @default 1000 */
  limit?: number;
}

export interface Mailbox {
  /** `smtp://127.0.0.1:<port>`: give it to `smtpMail({ url, ignoreTLS: true })`. */
  url: string;
  port: number;
  /** What arrived, oldest first. */
  messages(): MailboxMessage[];
  /** Resolves once `count` messages (or one matching `until`) arrived; rejects after `timeoutMs`. */
  waitFor(until: number | ((messages: MailboxMessage[]) => boolean), timeoutMs?: number): Promise<MailboxMessage[]>;
  clear(): void;
  close(): Promise<void>;
}

const addresses = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);

/** mailparser keeps a part's Content-Type as `{ value, params }`. */
const contentTypeParams = (header: unknown): Record<string, string> =>
  header && typeof header === 'object' && 'params' in header ? { ...(header as { params: Record<string, string> }).params } : {};

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives in memory, parsed — the demo's
 * local mailbox (`GET /dev/mailbox`) and the tests' sink. No TLS and no login: it listens on
 * loopback only, for development. Its SMTP server and MIME parser are imported here, on start:
 * the production server (`main.ts`) never starts a mailbox, and they are a third of a second of
 * CPU to load.
 */
export async function startMailbox(options: MailboxOptions = {}): Promise<Mailbox> {
  const [{ simpleParser }, { SMTPServer }] = await Promise.all([import('mailparser'), import('smtp-server')]);
  const received: MailboxMessage[] = [];
  const waiters = new Set<() => void>();
  let next = 1;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 25 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        const error = Object.assign(new Error('5.1.1 Mailbox unavailable: no such user here'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.failTemporarily?.()) {
          callback(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const headers: Record<string, string> = {};
            for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
            received.push({
              id: `m${next++}`,
              messageId: parsed.messageId ?? '',
              from: parsed.from?.text ?? '',
              to: addresses(parsed.to).length > 0 ? addresses(parsed.to) : session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              date: new Date().toISOString(),
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              headers,
              attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? (a.contentType === 'text/calendar' ? 'invite.ics' : 'attachment'), contentType: a.contentType, params: contentTypeParams(a.headers.get('content-type')), content: a.content })),
              raw,
            });
            if (received.length > (options.limit ?? 1000)) received.splice(0, received.length - (options.limit ?? 1000));
            for (const wake of waiters) wake();
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined); // a client that drops mid-message is not the mailbox's failure
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    messages: () => [...received],
    waitFor(until, timeoutMs = 10_000) {
      const done = () => (typeof until === 'number' ? received.length >= until : until(received));
      if (done()) return Promise.resolve([...received]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`The mailbox has ${received.length} message(s) after ${timeoutMs} ms: ${received.map((m) => m.subject).join(' | ')}`));
        }, timeoutMs);
        const check = () => {
          if (!done()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...received]);
        };
        waiters.add(check);
      });
    },
    clear: () => void received.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

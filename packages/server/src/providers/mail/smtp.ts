import type { Transporter } from 'nodemailer';
import { DeliveryFailure } from '../../services/delivery/channel.js';
import type { MailTransport, OutgoingMail } from '../../services/mail/port.js';
import { redactAddresses } from './redact.js';

export interface SmtpOptions {
  /**
   * `smtps://user:pass@host:465` (TLS from the start), `smtp://user:pass@host:587` (STARTTLS when
   * the server offers it) or `smtp://127.0.0.1:2525` — user and password percent-encoded.
   * `?requireTLS=true` refuses to send unencrypted.
   */
  url: string;
  /** Plain SMTP, never upgraded with STARTTLS: the local mailbox on 127.0.0.1 only. @default false */
  ignoreTLS?: boolean;
  /**
   * Bound on each stage of a send (connecting, the greeting, each answer), in ms. A send must end
   * well inside the dispatcher's lease (2 minutes), or another process could take the delivery
   * over while this one still sends it. @default 15000
   */
  timeoutMs?: number;
}

/** What nodemailer's errors carry: its own `code`, and the server's reply code when it answered. */
interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  command?: string;
}

/**
 * Turns an SMTP failure into the dispatcher's terms. A 5xx answer to the recipient or the message
 * (`550 no such user`, `552 too big`, `554 rejected`) is final; a 4xx answer, a dropped
 * connection, a timeout, TLS trouble or a refused login (a configuration fixed later) is retried.
 */
export function smtpFailure(error: unknown): DeliveryFailure {
  const e = error as SmtpError;
  const permanent = (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') && (e.responseCode ?? 0) >= 500;
  const what = e.responseCode ? `SMTP ${e.responseCode}${e.command ? ` after ${e.command}` : ''}` : `SMTP ${e.code ?? 'error'}`;
  // The server's words often quote the address; neither logs nor `lastError` may carry it.
  return new DeliveryFailure(`${what}: ${redactAddresses(e.message)}`, { retryable: !permanent });
}

/** Parses an SMTP URL into nodemailer's options (no credentials left in any string it logs). */
export function smtpConfig(options: SmtpOptions) {
  const url = new URL(options.url);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`SMTP_URL must start with smtp:// or smtps://; got "${url.protocol}//…".`);
  const secure = url.protocol === 'smtps:';
  const flag = (name: string) => ['1', 'true', 'yes'].includes((url.searchParams.get(name) ?? '').toLowerCase());
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ignoreTLS: options.ignoreTLS ?? false,
    requireTLS: flag('requireTLS'),
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: options.timeoutMs ?? 15_000,
    greetingTimeout: options.timeoutMs ?? 15_000,
    socketTimeout: options.timeoutMs ?? 15_000,
  };
}

/**
 * Mail over SMTP with nodemailer (Node only: it needs sockets). The message keeps the Message-ID
 * it is given, so a retry of one delivery is the same message to the receiving server. A calendar
 * invite goes through nodemailer's `icalEvent`, which adds both the inline
 * `text/calendar; method=…` part mail clients show as an invitation and an `invite.ics`
 * attachment — nothing else adds a third copy.
 *
 * @example
 * const mail = smtpMail({ url: 'smtps://apikey:secret@smtp.example.com:465' });
 * const local = smtpMail({ url: mailbox.url, ignoreTLS: true }); // the development mailbox
 */
export function smtpMail(options: SmtpOptions): MailTransport {
  const config = smtpConfig(options); // a bad URL is refused here, at start
  // nodemailer is imported with the first message: a server that sends none never loads it.
  let transporter: Promise<Transporter> | undefined;
  const transport = () => (transporter ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(config)));
  return {
    name: 'smtp',
    async send(message: OutgoingMail) {
      let info;
      try {
        info = await (await transport()).sendMail(toNodemailer(message));
      } catch (error) {
        throw smtpFailure(error);
      }
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) throw new DeliveryFailure(redactAddresses(`SMTP refused the recipient: ${info.response ?? ''}`.trim()), { retryable: false });
      return { providerId: info.messageId ?? message.messageId };
    },
  };
}

function toNodemailer(message: OutgoingMail) {
  return {
    messageId: message.messageId,
    from: message.from,
    to: message.to,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(message.headers ? { headers: message.headers } : {}),
    ...(message.calendar ? { icalEvent: { method: message.calendar.method, filename: 'invite.ics', content: message.calendar.content } } : {}),
    ...(message.attachments?.length
      ? { attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: typeof a.content === 'string' ? a.content : Buffer.from(a.content) })) }
      : {}),
  };
}

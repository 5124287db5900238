import { DeliveryFailure } from '../../services/delivery/channel.js';
import type { MailTransport, OutgoingMail } from '../../services/mail/port.js';
import { redactAddresses } from './redact.js';

export interface PostmarkOptions {
  /** The server's API token (`X-Postmark-Server-Token`). */
  serverToken: string;
  /** Postmark's message stream. @default 'outbound' (the default transactional stream) */
  messageStream?: string;
  /** @default 'https://api.postmarkapp.com' (tests point it at the fake) */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** A call that takes longer fails the attempt (retried later). @default 15000 */
  timeoutMs?: number;
}

/** Postmark's `ErrorCode`s that say this recipient or message will never be accepted as it is. */
const REFUSALS = new Set([
  300, // invalid email request (a malformed address, no recipient)
  406, // inactive recipient (hard bounce, spam complaint, unsubscribed)
  411, // forbidden attachment type
]);

const encoder = new TextEncoder();
/** Base64 of UTF-8 text or bytes, without Node's Buffer (so it runs on the edge). */
function base64(content: string | Uint8Array): string {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Sends through Postmark's Email API (`POST /email`, JSON, `X-Postmark-Server-Token`) with
 * `fetch`, so it runs on Node and on the edge. Our Message-ID goes as a header, so a retry of the
 * same delivery is recognisable downstream. A calendar invite is an `invite.ics` attachment of
 * type `text/calendar; method=…`. Failures map to `DeliveryFailure`: a refused recipient or
 * message (422 with ErrorCode 300, 406, 411) is final; 5xx, 429, a timeout or a network error are
 * retried, and so is 401 (a token an operator can fix while the messages wait).
 *
 * @example
 * const mail = postmarkMail({ serverToken: process.env.POSTMARK_SERVER_TOKEN! });
 */
export function postmarkMail(options: PostmarkOptions): MailTransport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const endpoint = `${(options.baseUrl ?? 'https://api.postmarkapp.com').replace(/\/$/, '')}/email`;
  const timeout = options.timeoutMs ?? 15_000;
  return {
    name: 'postmark',
    async send(message: OutgoingMail) {
      const attachments = (message.attachments ?? []).map((a) => ({ Name: a.filename, Content: base64(a.content), ContentType: a.contentType }));
      if (message.calendar) {
        attachments.unshift({ Name: 'invite.ics', Content: base64(message.calendar.content), ContentType: `text/calendar; charset=utf-8; method=${message.calendar.method}` });
      }
      const body = {
        From: message.from,
        To: message.to,
        ...(message.replyTo ? { ReplyTo: message.replyTo } : {}),
        Subject: message.subject,
        HtmlBody: message.html,
        TextBody: message.text,
        Headers: [{ Name: 'Message-ID', Value: message.messageId }, ...Object.entries(message.headers ?? {}).map(([Name, Value]) => ({ Name, Value }))],
        ...(attachments.length > 0 ? { Attachments: attachments } : {}),
        MessageStream: options.messageStream ?? 'outbound',
      };
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/json', 'x-postmark-server-token': options.serverToken },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeout),
        });
      } catch (error) {
        throw new DeliveryFailure(`Postmark did not answer: ${error instanceof Error ? error.message : String(error)}`, { retryable: true, cause: error });
      }
      const answer = (await response.json().catch(() => ({}))) as { ErrorCode?: number; Message?: string; MessageID?: string };
      if (response.ok && (answer.ErrorCode ?? 0) === 0) return answer.MessageID ? { providerId: answer.MessageID } : {};
      const what = `Postmark ${response.status}${answer.ErrorCode === undefined ? '' : ` (ErrorCode ${answer.ErrorCode})`}: ${redactAddresses(answer.Message ?? response.statusText)}`;
      const refused = response.status === 422 && REFUSALS.has(answer.ErrorCode ?? -1);
      const retryable = !refused && (response.status >= 500 || response.status === 429 || response.status === 401 || response.status === 408);
      throw new DeliveryFailure(what, { retryable });
    },
  };
}

import { DeliveryFailure } from '../../services/delivery/channel.js';
import type { SmsMessage, SmsReceipt, SmsTransport } from '../../services/sms/port.js';

export interface TwilioOptions {
  /** `AC…`: the account, and the user name of HTTP Basic auth. */
  accountSid: string;
  /** The account's auth token: the password of HTTP Basic auth. */
  authToken: string;
  /**
   * Who the texts come from: one of the account's phone numbers (E.164), an alphanumeric sender
   * id (`Slotwise`, where the destination country allows one), or a Messaging Service (`MG…`).
   */
  from: string;
  /** A Twilio-compatible API elsewhere (e.g. SignalWire's), or a fake in tests. @default 'https://api.twilio.com' */
  baseUrl?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Milliseconds before a request is given up (and retried later). @default 10000 */
  timeoutMs?: number;
}

/** A sender that is a Messaging Service rather than a number or an id. */
const MESSAGING_SERVICE = /^MG[0-9a-fA-F]{32}$/;
/** Twilio's error for a recipient who replied STOP. */
const UNSUBSCRIBED = 21610;

/** Digits of phone numbers hidden in provider messages, which are logged: `+4917…` → `+49…67`. */
export const maskNumbers = (text: string) => text.replace(/\+?\d[\d ]{5,}\d/g, (n) => `${n.slice(0, 3)}…${n.slice(-2)}`);

interface TwilioErrorBody {
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
}

/**
 * Text messages through Twilio's Messages API (`POST /2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * form-encoded `To`, `From` or `MessagingServiceSid`, `Body`; HTTP Basic `AccountSid:AuthToken`),
 * with fetch only, so it runs on Node and on edge runtimes alike. A `429` or a `5xx` (and a network
 * failure) is retried later; any other refusal is final — except an opted-out recipient, which is
 * answered as such, not as a failure.
 *
 * Twilio takes no idempotency key, so a retry (`retrySince`) first lists the messages sent to the
 * number since then and, if this very text is among them, answers that one instead of sending it
 * twice: an answer lost on the way back never makes a second text.
 *
 * @example
 * const sms = twilioSms({ accountSid: 'AC…', authToken: '…', from: '+14155552671' });
 */
export function twilioSms(options: TwilioOptions): SmsTransport {
  const base = `${(options.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}`;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const authorization = `Basic ${btoa(`${options.accountSid}:${options.authToken}`)}`;
  const sender: Record<string, string> = MESSAGING_SERVICE.test(options.from) ? { MessagingServiceSid: options.from } : { From: options.from };

  async function call(method: 'GET' | 'POST', url: string, form?: URLSearchParams): Promise<{ status: number; body: Record<string, unknown> }> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: { authorization, accept: 'application/json', ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        ...(form ? { body: form.toString() } : {}),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new DeliveryFailure(`Twilio could not be reached: ${(error as Error).message}`, { retryable: true, cause: error });
    }
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // A proxy's HTML page, say: judged by its status below.
    }
    return { status: response.status, body };
  }

  const refusal = (status: number, body: TwilioErrorBody) =>
    new DeliveryFailure(`Twilio answered ${status}${body.code ? ` (error ${body.code})` : ''}: ${maskNumbers(body.message ?? 'no error message')}`, {
      retryable: status === 429 || status >= 500,
    });

  /** The message already sent to `to` with `body` since `since`, if any (newest first, one page). */
  async function alreadySent(message: SmsMessage, since: number): Promise<string | undefined> {
    const query = new URLSearchParams({ To: message.to, ...(sender.From ? { From: sender.From } : {}), PageSize: '50' });
    const { status, body } = await call('GET', `${base}/Messages.json?${query}`);
    if (status !== 200) throw refusal(status, body);
    const sent = (body.messages ?? []) as { sid: string; body: string; date_created: string }[];
    // `date_created` has whole seconds.
    return sent.find((m) => m.body === message.body && Date.parse(m.date_created) >= Math.floor(since / 1000) * 1000)?.sid;
  }

  return {
    name: 'twilio',
    async send(message: SmsMessage): Promise<SmsReceipt> {
      if (message.retrySince !== undefined) {
        const sid = await alreadySent(message, message.retrySince);
        if (sid) return { providerId: sid };
      }
      const { status, body } = await call('POST', `${base}/Messages.json`, new URLSearchParams({ To: message.to, ...sender, Body: message.body }));
      if (status === 201 || status === 200) return { providerId: String(body.sid) };
      if ((body as TwilioErrorBody).code === UNSUBSCRIBED) return { optedOut: true };
      throw refusal(status, body);
    },
  };
}

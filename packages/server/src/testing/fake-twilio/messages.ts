import { randomBytes } from 'node:crypto';

/** A Message resource as Twilio's 2010-04-01 API answers it (JSON), for what this fake sends. */
export interface MessageResource {
  account_sid: string;
  api_version: '2010-04-01';
  body: string;
  date_created: string;
  date_sent: string | null;
  date_updated: string;
  direction: 'outbound-api';
  error_code: number | null;
  error_message: string | null;
  from: string | null;
  messaging_service_sid: string | null;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string;
  sid: string;
  status: 'queued' | 'accepted' | 'sent';
  subresource_uris: { media: string };
  to: string;
  uri: string;
}

/** RFC 2822 in UTC, as Twilio writes dates: `Tue, 26 Jul 2016 12:50:07 +0000`. */
export const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');

/** `SM` and 32 hex digits. */
export const messageSid = () => `SM${randomBytes(16).toString('hex')}`;

// The GSM 03.38 alphabet: a body of only these is sent 160 characters a part (153 when split);
// anything else makes the whole body UCS-2, 70 a part (67 when split). Escaped ones count twice.
const GSM = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà');
const GSM_ESCAPED = new Set('^{}\\[~]|€\f');

/** How many SMS parts `body` takes. */
export function segmentsOf(body: string): number {
  const chars = [...body];
  if (chars.every((c) => GSM.has(c) || GSM_ESCAPED.has(c))) {
    const septets = chars.reduce((n, c) => n + (GSM_ESCAPED.has(c) ? 2 : 1), 0);
    return septets <= 160 ? 1 : Math.ceil(septets / 153);
  }
  return body.length <= 70 ? 1 : Math.ceil(body.length / 67); // UTF-16 code units
}

/** E.164: `+`, a country code not starting with 0, at most 15 digits in all. */
export const isE164 = (value: string) => /^\+[1-9]\d{1,14}$/.test(value);

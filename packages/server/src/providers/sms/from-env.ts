import type { SmsTransport } from '../../services/sms/port.js';
import { twilioSms } from './twilio.js';

const NAMES = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const;

/** E.164, a Messaging Service, or an alphanumeric sender id (1–11 letters, digits or spaces, at least one letter). */
const isSender = (from: string) => /^\+[1-9]\d{5,14}$/.test(from) || /^MG[0-9a-fA-F]{32}$/.test(from) || (/^[A-Za-z0-9 ]{1,11}$/.test(from) && /[A-Za-z]/.test(from));

/**
 * Text messages as the environment says: Twilio (or a Twilio-compatible API at `TWILIO_BASE_URL`)
 * when `TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN` and `TWILIO_FROM` are all set; none of them: SMS
 * off (`undefined`). Some but not all, or a value that cannot work, throws a sentence naming it.
 */
export function smsFromEnv(env: Record<string, string | undefined>, fetchImpl?: typeof fetch): SmsTransport | undefined {
  const given = NAMES.filter((name) => env[name]);
  if (given.length === 0) return undefined;
  const missing = NAMES.filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`To send text messages set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM; ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing.`);
  const accountSid = env.TWILIO_ACCOUNT_SID!.trim();
  const from = env.TWILIO_FROM!.trim();
  if (accountSid.includes(':')) throw new Error('TWILIO_ACCOUNT_SID must be the account SID (AC…); it cannot contain ":".');
  if (!isSender(from)) {
    throw new Error(`TWILIO_FROM must be one of your Twilio numbers in international format (+14155552671), a Messaging Service SID (MG…) or an alphanumeric sender id of at most 11 characters; got "${from}".`);
  }
  const baseUrl = env.TWILIO_BASE_URL?.trim() || undefined;
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(baseUrl)) throw new Error(`TWILIO_BASE_URL must be an http(s) URL such as https://api.twilio.com; got "${baseUrl}".`);
  return twilioSms({ accountSid, authToken: env.TWILIO_AUTH_TOKEN!.trim(), from, ...(baseUrl ? { baseUrl } : {}), ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

import type { MailTransport } from '../../services/mail/port.js';
import { postmarkMail } from './postmark.js';

export interface MailSettings {
  mail?: MailTransport;
  mailFrom?: string;
  links?: { api: string; manage?: string };
}

const httpUrl = (name: string, value: string) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an http(s) URL such as https://api.example.com; got "${value}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name} must be an http(s) URL such as https://api.example.com; got "${value}".`);
  return value;
};

/**
 * Mail as the environment says: `SMTP_URL` (nodemailer) or `POSTMARK_SERVER_TOKEN` (Postmark's
 * HTTP API, `POSTMARK_MESSAGE_STREAM` optional) — not both — sent from `MAIL_FROM`, with links
 * to `PUBLIC_API_URL` and `PUBLIC_MANAGE_URL` (the page with the widget that shows a booking to
 * its customer; default: each specialist's hosted page, `PUBLIC_API_URL/{handle}`). With a transport, `MAIL_FROM` and `PUBLIC_API_URL`
 * are required: a message from a made-up sender, or with links to localhost, helps nobody.
 * Nothing set: mail is off (`mailOff()`) and no email is planned. `smtp` makes the SMTP
 * transport (Node only: `mailOptionsFromEnv` passes nodemailer's); without it `SMTP_URL` is refused.
 *
 * @throws Error with one sentence naming the variable at fault.
 */
export function mailSettingsFromEnv(env: Record<string, string | undefined>, smtp?: (url: string) => MailTransport): MailSettings {
  const smtpUrl = env.SMTP_URL?.trim();
  const postmark = env.POSTMARK_SERVER_TOKEN?.trim();
  if (smtpUrl && postmark) throw new Error('Set SMTP_URL or POSTMARK_SERVER_TOKEN, not both: mail goes through one transport.');
  if (!smtpUrl && !postmark) {
    if (env.POSTMARK_MESSAGE_STREAM) throw new Error('POSTMARK_MESSAGE_STREAM is set without POSTMARK_SERVER_TOKEN.');
    return linksFromEnv(env) ?? {};
  }
  let mail: MailTransport;
  if (smtpUrl) {
    if (!smtp) throw new Error('SMTP_URL needs the Node server (SMTP needs sockets): here, send mail through Postmark with POSTMARK_SERVER_TOKEN.');
    mail = smtp(smtpUrl);
  } else {
    mail = postmarkMail({ serverToken: postmark!, ...(env.POSTMARK_MESSAGE_STREAM ? { messageStream: env.POSTMARK_MESSAGE_STREAM } : {}) });
  }
  const from = env.MAIL_FROM?.trim();
  if (!from || !/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/.test(from)) {
    throw new Error(`MAIL_FROM must be the sender, e.g. "Slotwise <bookings@example.com>" (an address your ${smtpUrl ? 'SMTP server' : 'Postmark server'} may send from)${from ? `; got "${from}"` : ''}.`);
  }
  const links = linksFromEnv(env);
  if (!links) throw new Error('With mail on, set PUBLIC_API_URL (e.g. https://api.example.com): links in emails point there.');
  return { mail, mailFrom: from, links: links.links };
}

function linksFromEnv(env: Record<string, string | undefined>): { links: { api: string; manage?: string } } | undefined {
  const api = env.PUBLIC_API_URL?.trim();
  const manage = env.PUBLIC_MANAGE_URL?.trim();
  if (!api) {
    if (manage) throw new Error('PUBLIC_MANAGE_URL is set without PUBLIC_API_URL.');
    return undefined;
  }
  return { links: { api: httpUrl('PUBLIC_API_URL', api).replace(/\/+$/, ''), ...(manage ? { manage: httpUrl('PUBLIC_MANAGE_URL', manage) } : {}) } };
}

import type { MailTransport } from '../../services/mail/port.js';
import { mailSettingsFromEnv, type MailSettings } from './from-env.js';
import { smtpConfig, smtpMail } from './smtp.js';

export { mailOff } from './off.js';
export { postmarkMail, type PostmarkOptions } from './postmark.js';
export { smtpMail, type SmtpOptions } from './smtp.js';
export { startMailbox, type Mailbox, type MailboxMessage, type MailboxOptions } from './mailbox.js';

export { mailSettingsFromEnv, type MailSettings } from './from-env.js';

/** SMTP through nodemailer, its URL checked first so a typo stops the start with a sentence. */
function nodemailerSmtp(url: string): MailTransport {
  try {
    smtpConfig({ url });
  } catch {
    throw new Error('SMTP_URL must look like smtps://user:password@smtp.example.com:465 or smtp://user:password@smtp.example.com:587 (user and password percent-encoded).');
  }
  return smtpMail({ url });
}

/** Mail settings from the environment on Node: SMTP or Postmark (see `mailSettingsFromEnv`). */
export function mailOptionsFromEnv(env: Record<string, string | undefined>): MailSettings {
  return mailSettingsFromEnv(env, nodemailerSmtp);
}

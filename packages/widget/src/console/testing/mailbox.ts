import { consoleApi } from './session.js';

interface MailedMessage {
  to: string[];
  subject: string;
  text: string;
}

/**
 * The token (decoded) of the newest console link of `kind` (`/console#/reset?token=…`) mailed to
 * `email`, once at least `count` such emails arrived (so a test can wait for a second link).
 * Emails leave through the outbox after the request was answered, so this waits for them.
 */
export async function mailedToken(email: string, kind: 'reset' | 'verify', count = 1): Promise<string> {
  const pattern = new RegExp(`/console#/${kind}\\?token=([^\\s"<>]+)`);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const messages = (await (await fetch(`${consoleApi()}/dev/mailbox/messages`)).json()) as MailedMessage[];
    const tokens = messages.filter((m) => m.to.includes(email)).flatMap((m) => pattern.exec(m.text)?.[1] ?? []);
    if (tokens.length >= count) return decodeURIComponent(tokens.at(-1)!);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${kind} email (${count}) reached ${email}`);
}

import { consoleApi } from './session.js';

interface MailedMessage {
  to: string[];
  subject: string;
  text: string;
}

/**
 * What `find` picks out of the emails to `email` in the console API's mailbox (oldest first), once
 * it finds something. Emails leave through the outbox after the request was answered, so this waits for them.
 */
async function awaitMail<T>(email: string, what: string, find: (texts: string[]) => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const messages = (await (await fetch(`${consoleApi()}/dev/mailbox/messages`)).json()) as MailedMessage[];
    const found = find(messages.filter((m) => m.to.includes(email)).map((m) => m.text));
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${what} reached ${email}`);
}

/**
 * The token (decoded) of the newest console link of `kind` (`/console#/reset?token=…`) mailed to
 * `email`, once at least `count` such emails arrived (so a test can wait for a second link).
 */
export function mailedToken(email: string, kind: 'reset' | 'verify', count = 1): Promise<string> {
  const pattern = new RegExp(`/console#/${kind}\\?token=([^\\s"<>]+)`);
  return awaitMail(email, `${kind} email (${count})`, (texts) => {
    const tokens = texts.flatMap((text) => pattern.exec(text)?.[1] ?? []);
    return tokens.length >= count ? decodeURIComponent(tokens.at(-1)!) : undefined;
  });
}

/** The first "My bookings" link (`…#slotwise-my=<token>`) mailed to `email`, as the customer reads it. */
export function mailedMyBookingsLink(email: string): Promise<URL> {
  return awaitMail(email, 'My bookings email', (texts) => {
    const link = texts.flatMap((text) => /https?:\/\/\S+#slotwise-my=[^\s"<>]+/.exec(text)?.[0] ?? [])[0];
    return link ? new URL(link) : undefined;
  });
}

/** The first manage link (`…#slotwise-booking=…&slotwise-token=…`) mailed to `email`: the confirmation's "manage your booking". */
export function mailedManageLink(email: string): Promise<URL> {
  return awaitMail(email, 'confirmation email with a manage link', (texts) => {
    const link = texts.flatMap((text) => /https?:\/\/\S+#slotwise-booking=[^\s"<>]+/.exec(text)?.[0] ?? [])[0];
    return link ? new URL(link) : undefined;
  });
}

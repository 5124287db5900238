import type { DeliveryRow, SpecialistRow } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import type { EmailKind, KindInfo } from './kinds.js';
import { renderHtml, renderText, type MessageContent } from './layout.js';
import { links, messageIdFor } from './links.js';
import type { Strings } from './locales/index.js';
import { unsubscribeToken } from './opt-outs.js';
import type { OutgoingMail } from './port.js';
import { bareAddress, specialistAddress } from './recipients.js';

/** A rendered message, or why it is not sent after all (`skipped`, never `sent`). */
export type Composed = { mail: OutgoingMail } | { skip: string };

/** What every message is written from: its kind, its delivery, whose it is, and the reader's words, locale and zone. */
export interface Facts {
  kind: EmailKind;
  info: KindInfo;
  delivery: DeliveryRow;
  specialist: SpecialistRow;
  t: Strings;
  locale: string;
  zone: string;
}

/** Header values are one line: a name someone typed must not start a header of its own. */
export const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').trim();
/** `"Name" <address>`, the display name quoted. */
export const mailbox = (name: string, address: string) => `"${oneLine(name).replace(/[\\"]/g, (c) => `\\${c}`)}" <${address}>`;
/** `Slotwise` of `Slotwise <bookings@example.com>`: the name customers see after "via". */
export const brandOf = (from: string) => /^\s*"?([^"<]+?)"?\s*</.exec(from)?.[1]?.trim() || 'Slotwise';

/**
 * The sender of a customer's email about a specialist's business (a package, a review): the
 * service's address under `Name via Brand`, and replies to the specialist's own address when
 * they have one.
 */
export async function fromSpecialist(deps: ServiceDeps, specialist: SpecialistRow): Promise<{ from: string; replyTo?: string }> {
  const replyTo = await specialistAddress(deps.database.db, specialist);
  return { from: mailbox(`${specialist.name} via ${brandOf(deps.mailFrom)}`, bareAddress(deps.mailFrom)), ...(replyTo ? { replyTo: mailbox(specialist.name, replyTo) } : {}) };
}

/** The small print, `List-Unsubscribe` for optional kinds, both bodies and the stable Message-ID. */
export async function finish(
  deps: ServiceDeps,
  facts: Omit<Facts, 'specialist'> & { specialist?: Pick<SpecialistRow, 'id'> | undefined },
  written: Omit<MessageContent, 'footer' | 'unsubscribe'>,
  envelope: { footer: string[]; from: string; to: string; replyTo?: string; calendar?: OutgoingMail['calendar'] },
): Promise<Composed> {
  const { info, delivery, specialist, t, locale } = facts;
  const unsubscribe = info.optOut && specialist ? links.unsubscribe(deps, await unsubscribeToken(deps.secretsKey, { email: delivery.recipient, specialistId: specialist.id, kind: info.optOut })) : undefined;
  const content: MessageContent = {
    ...written,
    subject: oneLine(written.subject),
    footer: envelope.footer,
    ...(unsubscribe ? { unsubscribe: { line: t.common.unsubscribeLine(t.unsubscribePage.kinds[info.optOut!] ?? ''), label: t.common.unsubscribe, url: unsubscribe } } : {}),
  };
  return {
    mail: {
      messageId: await messageIdFor(delivery.idempotencyKey, deps.mailFrom),
      from: envelope.from,
      to: envelope.to,
      ...(envelope.replyTo ? { replyTo: envelope.replyTo } : {}),
      subject: content.subject,
      text: renderText(content),
      html: renderHtml(content, locale),
      // RFC 8058 one-click: mail clients show "Unsubscribe" and POST to the link themselves.
      ...(unsubscribe ? { headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
      ...(envelope.calendar ? { calendar: envelope.calendar } : {}),
    },
  };
}

import type { Strings } from '../locales/index.js';
import type { TemplateOutput } from './types.js';

/** What a "My bookings" link email says, in the customer's language. Values are plain text; the layout escapes them. */
export interface AccessTemplateInput {
  t: Strings;
  specialist: string;
  email: string;
  /** How long the link works. */
  minutes: number;
  /** The page with the widget, the link's token in its fragment. */
  url: string;
}

/** A single-use link into "My bookings" with one specialist: no account, no password. */
export function customerAccessLink({ t, specialist, email, minutes, url }: AccessTemplateInput): TemplateOutput {
  const s = t.customerAccessLink;
  return {
    subject: s.subject(specialist),
    heading: s.heading,
    paragraphs: [s.intro(specialist, email), s.once(minutes), s.notYou],
    actions: [{ label: s.action, url }],
  };
}

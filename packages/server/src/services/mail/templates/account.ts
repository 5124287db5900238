import type { Strings } from '../locales/index.js';
import type { TemplateOutput } from './types.js';

/** What an email about a login may say, in its owner's language. Values are plain text; the layout escapes them. */
export interface AccountTemplateInput {
  t: Strings;
  /** The specialist's display name; null for an operator. */
  name: string | null;
  email: string;
  /** `Slotwise`: the service the account is with. */
  brand: string;
  /** How long the link works, in hours. */
  hours: number;
  /** The console's screen, with the token minted for this email. */
  url: string;
}

export type AccountTemplate = (input: AccountTemplateInput) => TemplateOutput;

/** A link to choose a new password: once, within an hour; ending every other login. */
export const accountPasswordReset: AccountTemplate = ({ t, name, email, brand, hours, url }) => {
  const s = t.accountPasswordReset;
  return {
    subject: s.subject(brand),
    heading: s.heading,
    paragraphs: [...(name ? [t.common.greeting(name)] : []), s.intro(brand, email), s.once(t.account.hours(hours)), s.notYou],
    actions: [{ label: s.action, url }],
  };
};

/** A link that proves the login email reaches its owner; until followed, no paid bookings. */
export const accountEmailVerification: AccountTemplate = ({ t, name, email, brand, hours, url }) => {
  const s = t.accountEmailVerification;
  return {
    subject: s.subject(brand),
    heading: s.heading,
    paragraphs: [...(name ? [t.common.greeting(name)] : []), s.intro(brand, email), s.why, s.once(t.account.hours(hours)), s.notYou],
    actions: [{ label: s.action, url }],
  };
};

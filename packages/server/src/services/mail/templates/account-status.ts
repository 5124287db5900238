import type { Strings } from '../locales/index.js';
import type { TemplateOutput } from './types.js';

/** What an email about a specialist's standing may say, in their language. Values are plain text; the layout escapes them. */
export interface StandingTemplateInput {
  t: Strings;
  /** The specialist's display name. */
  name: string;
  /** `Slotwise`: the service the account is with. */
  brand: string;
  /** The operator's reason, as the specialist's console shows it (suspensions only). */
  reason: string | null;
  /** The console, where the page's standing shows. */
  url: string;
}

export type StandingTemplate = (input: StandingTemplateInput) => TemplateOutput;

/** The page no longer takes bookings: why, what stays, where to look. */
export const accountSuspended: StandingTemplate = ({ t, name, brand, reason, url }) => {
  const s = t.accountSuspended;
  return {
    subject: s.subject(brand),
    heading: s.heading,
    paragraphs: [t.common.greeting(name), s.intro(brand), s.kept],
    details: reason ? [[s.reason, reason]] : [],
    actions: [{ label: s.action, url }],
  };
};

/** The page takes bookings again. */
export const accountReactivated: StandingTemplate = ({ t, name, brand, url }) => {
  const s = t.accountReactivated;
  return {
    subject: s.subject(brand),
    heading: s.heading,
    paragraphs: [t.common.greeting(name), s.intro(brand)],
    actions: [{ label: s.action, url }],
  };
};

import type { Strings } from '../locales/index.js';
import type { TemplateOutput } from './types.js';

/**
 * Everything a message about a package purchase may say, already in the customer's language,
 * zone and currency format. Values are plain text; the layout escapes them.
 */
export interface PackageTemplateInput {
  t: Strings;
  purchase: {
    package: string;
    specialist: string;
    customer: string;
    sessions: number;
    /** What was paid, formatted; null for a free package. */
    paid: string | null;
    validityDays: number;
    /** The names of the services a credit books. */
    services: string[];
    /** Credits that can be spent now. */
    remaining: number;
    /** `Monday, 21 December 2026, 14:37` in the customer's zone. */
    expires: string;
    /** `21 Dec` for subjects. */
    expiresShort: string;
    /** `Asia/Tokyo (GMT+9)` */
    zone: string;
    /** Whole days until the credits expire (at least 1). */
    daysLeft: number;
  };
  /** A refund of the purchase (its own email): the amount formatted, the credits it removed, those already booked. */
  /** `test`: the refund of an offline test payment (no money moved, none arrives). */
  refund?: { amount: string; removed: number; booked: number; test?: boolean };
  /** A credits token minted for this email: books with a credit, shows the balance. */
  code?: string;
  /** The credits page, and the hosted booking page that books with the code. */
  links: { credits?: string; book?: string };
}

export type PackageTemplate = (input: PackageTemplateInput) => TemplateOutput;

/**
 * The rows every message about a package shows: what it is, what it books, until when, and the
 * code. `withExpiry: false` leaves out "until when" (a refund that removed every credit: nothing
 * is left to expire).
 */
function packageDetails({ t, purchase, code }: PackageTemplateInput, extra: [string, string][], withExpiry = true): [string, string][] {
  const p = t.package;
  return [
    [p.package, purchase.package],
    [t.common.with, purchase.specialist],
    ...extra,
    ...(purchase.services.length ? ([[p.covers, purchase.services.join(', ')]] as [string, string][]) : []),
    ...(withExpiry ? ([[p.expires, purchase.expires]] as [string, string][]) : []),
    ...(code && purchase.remaining > 0 ? ([[p.code, code]] as [string, string][]) : []),
  ];
}

const actions = ({ t, links }: PackageTemplateInput) => [
  ...(links.book ? [{ label: t.package.book, url: links.book }] : []),
  ...(links.credits ? [{ label: t.package.see, url: links.credits }] : []),
];

/** A package paid for (or claimed): what it gives, until when, and the code that books with it. */
export const customerPackagePurchased: PackageTemplate = (input) => {
  const { t, purchase } = input;
  const s = t.customerPackagePurchased;
  return {
    subject: s.subject(purchase.package),
    heading: s.heading,
    paragraphs: [
      t.common.greeting(purchase.customer),
      s.intro(purchase.package, purchase.specialist, purchase.paid),
      s.credits(t.package.credits(purchase.remaining), purchase.expires),
      t.package.howToBook(purchase.specialist),
      t.common.timesIn(purchase.zone),
    ],
    details: packageDetails(input, [
      [t.package.sessions, String(purchase.sessions)],
      [t.package.validFor, t.package.days(purchase.validityDays)],
      [t.package.paid, purchase.paid ?? t.package.free],
    ]),
    actions: actions(input),
  };
};

/** Credits left that will expire soon (7 days and 1 day before). */
export const customerCreditsExpiring: PackageTemplate = (input) => {
  const { t, purchase } = input;
  const s = t.customerCreditsExpiring;
  const credits = t.package.credits(purchase.remaining);
  return {
    subject: s.subject(credits, purchase.package, purchase.expiresShort),
    heading: s.heading,
    paragraphs: [
      t.common.greeting(purchase.customer),
      s.intro(credits, purchase.package, purchase.specialist, t.relative.inDays(purchase.daysLeft), purchase.expires),
      s.use,
      t.package.howToBook(purchase.specialist),
      t.common.timesIn(purchase.zone),
    ],
    details: packageDetails(input, [[t.package.left, String(purchase.remaining)]]),
    actions: actions(input),
  };
};

/** A booking spent a credit and at most one is left. */
export const customerCreditsLow: PackageTemplate = (input) => {
  const { t, purchase } = input;
  const s = t.customerCreditsLow;
  return {
    subject: s.subject(purchase.remaining, purchase.package),
    heading: s.heading(purchase.remaining),
    paragraphs: [
      t.common.greeting(purchase.customer),
      s.intro(purchase.remaining, purchase.package, purchase.specialist, purchase.expires),
      s.more(purchase.specialist),
      // The expiry row is there even with no credit left: its time needs its zone.
      t.common.timesIn(purchase.zone),
    ],
    details: packageDetails(input, [[t.package.left, String(purchase.remaining)]]),
    actions: actions(input),
  };
};

/**
 * A refund of the purchase succeeded at the provider: how much, what it did to the credits (only
 * what happened: removed ones, and booked sessions kept, when there are), and when money arrives.
 */
export const customerPackageRefunded: PackageTemplate = (input) => {
  const { t, purchase } = input;
  const s = t.customerPackageRefunded;
  const refund = input.refund!;
  return {
    subject: s.subject(refund.amount, purchase.package),
    heading: s.heading,
    paragraphs: [
      t.common.greeting(purchase.customer),
      s.intro(purchase.specialist, refund.amount, purchase.package),
      refund.removed > 0 ? s.removed(refund.removed) : s.unchanged,
      ...(refund.booked > 0 ? [s.booked] : []),
      refund.test ? s.arrivesTest : s.arrives,
      // The expiry row stays only while credits are left: its time needs its zone then.
      ...(purchase.remaining > 0 ? [t.common.timesIn(purchase.zone)] : []),
    ],
    details: packageDetails(input, [
      [s.refunded, refund.amount],
      [t.package.left, String(purchase.remaining)],
    ], purchase.remaining > 0),
    actions: purchase.remaining > 0 ? actions(input) : [],
  };
};

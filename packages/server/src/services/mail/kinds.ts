import type { OptOutKind } from './opt-outs.js';

/** Every email Slotwise sends, by who gets it and why (the `kind` of its delivery). */
export const EMAIL_KINDS = {
  'customer.confirmed': { role: 'customer', invite: 'REQUEST', waitsForMeeting: true },
  'customer.payment_received': { role: 'customer' },
  'customer.rescheduled': { role: 'customer', invite: 'REQUEST', waitsForMeeting: true },
  'customer.cancelled': { role: 'customer', invite: 'CANCEL' },
  'customer.hold_expired': { role: 'customer' },
  'customer.late_refund': { role: 'customer' },
  'customer.meeting_ready': { role: 'customer' },
  'customer.reminder': { role: 'customer', optOut: 'reminder', scheduled: true },
  'customer.starting': { role: 'customer', optOut: 'reminder', scheduled: true },
  'customer.follow_up': { role: 'customer', optOut: 'feedback' },
  'customer.package_purchased': { role: 'customer', about: 'purchase' },
  'customer.credits_expiring': { role: 'customer', about: 'purchase', optOut: 'credits', scheduled: true },
  'customer.credits_low': { role: 'customer', about: 'purchase', optOut: 'credits' },
  'customer.package_refunded': { role: 'customer', about: 'purchase' },
  'specialist.new_booking': { role: 'specialist', invite: 'REQUEST', waitsForMeeting: true },
  'specialist.rescheduled': { role: 'specialist', invite: 'REQUEST', waitsForMeeting: true },
  'specialist.cancelled': { role: 'specialist', invite: 'CANCEL' },
  'specialist.reminder': { role: 'specialist', optOut: 'reminder', scheduled: true },
  'specialist.refund': { role: 'specialist' },
  'specialist.agenda': { role: 'specialist', optOut: 'agenda', scheduled: true },
  'customer.my_bookings_link': { role: 'customer', about: 'access' },
  'customer.review_answered': { role: 'customer', about: 'review', optOut: 'feedback' },
  'account.password_reset': { role: 'account', about: 'account' },
  'account.email_verification': { role: 'account', about: 'account' },
  'account.suspended': { role: 'account', about: 'account' },
  'account.reactivated': { role: 'account', about: 'account' },
} as const satisfies Record<string, { role: 'customer' | 'specialist' | 'account'; about?: 'purchase' | 'account' | 'access' | 'review'; invite?: 'REQUEST' | 'CANCEL'; optOut?: OptOutKind; waitsForMeeting?: boolean; scheduled?: boolean }>;

export type EmailKind = keyof typeof EMAIL_KINDS;

/** The kinds about a package purchase (its credits) rather than a booking. */
export type PackageEmailKind = { [K in EmailKind]: (typeof EMAIL_KINDS)[K] extends { about: 'purchase' } ? K : never }[EmailKind];

/** The kinds that let a customer into "My bookings" (a sign-in link), about no one booking. */
export type AccessEmailKind = { [K in EmailKind]: (typeof EMAIL_KINDS)[K] extends { about: 'access' } ? K : never }[EmailKind];

/** The kinds about a review (its answer), to the customer who wrote it. */
export type ReviewEmailKind = { [K in EmailKind]: (typeof EMAIL_KINDS)[K] extends { about: 'review' } ? K : never }[EmailKind];

/** The kinds about a login account (a reset link, a verification link, the page's standing), to its owner, specialist or operator. */
export type AccountEmailKind = { [K in EmailKind]: (typeof EMAIL_KINDS)[K] extends { about: 'account' } ? K : never }[EmailKind];

/** The account kinds that tell a specialist an operator's decision on their page: no link, no token. */
export type StandingEmailKind = Extract<AccountEmailKind, 'account.suspended' | 'account.reactivated'>;

export interface KindInfo {
  /** `account`: the owner of a login (a specialist or an operator), about the login itself. */
  role: 'customer' | 'specialist' | 'account';
  /** What it is about when not one booking's change: a package purchase and its credits, a login account, a customer's sign-in link, or a review. */
  about?: 'purchase' | 'account' | 'access' | 'review';
  /** The calendar invite it carries: an invite or its update, or a cancellation. */
  invite?: 'REQUEST' | 'CANCEL';
  /**
   * Non-transactional: the person may stop it (`List-Unsubscribe`, `email_opt_outs`). Everything
   * without it is part of the booking itself and always goes.
   */
  optOut?: OptOutKind;
  /** Sent after the meeting of the same change is made, so it can show the link. */
  waitsForMeeting?: boolean;
  /** Due later than its change (reminders, the agenda): checked again when due. */
  scheduled?: boolean;
}

export const kindInfo = (kind: string): KindInfo | undefined => (EMAIL_KINDS as Record<string, KindInfo>)[kind];

/** Kinds tied to a booking's start time: cancelled when it moves or ends, planned again for the new time. */
export const TIMED_KINDS: readonly EmailKind[] = ['customer.reminder', 'customer.starting', 'specialist.reminder'];

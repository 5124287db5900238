import type { AccessEmailKind, AccountEmailKind, EmailKind, PackageEmailKind, ReviewEmailKind, StandingEmailKind } from '../kinds.js';
import { accountEmailVerification, accountPasswordReset, type AccountTemplate } from './account.js';
import { accountReactivated, accountSuspended, type StandingTemplate } from './account-status.js';
import { customerCancelled, customerConfirmed, customerMeetingReady, customerPaymentReceived, customerRescheduled } from './customer-booking.js';
import { customerCreditsExpiring, customerCreditsLow, customerPackagePurchased, customerPackageRefunded, type PackageTemplate } from './customer-package.js';
import { customerFollowUp, customerHoldExpired, customerLateRefund, customerReminder, customerStarting } from './customer-session.js';
import { specialistCancelled, specialistNewBooking, specialistRefund, specialistReminder, specialistRescheduled } from './specialist.js';
import type { Template } from './types.js';

/** The template of every kind that is about one booking (the agenda and a package's messages have their own input). */
export const TEMPLATES: Record<Exclude<EmailKind, 'specialist.agenda' | PackageEmailKind | AccountEmailKind | AccessEmailKind | ReviewEmailKind>, Template> = {
  'customer.confirmed': customerConfirmed,
  'customer.payment_received': customerPaymentReceived,
  'customer.rescheduled': customerRescheduled,
  'customer.cancelled': customerCancelled,
  'customer.hold_expired': customerHoldExpired,
  'customer.late_refund': customerLateRefund,
  'customer.meeting_ready': customerMeetingReady,
  'customer.reminder': customerReminder,
  'customer.starting': customerStarting,
  'customer.follow_up': customerFollowUp,
  'specialist.new_booking': specialistNewBooking,
  'specialist.rescheduled': specialistRescheduled,
  'specialist.cancelled': specialistCancelled,
  'specialist.reminder': specialistReminder,
  'specialist.refund': specialistRefund,
};

/** The template of every kind about a package purchase and its credits. */
export const PACKAGE_TEMPLATES: Record<PackageEmailKind, PackageTemplate> = {
  'customer.package_purchased': customerPackagePurchased,
  'customer.credits_expiring': customerCreditsExpiring,
  'customer.credits_low': customerCreditsLow,
  'customer.package_refunded': customerPackageRefunded,
};

/** The template of every kind about a login account that carries a link with a token. */
export const ACCOUNT_TEMPLATES: Record<Exclude<AccountEmailKind, StandingEmailKind>, AccountTemplate> = {
  'account.password_reset': accountPasswordReset,
  'account.email_verification': accountEmailVerification,
};

/** The template of every kind telling a specialist an operator's decision on their page. */
export const STANDING_TEMPLATES: Record<StandingEmailKind, StandingTemplate> = {
  'account.suspended': accountSuspended,
  'account.reactivated': accountReactivated,
};

export { specialistAgenda } from './agenda.js';
export { customerAccessLink, type AccessTemplateInput } from './customer-access.js';
export { customerReviewAnswered, type ReviewTemplateInput } from './customer-review.js';
export type { AccountTemplate, AccountTemplateInput } from './account.js';
export type { StandingTemplate, StandingTemplateInput } from './account-status.js';
export type { AgendaInput } from './agenda.js';
export type { PackageTemplate, PackageTemplateInput } from './customer-package.js';
export type { Template, TemplateInput, TemplateOutput } from './types.js';

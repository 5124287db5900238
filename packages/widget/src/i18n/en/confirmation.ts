import type { Rich } from './rich.js';

/** English strings of the confirmation (`<slotwise-confirmation>`, in the details part). */
export const confirmation = {
  bookedHeading: 'You’re booked',
  emailQueued: <T>(email: T): Rich<T> => ['Your confirmation is on its way to ', email, ', with a calendar invitation.'],
  emailOff: 'No confirmation email is sent for this booking: note the time, or add it to your calendar below.',
  bookAnotherTime: 'Book another time',
  nextTitle: 'What happens next',
  nextJoin: (minutes: number) => `The link to join the call appears on your booking’s page ${minutes} minutes before the start.`,
  /** `until` is a date and time in the visitor's zone. */
  nextFullRefund: (until: string) => `Cancel until ${until} for a full refund.`,
  nextPartialRefund: (percent: number, until: string) => `Cancel until ${until} and ${percent}% is refunded.`,
  nextCancelUntil: (until: string) => `You can cancel until ${until}.`,
  nextNoRefund: 'A cancellation now refunds nothing.',
  nextCreditBack: 'Cancel in time and your credit comes back.',
  nextCannotCancel: 'This booking can no longer be cancelled online; contact the specialist.',
  nextChange: 'To reschedule or cancel, open your booking’s page; the specialist’s policy decides until when.',
  manageLink: 'Open your booking’s page',
  manageKeep: 'Keep this link (bookmark it): it opens this booking to reschedule or cancel, without an account.',
  /** Once the policy no longer lets the customer cancel: the page still shows the booking (and the join link). */
  manageKeepClosed: 'Keep this link (bookmark it): it opens this booking’s page, without an account.',
};

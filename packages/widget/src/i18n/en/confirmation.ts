import type { Rich } from './rich.js';

/** English strings of the confirmation and "Add to calendar". */
export const confirmation = {
  bookedHeading: 'You’re booked',
  serviceWith: (service: string, specialist: string) => `${service} with ${specialist}`,
  emailQueued: <T>(email: T): Rich<T> => ['Your confirmation is on its way to ', email, ', with a calendar invitation.'],
  emailOff: 'No confirmation email is sent for this booking: note the time, or add it to your calendar below.',
  bookAnotherTime: 'Book another time',
  addToCalendar: 'Add to calendar:',
  calendarFile: 'Apple Calendar or Outlook (.ics)',
  googleCalendar: 'Google Calendar',
  /** After a link's text, for screen readers. */
  opensInNewTab: ' (opens in a new tab)',
  /** The event's description in Google Calendar. */
  calendarDetails: (title: string) => `${title}, booked through Slotwise.`,

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
};

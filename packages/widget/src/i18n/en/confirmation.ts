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
};

/** English strings of "Add to calendar" (`<slotwise-add-to-calendar>`: the confirmation, the manage view). */
export const calendar = {
  addToCalendar: 'Add to calendar:',
  calendarFile: 'Apple Calendar or Outlook (.ics)',
  googleCalendar: 'Google Calendar',
  /** The event's description in Google Calendar. */
  calendarDetails: (title: string) => `${title}, booked through Slotwise.`,
};

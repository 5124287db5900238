/** English strings of the booking flow (`<slotwise-booking>` and the schedule inside it). */
export const booking = {
  bookTitle: (name: string) => `Book a session with ${name}`,
  noSpecialist: 'No specialist chosen: add a specialist attribute with their handle.',
  loading: 'Loading…',
  loadingOpenTimes: 'Loading open times…',
  tryAgain: 'Try again',
  specialistNotFound: (handle: string) => `Specialist not found: there is no one to book under “${handle}”.`,
  invalidHandle: (handle: string) => `“${handle}” is not a valid specialist handle.`,
  loadPageFailed: 'We could not load the booking page.',
  notAccepting: (name: string) => `${name} is not taking bookings right now.`,
  noPaidBookings: (name: string) => `${name} cannot take paid bookings yet. Free sessions can be booked.`,
  loadTimesFailed: 'We could not load the open times.',
  noTimesInMonth: (month: string) => `No open times in ${month}. Try the next month.`,
  chooseDayHint: 'Choose a day to see its times.',
  holdReleasedNotice: 'The time we held for you was released. Please choose a time again.',
  slotTakenNotice: 'Sorry, that time is no longer available. Please choose another time.',
  /** Shown for failures the server did not explain (no answer, a timeout, a broken answer). */
  networkError: 'We could not reach the booking service. Check your connection and try again.',
  timeoutError: 'The booking service did not answer in time. Please try again.',
  unexpectedError: 'Something went wrong on our side. Please try again.',
  /** A lazy part of the widget (the details form, the payment step…) did not load: a release replaced it while the page was open, or the connection dropped. */
  partMissing: 'Part of this booking form did not load. The site may have been updated since you opened this page, or the connection dropped.',
  reloadPage: 'Reload the page',
  // The link to "My bookings" on the first screen, and the way back to it from a booking opened there.
  myOpen: 'My bookings',
  myTitle: 'My bookings',
  /** Under the owner's sentence when this site may not embed the widget: the way a visitor can still book. */
  bookOnHostedPage: 'To book now, use the booking page.',
  openBookingPage: 'Open the booking page',
};

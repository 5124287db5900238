/** English strings of the details form. */
export const details = {
  yourDetails: 'Your details',
  nameLabel: 'Name',
  emailLabel: 'Email',
  notesLabel: 'Notes (optional)',
  bookingBusy: 'Booking…',
  bookingAnnounce: 'Booking your session…',
  continueToPayment: 'Continue to payment',
  bookThisTime: 'Book this time',
  /** The submit button when a credit pays for the booking. */
  bookWithCredit: 'Book with a credit',
};

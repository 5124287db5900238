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
  /** The collapsed promo-code field's link. */
  haveCode: 'Have a code?',
  promoLabel: 'Promo code',
  applyCode: 'Apply',
  /** A code that lowers the price: the new price and what it takes off, both formatted. */
  promoApplied: (total: string, off: string) => `Code applied: you pay ${total} (${off} off).`,
  promoFree: 'Code applied: this session is free.',
};

/** English strings of the popup's frame (`<slotwise-popup>`, loaded on first open). */
export const popup = {
  /** The popup's title until the specialist's name has loaded. */
  popupTitle: 'Book a session',
  /** The popup's title while it shows one booking (a manage link opened it). */
  popupBookingTitle: 'Your booking',
  /** The popup's close button, for screen readers (it shows ×). */
  closePopup: 'Close',
};

/** English strings of the embed modes: the popup's frame and `<slotwise-button>`. */
export const embed = {
  /** The popup's title until the specialist's name has loaded. */
  popupTitle: 'Book a session',
  /** The popup's close button, for screen readers (it shows ×). */
  closePopup: 'Close',
  /** `<slotwise-button>`'s label when the page gives none. */
  bookButton: 'Book a session',
};

/** English strings of `<slotwise-button>` (its popup's are in `popup.ts`, loaded with it). */
export const embed = {
  /** `<slotwise-button>`'s label when the page gives none. */
  bookButton: 'Book a session',
};

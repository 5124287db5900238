/** English strings of the booking flow (`<slotwise-booking>` and the steps inside it). */
export const booking = {
  bookTitle: (name: string) => `Book a session with ${name}`,
  noSpecialist: 'No specialist chosen: add a specialist attribute with their handle.',
};

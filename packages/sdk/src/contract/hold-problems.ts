/** Problem codes of holds (a priced booking waiting for its payment). */
export const holdProblemCodes = {
  booking_already_paid: { status: 409, title: 'The booking is already paid for' },
} as const satisfies Record<string, { status: number; title: string }>;

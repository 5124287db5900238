/** Problem codes of a specialist's data: closing an account. */
export const dataProblemCodes = {
  password_incorrect: { status: 403, title: 'The password is not right' },
  account_closed: { status: 409, title: 'This account is closed' },
} as const satisfies Record<string, { status: number; title: string }>;

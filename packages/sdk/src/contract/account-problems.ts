/** Problem codes of the account API (sign-up, login, keys, profile, operator). */
export const accountProblemCodes = {} as const satisfies Record<string, { status: number; title: string }>;

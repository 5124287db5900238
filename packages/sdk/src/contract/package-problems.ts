/** Problem codes of packages and credits. */
export const packageProblemCodes = {
  credits_token_required: { status: 401, title: 'A credits token is required' },
  package_not_found: { status: 404, title: 'Package not found' },
  credits_not_found: { status: 404, title: 'No credits match this token' },
  no_credit: { status: 409, title: 'No credit left that can book this' },
  package_already_claimed: { status: 409, title: 'This free package was already claimed with this email' },
  credit_not_applicable: { status: 422, title: 'The credit cannot pay for this booking' },
} as const satisfies Record<string, { status: number; title: string }>;

/** Problem codes of packages and credits. */
export const packageProblemCodes = {
  credits_token_required: { status: 401, title: 'A credits token is required' },
  package_not_found: { status: 404, title: 'Package not found' },
  credits_not_found: { status: 404, title: 'No credits match this token' },
  no_credit: { status: 409, title: 'No credit left that can book this' },
  package_already_claimed: { status: 409, title: 'This free package was already claimed with this email' },
  purchase_not_found: { status: 404, title: 'Package purchase not found' },
  purchase_not_paid: { status: 409, title: 'The purchase was not paid' },
  purchase_already_refunded: { status: 409, title: 'The purchase is refunded in full already' },
  refund_amount_too_large: { status: 422, title: 'The refund is more than is left to refund' },
  credit_not_applicable: { status: 422, title: 'The credit cannot pay for this booking' },
} as const satisfies Record<string, { status: number; title: string }>;

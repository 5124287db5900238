/** Problem codes of promo codes: a code that cannot be used answers 422 with one of these, and nothing is stored. */
export const promoProblemCodes = {
  promo_code_not_found: { status: 404, title: 'Promo code not found' },
  promo_code_taken: { status: 409, title: 'You already have a promo code with this text' },
  promo_code_unknown: { status: 422, title: 'The promo code is not valid' },
  promo_code_expired: { status: 422, title: 'The promo code cannot be used at this time' },
  promo_code_exhausted: { status: 422, title: 'The promo code has been used up' },
  promo_code_customer_limit: { status: 422, title: 'The promo code was used as often as allowed with this email' },
  promo_code_not_for_service: { status: 422, title: 'The promo code does not apply to this service' },
  promo_code_first_booking: { status: 422, title: 'The promo code is for a first booking only' },
} as const satisfies Record<string, { status: number; title: string }>;

/** The refusals of a code at booking time (or when checking it). */
export const promoRefusals = [
  'promo_code_unknown',
  'promo_code_expired',
  'promo_code_exhausted',
  'promo_code_customer_limit',
  'promo_code_not_for_service',
  'promo_code_first_booking',
] as const;

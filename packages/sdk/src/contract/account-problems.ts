/** Problem codes of the account API (sign-up, login, keys, profile, operator). */
export const accountProblemCodes = {
  invalid_credentials: { status: 401, title: 'The email or password is not right' },
  password_rehash_required: { status: 409, title: "This server cannot check this account's password" },
  invalid_refresh_token: { status: 401, title: 'The refresh token is not valid' },
  reset_token_invalid: { status: 400, title: 'The password reset link is not valid any more' },
  verification_token_invalid: { status: 400, title: 'The verification link is not valid any more' },
  specialist_unverified: { status: 409, title: 'The specialist cannot take paid bookings yet' },
  specialist_unavailable: { status: 409, title: 'The specialist is not taking bookings' },
  specialist_closed: { status: 409, title: 'The specialist closed their account' },
  token_expired: { status: 401, title: 'The access token has expired' },
  forbidden: { status: 403, title: 'Not allowed for this caller' },
  api_key_not_found: { status: 404, title: 'API key not found' },
  email_taken: { status: 409, title: 'That email already has an account' },
  handle_taken: { status: 409, title: 'That handle is taken' },
  api_key_revoked: { status: 409, title: 'The API key was revoked' },
  too_many_api_keys: { status: 409, title: 'Too many active API keys' },
} as const satisfies Record<string, { status: number; title: string }>;

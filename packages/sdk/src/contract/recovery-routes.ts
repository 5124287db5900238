import { AuthTokens } from './account.js';
import { IdParams } from './availability.js';
import { operations } from './operations.js';
import type { ProblemCode } from './problems.js';
import {
  EmailAccepted,
  EmailVerified,
  EmailVerify,
  OperatorSpecialist,
  OperatorSpecialistList,
  OperatorSpecialistListQuery,
  PasswordResetConfirm,
  PasswordResetRequest,
  SpecialistSuspend,
} from './recovery.js';
import { bodyErrors, type RouteSpec } from './route-spec.js';

const meErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];
const operatorErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];

/** Password reset and email verification by emailed single-use links, and the operator's view of specialists. */
export const recoveryRoutes = {
  requestPasswordReset: {
    ...operations.requestPasswordReset,
    summary: 'Email a password reset link (single use, valid 1 hour). Answers the same whether or not the email has an account.',
    tag: 'Auth',
    body: PasswordResetRequest,
    response: { status: 202, schema: EmailAccepted, description: 'Accepted: if the email has an account, a link is on its way; a newer request voids older links.' },
    errors: [...bodyErrors, 'rate_limited'],
  },
  confirmPasswordReset: {
    ...operations.confirmPasswordReset,
    summary: 'Set a new password with the token of a reset link; ends every other login of the account and logs in.',
    tag: 'Auth',
    body: PasswordResetConfirm,
    response: { status: 200, schema: AuthTokens, description: 'The new password is set; tokens of a new login.' },
    errors: [...bodyErrors, 'reset_token_invalid', 'rate_limited'],
  },
  verifyEmail: {
    ...operations.verifyEmail,
    summary: 'Verify a login email with the token of its verification link (single use, valid 24 hours).',
    tag: 'Auth',
    body: EmailVerify,
    response: { status: 200, schema: EmailVerified, description: 'Verified: priced services take bookings now.' },
    errors: [...bodyErrors, 'verification_token_invalid', 'rate_limited'],
  },
  resendEmailVerification: {
    ...operations.resendEmailVerification,
    summary: 'Email a new verification link to the caller’s login email (older links stop working).',
    tag: 'Profile',
    response: { status: 202, schema: EmailAccepted, description: 'Accepted: the link goes out from the outbox; an email already verified gets none.' },
    errors: [...meErrors, 'rate_limited'],
  },
  listOperatorSpecialists: {
    ...operations.listOperatorSpecialists,
    summary: 'Every specialist, newest first, with status, verification and bookings; `q` searches handle, name and email.',
    tag: 'Operator',
    query: OperatorSpecialistListQuery,
    response: { status: 200, schema: OperatorSpecialistList, description: 'One page of specialists.' },
    errors: ['invalid_request', ...operatorErrors],
  },
  suspendSpecialist: {
    ...operations.suspendSpecialist,
    summary: 'Stop a specialist taking new bookings (their page says so, their slots empty); existing bookings and their login stay.',
    tag: 'Operator',
    params: IdParams,
    body: SpecialistSuspend,
    response: { status: 200, schema: OperatorSpecialist, description: 'The specialist, suspended.' },
    errors: [...bodyErrors, ...operatorErrors, 'specialist_not_found', 'specialist_closed'],
  },
  reactivateSpecialist: {
    ...operations.reactivateSpecialist,
    summary: 'Let a suspended specialist take bookings again.',
    tag: 'Operator',
    params: IdParams,
    response: { status: 200, schema: OperatorSpecialist, description: 'The specialist, active.' },
    errors: [...operatorErrors, 'specialist_not_found', 'specialist_closed'],
  },
} as const satisfies Record<string, RouteSpec>;

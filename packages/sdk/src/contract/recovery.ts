import { z } from 'zod';
import { Instant } from './common.js';
import { AccountEmail, NewPassword, SpecialistStatus } from './account.js';
import { say } from './messages.js';

// ── Password reset and email verification ────────────────────────────────────────────────────

/** Asks for a reset link by email. The answer is the same whether or not the email has an account. */
export const PasswordResetRequest = z.strictObject({ email: AccountEmail }).meta({ id: 'PasswordResetRequest' });

/** A single-use token from an emailed link (`/console#/reset?token=…`, `/console#/verify?token=…`). */
const EmailedToken = z.string().trim().min(1, { message: say('emailed_token_required') }).max(200);

export const PasswordResetConfirm = z
  .strictObject({ token: EmailedToken, password: NewPassword })
  .meta({ id: 'PasswordResetConfirm' });

export const EmailVerify = z.strictObject({ token: EmailedToken }).meta({ id: 'EmailVerify' });

/**
 * What a request for an email answers: accepted, never "sent" — the email goes out afterwards from
 * the outbox, and for an address without an account nothing goes at all (the answer cannot say).
 */
export const EmailAccepted = z
  .strictObject({
    accepted: z.literal(true),
    message: z.string().meta({ description: 'What to tell the person, the same for every address.' }),
  })
  .meta({ id: 'EmailAccepted' });

export const EmailVerified = z
  .strictObject({ emailVerified: z.literal(true), email: z.string(), verifiedAt: Instant })
  .meta({ id: 'EmailVerified' });

// ── A specialist's standing, and the operator's list ─────────────────────────────────────────

export const OperatorSpecialistListQuery = z.strictObject({
  limit: z.coerce.number<number>().int().min(1).max(100).default(20),
  starting_after: z.string().max(64).optional().meta({ description: 'The id of the last specialist of the previous page.' }),
  q: z.string().trim().max(100).optional().meta({ description: 'Part of a handle, name or login email (case-insensitive).' }),
});

export const OperatorSpecialist = z
  .strictObject({
    id: z.string().meta({ example: 'sp_4kq0m3x9c2vbn7wd' }),
    handle: z.string(),
    name: z.string(),
    email: z.string().nullable().meta({ description: 'The login email; null for a specialist without a login.' }),
    status: SpecialistStatus,
    statusReason: z.string().nullable().meta({ description: 'Why it is not active (the operator’s words on suspension).' }),
    statusChangedAt: Instant.nullable(),
    emailVerified: z.boolean(),
    bookings: z.number().int().meta({ description: 'Bookings ever made with them (any status).' }),
    lastSessionAt: Instant.nullable().meta({ description: 'The start of their latest booking (any status, past or future); null: never booked.' }),
    createdAt: Instant,
  })
  .meta({ id: 'OperatorSpecialist' });

export const OperatorSpecialistList = z
  .strictObject({ data: z.array(OperatorSpecialist), hasMore: z.boolean() })
  .meta({ id: 'OperatorSpecialistList', description: 'Newest first; pass the last id as `starting_after` for the next page.' });

export const SpecialistSuspend = z
  .strictObject({
    reason: z.string().trim().min(1, { message: say('suspend_reason_required') }).max(500),
  })
  .meta({ id: 'SpecialistSuspend' });

export type PasswordResetRequest = z.input<typeof PasswordResetRequest>;
export type PasswordResetConfirm = z.input<typeof PasswordResetConfirm>;
export type EmailVerify = z.input<typeof EmailVerify>;
export type EmailAccepted = z.infer<typeof EmailAccepted>;
export type EmailVerified = z.infer<typeof EmailVerified>;
export type OperatorSpecialistListQuery = z.input<typeof OperatorSpecialistListQuery>;
export type OperatorSpecialist = z.infer<typeof OperatorSpecialist>;
export type OperatorSpecialistList = z.infer<typeof OperatorSpecialistList>;
export type SpecialistSuspend = z.input<typeof SpecialistSuspend>;

import { z } from 'zod';
import { ServiceDetail, ServiceDurationInput, ServiceRulesFields } from './availability.js';
import { Currency, Email, Handle, Instant, Locale, NewHandle, PhotoUrl, TimeZone } from './common.js';
import { MeetingLink, ServiceLocation, ServiceLocationInput } from './locations.js';
import { Capacity } from './specialists.js';
import { say } from './messages.js';
import { DirectoryProfileFields } from './directory.js';

// ── Sign-up, login and tokens ────────────────────────────────────────────────────────────────

/** Compared lower-cased: `Ada@Example.com` and `ada@example.com` are one account. */
export const AccountEmail = Email.overwrite((email) => email.toLowerCase());

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: say('password_too_short', { min: PASSWORD_MIN_LENGTH }) })
  .max(PASSWORD_MAX_LENGTH, { message: say('password_too_long', { max: PASSWORD_MAX_LENGTH }) });

const DisplayName = z.string().trim().min(1, { message: say('display_name_required') }).max(120);

export const Signup = z
  .strictObject({
    email: AccountEmail,
    password: NewPassword,
    name: DisplayName,
    handle: NewHandle.meta({ description: 'Your public address: the widget, the API and your booking page (`/{handle}`) find you by it. Not one of the server’s own words (`console`, `widget`, `v1`, …).' }),
    timeZone: TimeZone,
    currency: Currency.meta({ description: 'The default currency of your services.' }),
  })
  .meta({ id: 'Signup' });

export const Login = z
  .strictObject({ email: AccountEmail, password: z.string().min(1, { message: say('password_required') }).max(PASSWORD_MAX_LENGTH) })
  .meta({ id: 'Login' });

export const RefreshTokenBody = z
  .strictObject({ refreshToken: z.string().min(1).max(200) })
  .meta({ id: 'RefreshTokenBody' });

export const AccountRole = z.enum(['specialist', 'operator']);

export const Account = z
  .strictObject({
    id: z.string().meta({ example: 'acc_4kq0m3x9c2vbn7wd' }),
    email: z.string(),
    role: AccountRole,
    handle: Handle.nullable().meta({ description: 'The specialist’s handle; null for an operator.' }),
  })
  .meta({ id: 'Account' });

export const AuthTokens = z
  .strictObject({
    accessToken: z.string().meta({ description: 'Send as `Authorization: Bearer <token>`. A JWT, valid 15 minutes.' }),
    accessTokenExpiresAt: Instant,
    refreshToken: z.string().meta({
      description: 'Single use: trade it at `/v1/auth/refresh` for new tokens. Using one twice ends the whole login.',
    }),
    refreshTokenExpiresAt: Instant,
    account: Account,
  })
  .meta({ id: 'AuthTokens' });

export const LoggedOut = z.strictObject({ loggedOut: z.literal(true) }).meta({ id: 'LoggedOut' });

// ── Profile ──────────────────────────────────────────────────────────────────────────────────

/**
 * The origin of `value` (`https://coach.example`, `http://localhost:3000`), lower-cased and
 * without a default port; undefined when `value` is not an http(s) origin alone (a path, a
 * query, credentials or a wildcard).
 */
export function embedOrigin(value: string): string | undefined {
  if (!/^https?:\/\/[^/?#@*\s\\]+\/?$/i.test(value)) return undefined;
  try {
    const url = new URL(value);
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

export const MAX_ALLOWED_ORIGINS = 20;

export const AllowedOrigin = z
  .string()
  .max(300)
  .refine((value) => embedOrigin(value) !== undefined, {
    message: say('origin_format'),
  })
  .overwrite((value) => embedOrigin(value) ?? value);

/**
 * `active` takes bookings; `suspended` (by the operator) and `closed` (by the specialist) take no
 * new ones — existing bookings stay as they are.
 */
export const SpecialistStatus = z.enum(['active', 'suspended', 'closed']);

export const Profile = z
  .strictObject({
    id: z.string().meta({ example: 'sp_4kq0m3x9c2vbn7wd' }),
    handle: Handle,
    name: z.string(),
    bio: z.string(),
    timeZone: TimeZone,
    currency: Currency,
    allowedOrigins: z.array(z.string()).meta({ description: 'Origins allowed to embed the widget; empty = any (development).' }),
    meetingLink: z.string().nullable().meta({ description: 'Your own permanent meeting room, used by services whose location is `link`.' }),
    photoUrl: z.string().nullable().meta({ description: 'Your photo, on your booking page and in link previews.' }),
    reminderHours: z.array(z.number().int()).meta({ description: 'Hours before each session that reminders go out (email, and SMS where the customer consented).' }),
    notificationEmail: z.string().nullable().meta({ description: 'Where your own notices go; null: your login email.' }),
    dailyAgenda: z.boolean().meta({ description: 'A morning email with the day’s sessions.' }),
    locale: z.string().meta({ description: 'The language of your notices (BCP 47).' }),
    emailVerified: z.boolean().meta({
      description: 'Whether your login email is verified. Until it is, priced services take no bookings (free ones do); resend the link with POST /v1/me/email-verification.',
    }),
    status: SpecialistStatus.meta({ description: '`suspended` or `closed`: you take no new bookings (your existing ones stay); `statusReason` says why.' }),
    statusReason: z.string().nullable().meta({ description: 'Why you are not taking bookings (the operator’s words on a suspension); null while active.' }),
    createdAt: Instant,
    headline: z.string().meta({ description: 'One line under your name in the directory.' }),
    categories: z.array(z.string()),
    languages: z.array(z.string()),
    directoryListed: z.boolean().meta({ description: 'Whether you may appear in the public directory (you do while your email is verified and you offer a service).' }),
  })
  .meta({ id: 'Profile' });

export const ProfileUpdate = z
  .strictObject({
    handle: NewHandle.optional(),
    name: DisplayName.optional(),
    bio: z.string().trim().max(2000).optional(),
    timeZone: TimeZone.optional().meta({ description: 'Working hours are wall-clock time in this zone: changing it moves them.' }),
    currency: Currency.optional(),
    allowedOrigins: z
      .array(AllowedOrigin)
      .max(MAX_ALLOWED_ORIGINS, { message: say('origins_too_many', { max: MAX_ALLOWED_ORIGINS }) })
      .overwrite((origins) => [...new Set(origins)])
      .optional(),
    meetingLink: MeetingLink.nullable().optional().meta({ description: 'https only; null removes it (refused while a service uses it).' }),
    photoUrl: PhotoUrl.nullable().optional().meta({ description: 'https only; null removes it.' }),
    reminderHours: z
      .array(z.number().int().min(1, { message: say('reminder_too_late') }).max(14 * 24, { message: say('reminder_too_early') }))
      .max(5, { message: say('reminders_too_many') })
      .overwrite((hours) => [...new Set(hours)].sort((a, b) => b - a))
      .optional()
      .meta({ description: 'Hours before each session that reminders go out, e.g. [24, 1]; [] for none.' }),
    notificationEmail: Email.nullable().optional().meta({ description: 'Where your own notices go; null: your login email.' }),
    dailyAgenda: z.boolean().optional(),
    locale: Locale.optional(),
    ...DirectoryProfileFields,
  })
  .meta({ id: 'ProfileUpdate' });

// ── API keys ─────────────────────────────────────────────────────────────────────────────────

export const ApiKeyCreate = z
  .strictObject({ name: z.string().trim().min(1, { message: say('api_key_name_required') }).max(100) })
  .meta({ id: 'ApiKeyCreate' });

export const ApiKey = z
  .strictObject({
    id: z.string().meta({ example: 'key_4kq0m3x9c2vbn7wd' }),
    name: z.string(),
    prefix: z.string().meta({ description: 'The first characters of the key, to recognise it; not enough to use it.' }),
    createdAt: Instant,
    lastUsedAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'ApiKey' });

export const ApiKeyCreated = ApiKey.extend({
  key: z.string().meta({ description: 'The secret key, shown once: only its hash is stored. Use it server-side only.' }),
}).meta({ id: 'ApiKeyCreated' });

export const ApiKeyList = z.strictObject({ data: z.array(ApiKey) }).meta({ id: 'ApiKeyList' });

// ── Services ─────────────────────────────────────────────────────────────────────────────────

const Hours = z.number().int().min(0).max(24 * 365);

/** What a customer may do before the start, and what a cancellation refunds. */
export const ServicePolicyFields = {
  cancelUntilHours: Hours.meta({ description: 'A customer may cancel until this many hours before the start.' }),
  rescheduleUntilHours: Hours.meta({ description: 'A customer may reschedule until this many hours before the start.' }),
  maxReschedules: z.number().int().min(0).max(20),
  fullRefundHours: Hours.meta({ description: 'Cancelled at least this many hours before: a full refund.' }),
  partialRefundHours: Hours.meta({ description: 'Cancelled at least this many hours before (≤ fullRefundHours): a partial refund.' }),
  partialRefundPercent: z.number().int().min(0).max(100),
};

const Durations = z
  .array(ServiceDurationInput)
  .min(1)
  .max(8)
  .refine((ds) => new Set(ds.map((d) => d.minutes)).size === ds.length, { message: say('durations_unique') });

const optional = <T extends Record<string, z.ZodType>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

const ServiceName = z.string().trim().min(1, { message: say('service_name_required') }).max(120);

const refundOrder = {
  message: say('refund_tiers_order'),
  path: ['partialRefundHours'],
};

export const ServiceCreate = z
  .strictObject({
    name: ServiceName,
    description: z.string().trim().max(2000).optional(),
    currency: Currency.optional().meta({ description: 'Defaults to your profile’s currency.' }),
    durations: Durations.meta({ description: 'Lengths in minutes with their prices; the first is the default.' }),
    ...optional(ServiceRulesFields),
    ...optional(ServicePolicyFields),
    capacity: Capacity.optional().meta({ description: 'Seats per session. @default 1' }),
    location: ServiceLocationInput.optional().meta({ description: 'Where the session happens. @default { kind: "video", provider: "jitsi" }' }),
  })
  .refine((s) => s.partialRefundHours === undefined || s.fullRefundHours === undefined || s.partialRefundHours <= s.fullRefundHours, refundOrder)
  .meta({ id: 'ServiceCreate' });

export const ServiceUpdate = z
  .strictObject({
    name: ServiceName.optional(),
    description: z.string().trim().max(2000).optional(),
    currency: Currency.optional(),
    durations: Durations.optional(),
    ...optional(ServiceRulesFields),
    ...optional(ServicePolicyFields),
    capacity: Capacity.optional().meta({ description: 'Seats per session; lowering it below the seats taken at an upcoming session is refused.' }),
    active: z.boolean().optional().meta({ description: 'false archives the service (as DELETE does); true offers it again.' }),
    location: ServiceLocationInput.optional(),
  })
  .meta({ id: 'ServiceUpdate' });

export const MyService = ServiceDetail.extend({ ...ServicePolicyFields, location: ServiceLocation }).meta({ id: 'MyService' });
export const MyServiceList = z.strictObject({ data: z.array(MyService) }).meta({ id: 'MyServiceList' });

// ── Operator ─────────────────────────────────────────────────────────────────────────────────

export const DEFAULT_PLATFORM_FEE_BPS = 2000;

const FeeBps = z.number().int().min(0).max(5000).meta({ description: 'The platform fee in basis points (2000 = 20 %), 0–5000.' });

export const PlatformSettings = z
  .strictObject({ platformFeeBps: FeeBps, updatedAt: Instant.nullable() })
  .meta({ id: 'PlatformSettings' });

export const PlatformSettingsUpdate = z
  .strictObject({ platformFeeBps: FeeBps.optional() })
  .meta({ id: 'PlatformSettingsUpdate' });

export type Signup = z.input<typeof Signup>;
export type Login = z.input<typeof Login>;
export type RefreshTokenBody = z.input<typeof RefreshTokenBody>;
export type AccountRole = z.infer<typeof AccountRole>;
export type Account = z.infer<typeof Account>;
export type AuthTokens = z.infer<typeof AuthTokens>;
export type LoggedOut = z.infer<typeof LoggedOut>;
export type Profile = z.infer<typeof Profile>;
export type SpecialistStatus = z.infer<typeof SpecialistStatus>;
export type ProfileUpdate = z.input<typeof ProfileUpdate>;
export type ApiKeyCreate = z.input<typeof ApiKeyCreate>;
export type ApiKey = z.infer<typeof ApiKey>;
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;
export type ApiKeyList = z.infer<typeof ApiKeyList>;
export type ServiceCreate = z.input<typeof ServiceCreate>;
export type ServiceUpdate = z.input<typeof ServiceUpdate>;
export type MyService = z.infer<typeof MyService>;
export type MyServiceList = z.infer<typeof MyServiceList>;
export type PlatformSettings = z.infer<typeof PlatformSettings>;
export type PlatformSettingsUpdate = z.input<typeof PlatformSettingsUpdate>;

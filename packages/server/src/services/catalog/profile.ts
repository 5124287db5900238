import type { ServiceDeps } from '../deps.js';
import type { Profile, ProfileUpdate } from '@slotwise/sdk/contract';
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { services, specialists, type SpecialistRow } from '../../db/schema.js';
import { paidBookingsOpen } from '../accounts/verification.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';

/** The owner's view of their profile; `emailVerified` as `paidBookingsOpen` reads it. */
export function toProfile(row: SpecialistRow, emailVerified: boolean): Profile {
  return {
    id: row.id,
    handle: row.handle,
    name: row.name,
    bio: row.bio,
    timeZone: row.timeZone,
    currency: row.currency,
    allowedOrigins: row.allowedOrigins,
    meetingLink: row.meetingLink,
    photoUrl: row.photoUrl,
    reminderHours: row.reminderHours,
    notificationEmail: row.notificationEmail,
    dailyAgenda: row.dailyAgenda,
    locale: row.locale,
    emailVerified,
    status: row.status,
    statusReason: row.statusReason,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/**
 * Changes the listed fields of the caller's own profile and nothing else (the schema is strict;
 * id, owner and availability version never come from a client). A new time zone moves the
 * working hours, and a new handle the public address, so both invalidate cached slots.
 */
export async function updateProfile(deps: ServiceDeps, specialist: SpecialistRow, patch: z.output<typeof ProfileUpdate>): Promise<Profile> {
  const { handle, name, bio, timeZone, currency, allowedOrigins, meetingLink, photoUrl, reminderHours, notificationEmail, dailyAgenda, locale } = patch;
  const changes = Object.fromEntries(
    Object.entries({ handle, name, bio, timeZone, currency, allowedOrigins, meetingLink, photoUrl, reminderHours, notificationEmail, dailyAgenda, locale }).filter(([, v]) => v !== undefined),
  ) as Partial<SpecialistRow>;
  return deps.database.write(async (tx) => {
    const [current] = await tx.select().from(specialists).where(eq(specialists.id, specialist.id));
    if (!current) throw new ServiceError('unauthorized', t('unauthorized.account_gone'));
    if (handle !== undefined && handle !== current.handle) {
      const [owner] = await tx
        .select({ id: specialists.id })
        .from(specialists)
        .where(and(eq(specialists.handle, handle), ne(specialists.id, current.id)))
        .limit(1);
      if (owner) {
        throw new ServiceError('handle_taken', t('handle_taken', { handle }), {
          errors: [{ field: 'body.handle', message: t('handle_taken.profile_field') }],
        });
      }
    }
    if (meetingLink === null && current.meetingLink !== null) await assertLinkUnused(tx, current.id);
    const verified = await paidBookingsOpen(tx, current.id);
    if (Object.keys(changes).length === 0) return toProfile(current, verified);
    const [row] = await tx.update(specialists).set(changes).where(eq(specialists.id, current.id)).returning();
    return toProfile(row!, verified);
  });
}

/** The calling specialist's profile, as read now. */
export async function retrieveProfile(deps: ServiceDeps, specialist: SpecialistRow): Promise<Profile> {
  return toProfile(specialist, await paidBookingsOpen(deps.database.db, specialist.id));
}

/** The meeting link cannot go while a service (offered or archived, which may be offered again) sends its customers there. */
async function assertLinkUnused(tx: Tx, specialistId: string): Promise<void> {
  const [user] = await tx
    .select({ name: services.name })
    .from(services)
    .where(and(eq(services.specialistId, specialistId), eq(services.locationKind, 'link')))
    .limit(1);
  if (!user) return;
  const message = t('invalid_request.meeting_link_in_use', { service: user.name });
  throw new ServiceError('invalid_request', t('invalid_request.field', { field: 'body.meetingLink', message }), { errors: [{ field: 'body.meetingLink', message }] });
}

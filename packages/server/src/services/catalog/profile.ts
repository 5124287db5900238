import type { ServiceDeps } from '../deps.js';
import type { Profile, ProfileUpdate } from '@slotwise/sdk/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import type { Reader } from '../../db/client.js';
import { services, specialists, type SpecialistRow } from '../../db/schema.js';
import { paidBookingsOpen } from '../accounts/verification.js';
import { ServiceError, writeContention } from '../errors.js';
import { t } from '../messages/index.js';
import { handleStillFree, handleTaken, renameQueries } from './handles.js';

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
    headline: row.headline,
    categories: row.categories,
    languages: row.languages,
    directoryListed: row.directoryListed,
  };
}

/**
 * Changes the listed fields of the caller's own profile and nothing else (the schema is strict;
 * id, owner and availability version never come from a client). A new time zone moves the
 * working hours, and a new handle the public address, so both invalidate cached slots.
 */
export async function updateProfile(deps: ServiceDeps, specialist: SpecialistRow, patch: z.output<typeof ProfileUpdate>): Promise<Profile> {
  const { handle, name, bio, timeZone, currency, allowedOrigins, meetingLink, photoUrl, reminderHours, notificationEmail, dailyAgenda, locale } = patch;
  const { headline, categories, languages, directoryListed } = patch;
  const changes = Object.fromEntries(
    Object.entries({ handle, name, bio, timeZone, currency, allowedOrigins, meetingLink, photoUrl, reminderHours, notificationEmail, dailyAgenda, locale, headline, categories, languages, directoryListed }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as Partial<SpecialistRow>;
  const { database } = deps;
  const db = database.db;
  // Checked on a snapshot, then ONE guarded batch: the handle still free and, when the meeting
  // link goes, still no service sending customers to it — else a fresh snapshot, whose checks
  // then answer what changed.
  return optimistic(
    database,
    specialist.id,
    async () => {
      const [current] = await db.select().from(specialists).where(eq(specialists.id, specialist.id));
      if (!current) throw new ServiceError('unauthorized', t('unauthorized.account_gone'));
      const newHandle = handle !== undefined && handle !== current.handle ? handle : undefined;
      const now = deps.clock();
      if (newHandle !== undefined && (await handleTaken(db, newHandle, current.id, now))) {
        throw new ServiceError('handle_taken', t('handle_taken', { handle: newHandle }), {
          errors: [{ field: 'body.handle', message: t('handle_taken.profile_field') }],
        });
      }
      const dropsLink = meetingLink === null && current.meetingLink !== null;
      if (dropsLink) await assertLinkUnused(db, current.id);
      const verified = await paidBookingsOpen(db, current.id);
      if (Object.keys(changes).length === 0) return toProfile(current, verified);
      const condition = and(
        sql`1 = 1`,
        newHandle === undefined ? undefined : handleStillFree(newHandle, current.id, now),
        dropsLink ? sql`not exists (select 1 from ${services} where ${services.specialistId} = ${current.id} and ${services.locationKind} = 'link')` : undefined,
      )!;
      const written = await guardedBatch(database, condition, [
        db.update(specialists).set(changes).where(eq(specialists.id, current.id)).returning(),
        ...(newHandle === undefined ? [] : renameQueries(database, current.id, current.handle, newHandle, now)),
      ]);
      return written ? toProfile((written[0] as SpecialistRow[])[0]!, verified) : RETRY;
    },
    writeContention,
  );
}

/** The calling specialist's profile, as read now. */
export async function retrieveProfile(deps: ServiceDeps, specialist: SpecialistRow): Promise<Profile> {
  return toProfile(specialist, await paidBookingsOpen(deps.database.db, specialist.id));
}

/** The meeting link cannot go while a service (offered or archived, which may be offered again) sends its customers there. */
async function assertLinkUnused(db: Reader, specialistId: string): Promise<void> {
  const [user] = await db
    .select({ name: services.name })
    .from(services)
    .where(and(eq(services.specialistId, specialistId), eq(services.locationKind, 'link')))
    .limit(1);
  if (!user) return;
  const message = t('invalid_request.meeting_link_in_use', { service: user.name });
  throw new ServiceError('invalid_request', t('invalid_request.field', { field: 'body.meetingLink', message }), { errors: [{ field: 'body.meetingLink', message }] });
}

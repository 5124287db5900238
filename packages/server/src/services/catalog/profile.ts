import type { ServiceDeps } from '../deps.js';
import type { Profile, ProfileUpdate } from '@slotwise/sdk/contract';
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { specialists, type SpecialistRow } from '../../db/schema.js';
import { ServiceError } from '../errors.js';

export function toProfile(row: SpecialistRow): Profile {
  return {
    id: row.id,
    handle: row.handle,
    name: row.name,
    bio: row.bio,
    timeZone: row.timeZone,
    currency: row.currency,
    allowedOrigins: row.allowedOrigins,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/**
 * Changes the listed fields of the caller's own profile and nothing else (the schema is strict;
 * id, owner and availability version never come from a client). A new time zone moves the
 * working hours, and a new handle the public address, so both invalidate cached slots.
 */
export async function updateProfile(deps: ServiceDeps, specialist: SpecialistRow, patch: z.output<typeof ProfileUpdate>): Promise<Profile> {
  const { handle, name, bio, timeZone, currency, allowedOrigins } = patch;
  const changes = Object.fromEntries(
    Object.entries({ handle, name, bio, timeZone, currency, allowedOrigins }).filter(([, v]) => v !== undefined),
  ) as Partial<SpecialistRow>;
  return deps.database.write(async (tx) => {
    const [current] = await tx.select().from(specialists).where(eq(specialists.id, specialist.id));
    if (!current) throw new ServiceError('unauthorized', 'This account no longer exists; log in again.');
    if (handle !== undefined && handle !== current.handle) {
      const [owner] = await tx
        .select({ id: specialists.id })
        .from(specialists)
        .where(and(eq(specialists.handle, handle), ne(specialists.id, current.id)))
        .limit(1);
      if (owner) {
        throw new ServiceError('handle_taken', `The handle "${handle}" is taken; choose another.`, {
          errors: [{ field: 'body.handle', message: 'Taken by another specialist.' }],
        });
      }
    }
    if (Object.keys(changes).length === 0) return toProfile(current);
    const [row] = await tx.update(specialists).set(changes).where(eq(specialists.id, current.id)).returning();
    return toProfile(row!);
  });
}

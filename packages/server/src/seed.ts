import { eq } from 'drizzle-orm';
import type { Database } from './db/client.js';
import { services, specialists, weeklyHours } from './db/schema.js';
import { newId } from './http/tokens.js';
import { insertApiKey, newApiKey } from './services/api-keys.js';

export interface SeedOptions {
  /** @default 'Europe/Berlin' */
  timeZone?: string;
  now?: number;
}

export interface SeedResult {
  created: boolean;
  /** The demo specialist's secret API key, only when this call created it: it is shown once. */
  apiKey?: string;
}

/**
 * Creates the demo specialist (`demo`): a free 30-minute intro and a 60-minute session, open
 * Monday–Friday 09:00–17:00 in `timeZone`, and a secret API key. Does nothing when `demo`
 * exists, so a second demo start keeps the data as it was.
 */
export async function seedDemo(database: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const now = options.now ?? Date.now();
  const apiKey = await newApiKey();
  return database.write(async (tx) => {
    const [existing] = await tx.select({ id: specialists.id }).from(specialists).where(eq(specialists.handle, 'demo'));
    if (existing) return { created: false };
    const specialistId = newId('sp');
    await tx.insert(specialists).values({
      id: specialistId,
      handle: 'demo',
      name: 'Dr. Ada Demo',
      bio: 'Career coach for engineers. Book a free intro call or a full coaching session.',
      timeZone: options.timeZone ?? 'Europe/Berlin',
      currency: 'EUR',
      createdAt: now,
    });
    await tx.insert(services).values([
      {
        id: newId('svc'),
        specialistId,
        name: 'Intro call',
        description: 'A free 30-minute call to see whether we are a good fit.',
        currency: 'EUR',
        durations: [{ minutes: 30, price: 0 }],
        position: 0,
        createdAt: now,
      },
      {
        id: newId('svc'),
        specialistId,
        name: 'Coaching session',
        description: 'A 60-minute session on your goals, with notes afterwards.',
        currency: 'EUR',
        durations: [{ minutes: 60, price: 0 }],
        position: 1,
        createdAt: now,
      },
    ]);
    await tx.insert(weeklyHours).values(
      [1, 2, 3, 4, 5].map((weekday) => ({ id: newId('wh'), specialistId, weekday, startMinute: 9 * 60, endMinute: 17 * 60 })),
    );
    await insertApiKey(tx, specialistId, 'Demo key', apiKey, now);
    return { created: true, apiKey: apiKey.key };
  });
}

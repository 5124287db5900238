import { afterEach, describe, expect, it } from 'vitest';
import { bookings, reviews } from '../../db/schema.js';
import { newId } from '../ids.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { isSecondReview } from './write.js';

// What answers `already_reviewed` when two writers pass the snapshot check at once: the unique
// index refusing the second insert — recognised as such on libSQL and on D1, and nothing else is.
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('isSecondReview', () => {
  it.each(['file', 'd1'] as const)('tells the unique index on reviews.booking_id refusing a second review on %s', async (engine) => {
    t = await testApp({ engine });
    const app = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer: { name: 'A B', email: 'a@example.com', timeZone: 'UTC' } } });
    const bookingId = app.body.booking.id as string;
    const row = () => ({ id: newId('rv'), bookingId, specialistId: t!.intro.specialistId, rating: 5, text: '', createdAt: 1 });
    await t.database.batch([t.database.db.insert(reviews).values(row())]);
    const second = await t.database.batch([t.database.db.insert(reviews).values(row())]).catch((e: unknown) => e);
    expect(isSecondReview(second)).toBe(true);
    const other = await t.database.batch([t.database.db.insert(bookings).values({ ...({} as typeof bookings.$inferInsert), id: bookingId })]).catch((e: unknown) => e);
    expect(isSecondReview(other)).toBe(false);
  }, 60_000);
});

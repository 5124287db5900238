import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accounts, bookings, directoryEntries, reviews, services, specialists, weeklyHours } from '../../db/schema.js';
import { auth } from '../../testing/accounts.js';
import { addSpecialist, setService } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { newId } from '../../services/ids.js';

// The public directory: who is listed, what a search finds, filters, sorting, pages, and an open
// time that is always one the slots endpoint offers. A real libSQL file; the real Hono app.

const NOW = Date.parse('2026-11-20T12:00:00Z'); // a Friday
let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: NOW });
});
afterEach(() => t.close());

const search = async (query = '', headers: Record<string, string> = {}) => t.json(`/v1/specialists${query ? `?${query}` : ''}`, { headers });
const handles = async (query = '') => {
  const res = await search(query);
  expect(res.status).toBe(200);
  return (res.body.data as { handle: string }[]).map((e) => e.handle);
};
const setSpecialist = (handle: string, changes: Partial<typeof specialists.$inferInsert>) =>
  t.database.batch([t.database.db.update(specialists).set(changes).where(eq(specialists.handle, handle))]);

/** A specialist with one free 30-minute session Mon–Fri 09–17 Berlin, a headline, categories and languages. */
async function listed(handle: string, profile: { headline?: string; categories?: string[]; languages?: string[]; price?: number; currency?: string } = {}) {
  const made = await addSpecialist(t.database, handle);
  await setSpecialist(handle, { headline: profile.headline ?? '', categories: profile.categories ?? [], languages: profile.languages ?? [] });
  if (profile.price !== undefined) await setService(t.database, made.service.id, { durations: [{ minutes: 30, price: profile.price }], currency: profile.currency ?? 'EUR' });
  return made;
}

/** A visible (or hidden) review of `stars` for `specialistId`, on a completed booking of theirs. */
async function reviewed(specialistId: string, serviceId: string, stars: number, hidden = false) {
  const bookingId = newId('bk');
  await t.database.write(async (tx) => {
    await tx.insert(bookings).values({
      id: bookingId, specialistId, serviceId, status: 'completed', startAt: NOW - 86_400_000, endAt: NOW - 86_400_000 + 1_800_000, durationMinutes: 30,
      customerName: 'A B', customerEmail: `${bookingId}@example.com`, customerTimeZone: 'UTC', price: 0, currency: 'EUR', manageTokenHash: bookingId, createdAt: NOW - 2 * 86_400_000,
    });
    await tx.insert(reviews).values({ id: newId('rv'), bookingId, specialistId, rating: stars, text: '', createdAt: NOW, ...(hidden ? { hiddenAt: NOW, hiddenReason: 'spam', hiddenBy: 'op' } : {}) });
  });
}

describe('who is listed', () => {
  it('lists active, verified specialists offering a service, with public fields only', async () => {
    await listed('alma', { headline: 'Kubernetes mentor for engineers', categories: ['career-coaching'], languages: ['en', 'de'] });
    const res = await search('q=kubernetes');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        handle: 'alma', name: 'Specialist alma', headline: 'Kubernetes mentor for engineers', photoUrl: null, timeZone: 'Europe/Berlin',
        categories: ['career-coaching'], languages: ['en', 'de'], rating: { average: null, count: 0 }, priceFrom: { amount: 0, currency: 'EUR' },
        nextOpen: { start: '2026-11-20T12:30:00.000Z', service: expect.stringMatching(/^svc_/) }, // Friday 13:30 Berlin, the next half hour
      },
    ]);
    expect(res.body.nextCursor).toBeNull();
    expect(JSON.stringify(res.body)).not.toMatch(/@|status|sp_/);
    expect(await handles()).toEqual(expect.arrayContaining(['demo', 'alma']));
  });

  it('leaves out the suspended, the opted-out, the unverified and those with no active service — and lists them again when that changes', async () => {
    const alma = await listed('alma');
    const bo = await listed('bo');
    await listed('cy');
    await listed('di');
    await setSpecialist('alma', { status: 'suspended', statusReason: 'fraud check' });
    const optOut = await t.json('/v1/me', { method: 'PATCH', body: { directoryListed: false }, headers: auth(bo.apiKey) });
    expect(optOut.status).toBe(200);
    expect(optOut.body.directoryListed).toBe(false);
    const cy = (await t.database.db.select().from(specialists).where(eq(specialists.handle, 'cy')))[0]!;
    await t.database.write((tx) => tx.insert(accounts).values({ id: newId('acct'), email: 'cy@example.com', passwordHash: 'x', role: 'specialist', specialistId: cy.id, createdAt: NOW }));
    const di = (await t.database.db.select().from(services).innerJoin(specialists, eq(specialists.id, services.specialistId)).where(eq(specialists.handle, 'di')))[0]!;
    await setService(t.database, di.services.id, { active: false });

    expect((await handles()).sort()).toEqual(['demo']);
    expect(JSON.stringify((await search()).body)).not.toContain('fraud check');

    await setSpecialist('alma', { status: 'active', statusReason: null });
    await t.database.batch([t.database.db.update(accounts).set({ emailVerifiedAt: NOW }).where(eq(accounts.specialistId, cy.id))]);
    await setService(t.database, di.services.id, { active: true });
    expect((await handles()).sort()).toEqual(['alma', 'cy', 'demo', 'di']);
    expect(alma.specialistId).toMatch(/^sp_/);
  });
});

describe('searching', () => {
  beforeEach(async () => {
    // The seeded demo's directory profile (career coaching, en and de) left out of these fixtures; its bio stays.
    await setSpecialist('demo', { headline: '', categories: [], languages: [] });
    for (const [handle, profile] of [
      ['alma', { headline: 'Kubernetes mentor for engineers', categories: ['career-coaching'], languages: ['en'] }],
      ['bo', { headline: 'Yoga teacher', categories: ['wellbeing'], languages: ['de'] }],
      ['cy', { headline: 'Résumé reviews', categories: ['career-coaching'], languages: ['fr', 'en'] }],
    ] as const) {
      await listed(handle, { ...profile, categories: [...profile.categories], languages: [...profile.languages] });
    }
  });

  it('finds words in the name, headline, bio, categories and service names; the last word also as a prefix, accents folded', async () => {
    expect(await handles('q=kubernetes')).toEqual(['alma']);
    expect(await handles('q=kube')).toEqual(['alma']);
    expect(await handles('q=mentor%20engin')).toEqual(['alma']);
    expect(await handles('q=resume')).toEqual(['cy']);
    expect((await handles('q=coaching')).sort()).toEqual(['alma', 'cy', 'demo']); // a category of two, the demo's bio
    expect(await handles('q=yoga%20teach')).toEqual(['bo']);
    await t.database.batch([t.database.db.update(specialists).set({ bio: 'Mindfulness and breathing' }).where(eq(specialists.handle, 'bo'))]);
    expect(await handles('q=breathing')).toEqual(['bo']);
    const alma = (await t.database.db.select().from(services).innerJoin(specialists, eq(specialists.id, services.specialistId)).where(eq(specialists.handle, 'alma')))[0]!;
    await setService(t.database, alma.services.id, { name: 'Salary negotiation' });
    expect(await handles('q=negotiation')).toEqual(['alma']);
  });

  it('reads quotes, stars and search operators as plain words: never a syntax error', async () => {
    for (const q of ['"', '"kubernetes', 'kube*', 'NEAR(kubernetes engineers)', 'yoga AND', 'OR', 'name:yoga', '(', '-yoga', '^', '***', '%', "'", '\\']) {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
    }
    expect(await handles(`q=${encodeURIComponent('"kubernetes')}`)).toEqual(['alma']);
    expect(await handles(`q=${encodeURIComponent('name:yoga')}`)).toEqual([]); // "name" is a word bo never wrote, not a column filter
    expect(await handles(`q=${encodeURIComponent('NEAR(kubernetes engineers)')}`)).toEqual([]); // nor "near"
    expect(await handles(`q=${encodeURIComponent('YOGA***')}`)).toEqual(['bo']);
  });

  it('filters by category, language, and price in a currency', async () => {
    await setService(t.database, (await t.database.db.select().from(services).innerJoin(specialists, eq(specialists.id, services.specialistId)).where(eq(specialists.handle, 'cy')))[0]!.services.id, {
      durations: [{ minutes: 60, price: 9000 }, { minutes: 30, price: 5000 }],
    });
    expect((await handles('category=career-coaching')).sort()).toEqual(['alma', 'cy']);
    expect((await handles('language=en')).sort()).toEqual(['alma', 'cy']);
    expect(await handles('language=de')).toEqual(['bo']);
    expect((await handles('category=career-coaching&price_max=4999&currency=EUR')).sort()).toEqual(['alma']);
    const cy = (await search('q=resume')).body.data[0];
    expect(cy.priceFrom).toEqual({ amount: 5000, currency: 'EUR' });
    expect(await handles('category=career-coaching&currency=USD')).toEqual([]);
  });

  it('sorts by rating (hidden reviews not counted), by price and by the next open time', async () => {
    const ids = Object.fromEntries(
      (await t.database.db.select({ handle: specialists.handle, id: specialists.id, service: services.id }).from(specialists).innerJoin(services, eq(services.specialistId, specialists.id))).map((r) => [r.handle, r]),
    );
    await reviewed(ids.alma!.id, ids.alma!.service, 4);
    await reviewed(ids.bo!.id, ids.bo!.service, 5);
    await reviewed(ids.bo!.id, ids.bo!.service, 4);
    await reviewed(ids.cy!.id, ids.cy!.service, 5);
    await reviewed(ids.cy!.id, ids.cy!.service, 1, true); // hidden: not counted
    const rated = (await search('sort=rating&category=career-coaching')).body.data;
    expect(rated.map((e: { handle: string; rating: unknown }) => [e.handle, e.rating])).toEqual([
      ['cy', { average: 5, count: 1 }],
      ['alma', { average: 4, count: 1 }],
    ]);
    expect((await handles('sort=rating')).slice(0, 3)).toEqual(['cy', 'bo', 'alma']);
    await t.database.batch([t.database.db.update(reviews).set({ hiddenAt: null }).where(eq(reviews.specialistId, ids.cy!.id))]);
    expect((await handles('sort=rating')).slice(0, 3)).toEqual(['bo', 'alma', 'cy']);

    await setService(t.database, ids.alma!.service, { durations: [{ minutes: 30, price: 3000 }] });
    await setService(t.database, ids.bo!.service, { durations: [{ minutes: 30, price: 1000 }] });
    expect(await handles('sort=price&currency=EUR&q=coach%20yoga%20resume')).toEqual([]);
    expect((await handles('sort=price&currency=EUR')).filter((h) => h !== 'demo')).toEqual(['cy', 'bo', 'alma']);

    // bo opens on Saturdays too, so first: tomorrow at 09:00 Berlin.
    await t.database.write((tx) => tx.insert(weeklyHours).values({ id: newId('wh'), specialistId: ids.bo!.id, weekday: 6, startMinute: 540, endMinute: 600 }));
    await setSpecialist('demo', { directoryListed: false });
    t.setNow(Date.parse('2026-11-20T17:00:00Z')); // Friday 18:00 Berlin: everyone's day is over
    const soonest = (await search('sort=next_open')).body.data.map((e: { handle: string; nextOpen: { start: string } }) => [e.handle, e.nextOpen.start]);
    expect(soonest[0]).toEqual(['bo', '2026-11-21T08:00:00.000Z']);
    expect(soonest.slice(1).map((e: string[]) => e[1])).toEqual(['2026-11-23T08:00:00.000Z', '2026-11-23T08:00:00.000Z']);
  });
});

describe('open within N days', () => {
  it('lists only specialists with an open time in the window, the time being what the slots endpoint offers', async () => {
    const alma = await listed('alma');
    const bo = await listed('bo');
    // bo has no hours any more: no open time at all.
    await t.database.write(async (tx) => {
      await tx.delete(weeklyHours).where(eq(weeklyHours.specialistId, bo.specialistId));
    });
    await t.app.tick();
    expect((await handles('available_within_days=7')).sort()).toEqual(['alma', 'demo']);
    expect((await search('q=specialist%20bo')).body.data[0].nextOpen).toBeNull();
    const slots = await t.json(`/v1/specialists/alma/slots?service=${alma.service.id}&timezone=UTC`);
    const first = slots.body.days[0].slots[0].start as string;
    const entry = (await search('available_within_days=7&q=alma')).body.data[0];
    expect(Date.parse(entry.nextOpen.start)).toBe(Date.parse(first));
  });

  it('never shows a time that was taken meanwhile: the page is checked with the slot engine', async () => {
    const alma = await listed('alma');
    const before = (await search('q=alma')).body.data[0].nextOpen.start as string;
    const booked = await t.json('/v1/bookings', { body: { specialist: 'alma', service: alma.service.id, start: before, customer: { name: 'A', email: 'a@example.com', timeZone: 'UTC' } } });
    expect(booked.status).toBe(201);
    const after = (await search('q=alma&available_within_days=7')).body.data[0].nextOpen.start as string;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
  });

  it('drops a row whose stored time is no longer true, rather than show it', async () => {
    const alma = await listed('alma');
    await search('q=alma'); // files ada's next open time
    // Hours gone behind the directory's back, and a stored time that still claims Monday:
    await t.database.batch([t.database.db.delete(weeklyHours).where(eq(weeklyHours.specialistId, alma.specialistId))]);
    await t.database.batch([t.database.db.update(directoryEntries).set({ nextOpenAt: Date.parse('2026-11-23T08:00:00Z'), nextOpenVersion: sql`(select availability_version from specialists where id = ${alma.specialistId})`, nextOpenCheckedAt: NOW }).where(eq(directoryEntries.specialistId, alma.specialistId))]);
    const res = await search('q=alma&available_within_days=7');
    expect(res.body.data).toEqual([]);
    expect((await search('q=alma')).body.data[0].nextOpen).toBeNull();
  });
});

describe('pages and bad input', () => {
  it('pages through every listed specialist once with an opaque cursor', async () => {
    for (const h of ['a1', 'a2', 'a3', 'a4']) await listed(h);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await search(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((e: { handle: string }) => e.handle));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'demo']);
  });

  it('refuses a forged cursor, a page too large, a search too long and a price without its currency, in the visitor’s language', async () => {
    for (const [query, field] of [
      ['cursor=bm9wZQ', 'query.cursor'],
      [`cursor=${btoa('d1.99999')}`, 'query.cursor'],
      ['limit=51', 'query.limit'],
      [`q=${'a'.repeat(101)}`, 'query.q'],
      ['price_max=5000', 'query.currency'],
      ['available_within_days=31', 'query.available_within_days'],
      ['sort=cheapest', 'query.sort'],
      ['category=Career%20Coaching', 'query.category'],
    ] as const) {
      const res = await search(query);
      expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code: 'invalid_request' });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const german = await search('price_max=5000', { 'accept-language': 'de' });
    expect(german.body.errors[0].message).toBe('Geben Sie die Währung des Höchstpreises an, etwa currency=EUR.');
  });
});

describe('the profile’s directory fields', () => {
  it('are set by the specialist, validated, and searched', async () => {
    const res = await t.json('/v1/me', { method: 'PATCH', body: { headline: 'Negotiation mentor', categories: ['career-coaching', 'career-coaching'], languages: ['en', 'pt'] }, headers: auth(t.apiKey) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ headline: 'Negotiation mentor', categories: ['career-coaching'], languages: ['en', 'pt'], directoryListed: true });
    expect(await handles('q=negotiation&language=pt')).toEqual(['demo']);
    const bad = await t.json('/v1/me', { method: 'PATCH', body: { categories: ['Career!'], languages: ['english'] }, headers: auth(t.apiKey) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.categories.0', 'body.languages.0']);
  });
});

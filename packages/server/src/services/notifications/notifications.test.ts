import type { Notification } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifications, specialists } from '../../db/schema.js';
import { failure, sdkTestApp, type SdkTestApp } from '../../sdk-contract/sdk-test-app.js';
import { addSpecialist } from '../../testing/fixtures.js';
import { seedDemoPayments } from '../../seed.js';
import { markNotificationsRead } from './inbox.js';
import { notifySpecialist } from './in-app.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');
let t: SdkTestApp;
let other: Awaited<ReturnType<typeof addSpecialist>>;
let demoId: string;
beforeEach(async () => {
  t = await sdkTestApp({ now: NOW });
  other = await addSpecialist(t.database, 'other');
  demoId = (await t.database.db.select().from(specialists).where(eq(specialists.handle, 'demo')))[0]!.id;
});
afterEach(async () => {
  await t.app.deliveries.idle();
  t.close();
});

const customer = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'America/New_York' };
const book = async (start: string, handle = 'demo', service = t.intro.id) => {
  const res = await t.json('/v1/bookings', { body: { specialist: handle, service, start, customer } });
  expect(res.status).toBe(201);
  await t.app.deliveries.idle();
  return res.body as { booking: { id: string }; manageToken: string };
};
/** A notice for `specialistId` written at `at` (the test's clock). */
const notice = async (specialistId: string, title: string, at: number) => {
  t.setNow(at);
  await notifySpecialist(t.app.deps, specialistId, { kind: 'meeting.failed', bookingId: null, title, body: title });
};
const titles = (page: { data: Notification[] }) => page.data.map((n) => n.title);

describe('GET /v1/me/notifications', () => {
  it('tells the specialist of a new booking in their own zone, and of the customer’s cancellation with its reason', async () => {
    const { booking, manageToken } = await book('2026-11-23T09:00:00Z');
    let page = await t.specialist.me.notifications.list();
    expect(page).toEqual({
      data: [
        {
          id: expect.stringMatching(/^ntf_/),
          kind: 'booking.confirmed',
          bookingId: booking.id,
          title: 'New booking: Ada Lovelace',
          body: 'Ada Lovelace booked Intro call on Mon 23 Nov, 10:00 (30 min).', // 09:00 UTC is 10:00 in Berlin
          read: false,
          readAt: null,
          createdAt: '2026-11-20T12:00:00Z',
        },
      ],
      hasMore: false,
      unread: 1,
    });
    t.setNow(NOW + 60_000);
    await t.visitor.bookings.cancel(booking.id, { reason: 'Plans changed' }, { manageToken });
    await t.app.deliveries.idle();
    page = await t.specialist.me.notifications.list();
    expect(page.data[0]).toMatchObject({ kind: 'booking.cancelled', title: 'Cancelled: Ada Lovelace', body: 'Intro call on Mon 23 Nov, 10:00 was cancelled by the customer: Plans changed' });
    expect(page.unread).toBe(2);
  });

  it('tells the specialist of a package sold once it is paid, and of a free one when claimed — not of one still unpaid', async () => {
    await seedDemoPayments(t.app.deps.payments, t.database); // a (test) connected account
    const paidPackage = await t.specialist.me.packages.create({ name: 'Two sessions', sessionCount: 2, serviceIds: [t.session.id], price: 15000, validityDays: 60 });
    const bought = await t.visitor.packages.purchase(paidPackage.id, { customer });
    await t.app.deliveries.idle();
    expect((await t.specialist.me.notifications.list()).data).toEqual([]); // not paid yet: nothing sold
    await t.visitor.payments.confirmTestPurchase(bought.paymentSession!.clientSecret.split('_secret_')[0]!, { outcome: 'succeed' }, { creditsToken: bought.creditsToken });
    await t.app.deliveries.idle();
    t.setNow(NOW + 60_000);
    const freePackage = await t.specialist.me.packages.create({ name: 'Welcome call', sessionCount: 1, serviceIds: [t.intro.id], price: 0, validityDays: 30 });
    await t.visitor.packages.purchase(freePackage.id, { customer: { ...customer, name: 'Grace Hopper', email: 'grace@example.com' } });
    await t.app.deliveries.idle();
    const page = await t.specialist.me.notifications.list();
    expect(page.data.map(({ kind, bookingId, title, body }) => ({ kind, bookingId, title, body }))).toEqual([
      { kind: 'package.purchased', bookingId: null, title: 'Package sold: Grace Hopper', body: 'Grace Hopper bought Welcome call (1 session) at no charge.' },
      { kind: 'package.purchased', bookingId: null, title: 'Package sold: Ada Lovelace', body: 'Ada Lovelace bought Two sessions (2 sessions) for €150.00.' },
    ]);
    expect(page.unread).toBe(2);
    expect((await t.as(other.apiKey).me.notifications.list()).data).toEqual([]);
  });

  it('does not tell the specialist of a change they made themselves', async () => {
    const { booking } = await book('2026-11-23T09:00:00Z');
    await t.specialist.me.bookings.reschedule(booking.id, { start: '2026-11-23T10:00:00Z' });
    await t.specialist.me.bookings.cancel(booking.id, { reason: 'Ill' });
    await t.app.deliveries.idle();
    expect(titles(await t.specialist.me.notifications.list())).toEqual(['New booking: Ada Lovelace']);
  });

  it('pages newest first with a cursor that holds while notices arrive and are read, ties included', async () => {
    for (let i = 1; i <= 5; i++) await notice(demoId, `n${i}`, NOW + i * 1000);
    await notice(demoId, 'n6', NOW + 5000); // the same instant as n5: the id decides, the same way every time
    const expected = titles(await t.specialist.me.notifications.list({ limit: 100 }));
    expect(expected.slice(2)).toEqual(['n4', 'n3', 'n2', 'n1']);
    expect(expected.slice(0, 2).sort()).toEqual(['n5', 'n6']);

    const seen: string[] = [];
    let page = await t.specialist.me.notifications.list({ limit: 2 });
    seen.push(...titles(page));
    await notice(demoId, 'newer', NOW + 10_000); // arrives on top, not in the pages after the cursor
    await t.specialist.me.notifications.markRead({ ids: page.data.map((n) => n.id) });
    while (page.hasMore) {
      page = await t.specialist.me.notifications.list({ limit: 2, starting_after: page.data.at(-1)!.id });
      seen.push(...titles(page));
    }
    expect(seen).toEqual(expected);
  });

  it('lists only unread ones on request, the cursor still holding when the cursor itself was read meanwhile', async () => {
    for (let i = 1; i <= 4; i++) await notice(demoId, `n${i}`, NOW + i * 1000);
    const first = await t.specialist.me.notifications.list({ unread: true, limit: 2 });
    expect(titles(first)).toEqual(['n4', 'n3']);
    await t.specialist.me.notifications.markRead({ ids: [first.data[1]!.id] });
    const next = await t.specialist.me.notifications.list({ unread: true, limit: 2, starting_after: first.data[1]!.id });
    expect(titles(next)).toEqual(['n2', 'n1']);
    expect(next.unread).toBe(3);
    const all = await t.json('/v1/me/notifications?unread=false', { headers: { authorization: `Bearer ${t.apiKey}` } });
    expect(all.body.data).toHaveLength(4);
  });

  it('counts every unread notice, not only the page’s, and marks read the ones named or all', async () => {
    for (let i = 1; i <= 3; i++) await notice(demoId, `n${i}`, NOW + i * 1000);
    const page = await t.specialist.me.notifications.list({ limit: 1 });
    expect(page).toMatchObject({ unread: 3, hasMore: true });
    t.setNow(NOW + 60_000);
    expect(await t.specialist.me.notifications.markRead({ ids: [page.data[0]!.id] })).toEqual({ marked: 1, unread: 2 });
    expect(await t.specialist.me.notifications.markRead({ ids: [page.data[0]!.id] })).toEqual({ marked: 0, unread: 2 }); // already read
    const read = (await t.specialist.me.notifications.list()).data.find((n) => n.id === page.data[0]!.id);
    expect(read).toMatchObject({ read: true, readAt: '2026-11-20T12:01:00Z' });
    expect(await t.specialist.me.notifications.markRead({ all: true })).toEqual({ marked: 2, unread: 0 });
    expect((await t.specialist.me.notifications.list()).data.every((n) => n.read)).toBe(true);
  });

  it('refuses a mark-read that names nothing, or both ids and all; an empty list never means all', async () => {
    await notice(demoId, 'n1', NOW);
    for (const body of [{}, { ids: [] }, { ids: ['ntf_x'], all: true }, { all: false }]) {
      const res = await t.json('/v1/me/notifications/read', { body, headers: { authorization: `Bearer ${t.apiKey}` } });
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'invalid_request' });
    }
    const [demo] = await t.database.db.select().from(specialists).where(eq(specialists.id, demoId));
    expect(await markNotificationsRead(t.app.deps, demo!, { ids: [] })).toEqual({ marked: 0, unread: 1 });
    expect((await t.specialist.me.notifications.list()).unread).toBe(1);
  });
});

describe('notifications are the caller’s own', () => {
  it('never lists, pages from or marks another specialist’s notices', async () => {
    await book('2026-11-23T09:00:00Z');
    await book('2026-11-23T09:00:00Z', 'other', other.service.id);
    await notice(demoId, 'for demo', NOW + 1000);
    const mine = await t.specialist.me.notifications.list();
    const theirs = await t.as(other.apiKey).me.notifications.list();
    expect(titles(mine)).toEqual(['for demo', 'New booking: Ada Lovelace']);
    expect(theirs.data.map((n) => n.body)).toEqual(['Ada Lovelace booked Session on Mon 23 Nov, 10:00 (30 min).']);
    expect(theirs.unread).toBe(1);

    // Their cursor is not mine to page from: refused like an id that does not exist.
    const cursor = await failure(t.as(other.apiKey).me.notifications.list({ starting_after: mine.data[0]!.id }));
    expect(cursor).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(cursor.problem?.errors).toEqual([{ field: 'query.starting_after', message: 'Use the id of the last notification of the previous page.' }]);

    expect(await t.as(other.apiKey).me.notifications.markRead({ ids: mine.data.map((n) => n.id) })).toEqual({ marked: 0, unread: 1 });
    expect(await t.as(other.apiKey).me.notifications.markRead({ all: true })).toEqual({ marked: 1, unread: 0 });
    const after = await t.specialist.me.notifications.list();
    expect(after.unread).toBe(2);
    expect(after.data.every((n) => !n.read)).toBe(true);
    const stored = await t.database.db.select().from(notifications).where(eq(notifications.specialistId, demoId));
    expect(stored.every((n) => n.readAt === null)).toBe(true);
  });

  it('needs the specialist’s credentials', async () => {
    expect((await t.json('/v1/me/notifications')).status).toBe(401);
    expect((await t.json('/v1/me/notifications/read', { body: { all: true } })).status).toBe(401);
  });
});

import { isSlotwiseError, type SlotwiseClient } from '@slotwise/sdk';
import { BookingList, CancellationQuote, SpecialistBooking } from '@slotwise/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, sdkTestApp, type SdkTestApp } from './sdk-test-app.js';

// The SDK's lifecycle namespaces against the real app and a real database file, with a movable clock.
let t: SdkTestApp;
let visitor: SlotwiseClient;
let specialist: SlotwiseClient;
let serviceId = '';

beforeAll(async () => {
  t = await sdkTestApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  ({ visitor, specialist } = t);
  serviceId = (await visitor.specialists.retrieve('demo')).services[0]!.id;
  // No meeting: the histories below hold only the lifecycle's own events (a meeting adds `meeting_ready`).
  await specialist.me.services.update(serviceId, { location: { kind: 'none' } });
});
afterAll(() => t.close());

const customer = { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/Berlin' };
const book = (start: string, idempotencyKey?: string) =>
  visitor.bookings.create({ specialist: 'demo', service: serviceId, start, customer }, idempotencyKey ? { idempotencyKey } : undefined);

describe('the booking lifecycle through the SDK', () => {
  it('replays a create sent twice with one idempotency key, and sends a key by itself', async () => {
    const first = await book('2026-11-23T09:00:00Z', 'order-1');
    const again = await book('2026-11-23T09:00:00Z', 'order-1');
    expect(again.booking.id).toBe(first.booking.id);
    const taken = await book('2026-11-23T09:00:00Z').catch((e: unknown) => e);
    expect(isSlotwiseError(taken, 'slot_unavailable')).toBe(true); // a fresh key: a real second attempt
  });

  it('quotes, reschedules and cancels as the customer', async () => {
    const { booking, manageToken } = await book('2026-11-24T09:00:00Z');
    const quote = await visitor.bookings.cancellationQuote(booking.id, { manageToken });
    expect(CancellationQuote.parse(quote)).toMatchObject({ allowed: true, refund: { rule: 'full' } });
    const moved = await visitor.bookings.reschedule(booking.id, { start: '2026-11-24T10:00:00Z' }, { manageToken });
    expect(moved).toMatchObject({ start: '2026-11-24T10:00:00Z', rescheduleCount: 1 });
    expect((await visitor.bookings.cancel(booking.id, {}, { manageToken })).status).toBe('cancelled');
  });

  it('lets the specialist page through bookings, read the history, keep notes and complete a session', async () => {
    for (const hour of ['11', '12', '13']) await book(`2026-11-25T${hour}:00:00Z`);
    const first = await specialist.me.bookings.list({ status: ['confirmed'], from: '2026-11-25', to: '2026-11-25', limit: 2 });
    expect(BookingList.parse(first).data.map((b) => b.start)).toEqual(['2026-11-25T11:00:00Z', '2026-11-25T12:00:00Z']);
    expect(first.hasMore).toBe(true);
    const second = await specialist.me.bookings.list({ status: ['confirmed'], from: '2026-11-25', to: '2026-11-25', limit: 2, starting_after: first.data[1]!.id });
    expect(second.data.map((b) => b.start)).toEqual(['2026-11-25T13:00:00Z']);
    expect(second.hasMore).toBe(false);
    // Dates the wrong way round are named as a mistake, not answered with an empty page.
    const reversed = await failure(specialist.me.bookings.list({ from: '2026-11-26', to: '2026-11-25' }));
    expect(reversed).toMatchObject({ status: 422, code: 'invalid_range' });
    expect(reversed.problem.errors).toEqual([{ field: 'query.to', message: expect.any(String) }]);

    const id = first.data[0]!.id;
    const noted = await specialist.me.bookings.updateNotes(id, { notes: 'Bring the CV' });
    expect(SpecialistBooking.parse(noted).specialistNotes).toBe('Bring the CV');
    t.setNow(Date.parse('2026-11-25T11:40:00Z'));
    const done = await specialist.me.bookings.complete(id);
    expect(done.status).toBe('completed');
    expect(done.events.map((e) => e.type)).toEqual(['confirmed', 'notes_updated', 'completed']);
    const refused = await specialist.me.bookings.markNoShow(id).catch((e: unknown) => e);
    expect(isSlotwiseError(refused, 'invalid_transition')).toBe(true);
  });
});

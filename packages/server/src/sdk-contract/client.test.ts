import { isSlotwiseError, type SlotwiseClient } from '@slotwise/sdk';
import { AvailabilityRules, Booking, BookingCreated, MyServiceList, Slots, Specialist } from '@slotwise/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDemo, setService } from '../testing/fixtures.js';
import { failure, sdkTestApp, type SdkTestApp } from './sdk-test-app.js';

// The SDK's client against the real Hono app and a real database file, through an injected fetch:
// if the contract and the server drift apart, these tests break.
let t: SdkTestApp;
let client: SlotwiseClient;
let specialist: SlotwiseClient;

beforeAll(async () => {
  t = await sdkTestApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  client = t.visitor;
  specialist = t.specialist;
});
afterAll(() => t.close());

const customer = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/London' };


describe('createClient against the real API', () => {
  it('reads a profile and slots that match the contract', async () => {
    const profile = await client.specialists.retrieve('demo');
    expect(Specialist.parse(profile)).toEqual(profile);
    const slots = await client.specialists.slots('demo', { service: profile.services[0]!.id, from: '2026-11-23', to: '2026-11-27', timezone: 'Europe/London' });
    expect(Slots.parse(slots)).toEqual(slots);
    expect(slots.days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
  });

  it('books, retrieves and cancels with the manage token', async () => {
    const { services } = await client.specialists.retrieve('demo');
    const created = await client.bookings.create({ specialist: 'demo', service: services[1]!.id, start: '2026-11-24T09:00:00Z', customer });
    expect(BookingCreated.parse(created)).toEqual(created);
    const read = await client.bookings.retrieve(created.booking.id, { manageToken: created.manageToken });
    // The customer's own view adds whether they may move it (the service lets them until 24 hours before).
    expect(Booking.parse(read)).toEqual({ ...created.booking, move: { allowed: true, reason: null, until: '2026-11-23T09:00:00Z' } });
    const cancelled = await client.bookings.cancel(created.booking.id, { reason: 'Ill' }, { manageToken: created.manageToken });
    expect(cancelled.status).toBe('cancelled');
  });

  it('releases an unpaid hold with the manage token, and refuses to release a confirmed booking', async () => {
    await connectDemo(t.app);
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
    const held = await client.bookings.create({ specialist: 'demo', service: t.intro.id, start: '2026-12-01T09:00:00Z', customer, visitor: 'vis_sdk_0123456789abcdef' });
    expect(held.booking.status).toBe('held');
    const released = await client.bookings.release(held.booking.id, { manageToken: held.manageToken });
    expect(Booking.parse(released)).toEqual(released);
    expect(released.status).toBe('expired');
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 0 }] });
    const free = await client.bookings.create({ specialist: 'demo', service: t.intro.id, start: '2026-12-01T09:00:00Z', customer });
    const refused = await failure(client.bookings.release(free.booking.id, { manageToken: free.manageToken }));
    expect(refused.code).toBe('booking_already_paid');
    expect(refused.status).toBe(409);
  });

  it('throws SlotwiseError carrying the problem document', async () => {
    const { services } = await client.specialists.retrieve('demo');
    await client.bookings.create({ specialist: 'demo', service: services[0]!.id, start: '2026-11-25T10:00:00Z', customer });
    const taken = await failure(client.bookings.create({ specialist: 'demo', service: services[0]!.id, start: '2026-11-25T10:00:00Z', customer }));
    expect(isSlotwiseError(taken, 'slot_unavailable')).toBe(true);
    expect(taken.status).toBe(409);

    const missing = await failure(client.specialists.retrieve('nobody'));
    expect(missing.code).toBe('specialist_not_found');
    expect(missing.problem.detail).toContain('nobody');

    const invalid = await failure(
      client.bookings.create({ specialist: 'demo', service: services[0]!.id, start: 'soon', customer: { ...customer, email: 'x' } }),
    );
    expect(invalid.code).toBe('invalid_request');
    expect(invalid.problem.errors?.map((e) => e.field)).toEqual(['body.start', 'body.customer.email']);

    const wrongToken = await failure(client.bookings.retrieve('bk_x', { manageToken: 'bmt_nope' }));
    expect(wrongToken.status).toBe(404);
  });

  it('lets a specialist edit availability with an API key, and the slots follow', async () => {
    const { data } = await specialist.me.services.list();
    const intro = data[0]!;
    expect(MyServiceList.parse({ data })).toEqual({ data });
    await specialist.me.services.update(intro.id, { slotStep: 60 });
    const rules = await specialist.me.availability.replaceWeekly({ weekly: [{ weekday: 4, start: '10:00', end: '12:00' }] });
    expect(AvailabilityRules.parse(rules).weekly).toEqual([{ weekday: 4, start: '10:00', end: '12:00' }]);
    const override = await specialist.me.availability.overrides.create({ from: '2026-12-03', intervals: [] });
    const rule = await specialist.me.availability.recurring.create({ rrule: 'FREQ=WEEKLY;BYDAY=SU', anchor: '2026-11-22', start: '09:00', end: '10:00' });
    const slots = await client.specialists.slots('demo', { service: intro.id, from: '2026-11-26', to: '2026-12-06', timezone: 'Europe/Berlin' });
    expect(slots.days.map((d) => [d.date, d.slots.length])).toEqual([
      ['2026-11-26', 2], // Thursday 10:00 and 11:00 (hourly starts)
      ['2026-11-29', 1], // the Sunday rule
      ['2026-12-06', 1], // 2026-12-03, a Thursday, is closed by the override
    ]);
    await specialist.me.availability.overrides.delete(override.id);
    await specialist.me.availability.recurring.delete(rule.id);
    expect((await specialist.me.availability.retrieve()).overrides).toEqual([]);
    await expect(client.me.availability.retrieve()).rejects.toThrow('apiKey');
  });
});

describe('a refusal as the SDK hands it over', () => {
  it("keeps the server's Retry-After and the whole problem document, so a client backs off without parsing the sentence", async () => {
    const limited = await sdkTestApp({ now: Date.parse('2026-11-20T12:00:00Z'), rateLimits: true });
    try {
      const { services } = await limited.visitor.specialists.retrieve('demo');
      let refused: Awaited<ReturnType<typeof failure>> | undefined;
      for (let i = 0; i < 40 && !refused?.status.toString().startsWith('429'); i++) {
        // A Sunday: never a slot, so nothing is booked; each try still counts against the limit.
        // Each from another address: the per-client limit is the one met, not the per-email one.
        refused = await failure(limited.visitor.bookings.create({ specialist: 'demo', service: services[0]!.id, start: '2026-11-22T09:00:00Z', customer: { ...customer, email: `try${i}@example.com` } }));
      }
      expect(refused!.code).toBe('rate_limited');
      expect(refused!.retryAfter).toBeGreaterThan(0);
      expect(refused!.retryAfter).toBeLessThanOrEqual(60);
      expect(refused!.problem.instance).toBe('/v1/bookings');
      // A refusal without the header has none.
      const plain = await failure(limited.visitor.bookings.retrieve('bk_none', { manageToken: 'bmt_none' }));
      expect(plain.retryAfter).toBeUndefined();
    } finally {
      await limited.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, createDb, migrate, seedDemo, type Database } from '@slotwise/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvailabilityRules, Booking, BookingCreated, MyServiceList, Slots, Specialist } from './contract/index.js';
import { createClient, isSlotwiseError, type SlotwiseClient } from './index.js';
import { failure } from './test-support.js';

// The client against the real Hono app and a real database file, through an injected fetch:
// if the contract and the server drift apart, these tests break.
let dir: string;
let database: Database;
let client: SlotwiseClient;
let specialist: SlotwiseClient;
const now = Date.parse('2026-11-20T12:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-sdk-'));
  database = createDb(`file:${join(dir, 'sdk.db')}`, { timeout: 5000 });
  await migrate(database);
  const app = createApp({ database, clock: () => now });
  const seeded = await seedDemo(database);
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => app.request(input as string, init);
  client = createClient({ baseURL: 'http://slotwise.test', fetch });
  specialist = createClient({ baseURL: 'http://slotwise.test', fetch, apiKey: seeded.apiKey });
});
afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

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
    expect(Booking.parse(read)).toEqual(created.booking);
    const cancelled = await client.bookings.cancel(created.booking.id, { reason: 'Ill' }, { manageToken: created.manageToken });
    expect(cancelled.status).toBe('cancelled');
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

  it('reports a network failure as a SlotwiseError with code network_error', async () => {
    const offline = createClient({ baseURL: 'http://slotwise.test', fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const error = await failure(offline.specialists.retrieve('demo'));
    expect(error.code).toBe('network_error');
  });

  it('tells a timeout from a network failure, and hands back the caller’s own abort untouched', async () => {
    const hanging = (_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const slow = createClient({ baseURL: 'http://slotwise.test', fetch: hanging, timeout: 20 });
    expect((await failure(slow.specialists.retrieve('demo'))).code).toBe('timeout');
    const controller = new AbortController();
    const pending = slow.specialists.retrieve('demo', { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    const aborted = await pending;
    expect(isSlotwiseError(aborted)).toBe(false);
    expect((aborted as Error).name).toBe('AbortError');
  });

  it('says where it sends its requests', () => {
    expect(createClient({ baseURL: 'https://api.example.com/' }).baseURL).toBe('https://api.example.com');
  });

  it('recognises an error from another copy of the SDK by its shape', () => {
    const foreign = Object.assign(new Error('taken'), { name: 'SlotwiseError', code: 'slot_unavailable', problem: {} });
    expect(isSlotwiseError(foreign, 'slot_unavailable')).toBe(true);
    expect(isSlotwiseError(new Error('x'))).toBe(false);
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

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, createDb, migrate, seedDemo, type Database } from '@slotwise/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking, BookingCreated, Slots, Specialist } from './contract/index.js';
import { createClient, isSlotwiseError, SlotwiseError, type SlotwiseClient } from './index.js';

// The client against the real Hono app and a real database file, through an injected fetch:
// if the contract and the server drift apart, these tests break.
let dir: string;
let database: Database;
let client: SlotwiseClient;
const now = Date.parse('2026-11-20T12:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-sdk-'));
  database = createDb(`file:${join(dir, 'sdk.db')}`, { timeout: 5000 });
  await migrate(database);
  await seedDemo(database);
  const app = createApp({ database, clock: () => now });
  client = createClient({ baseURL: 'http://slotwise.test', fetch: (input, init) => app.request(input as string, init) });
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
    const taken = await client.bookings
      .create({ specialist: 'demo', service: services[0]!.id, start: '2026-11-25T10:00:00Z', customer })
      .catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(SlotwiseError);
    expect(isSlotwiseError(taken, 'slot_unavailable')).toBe(true);
    expect((taken as SlotwiseError).status).toBe(409);

    const missing = await client.specialists.retrieve('nobody').catch((e: unknown) => e as SlotwiseError);
    expect(missing.code).toBe('specialist_not_found');
    expect(missing.problem.detail).toContain('nobody');

    const invalid = await client.bookings
      .create({ specialist: 'demo', service: services[0]!.id, start: 'soon', customer: { ...customer, email: 'x' } })
      .catch((e: unknown) => e as SlotwiseError);
    expect(invalid.code).toBe('invalid_request');
    expect(invalid.problem.errors?.map((e) => e.field)).toEqual(['body.start', 'body.customer.email']);

    const wrongToken = await client.bookings.retrieve('bk_x', { manageToken: 'bmt_nope' }).catch((e: unknown) => e as SlotwiseError);
    expect(wrongToken.status).toBe(404);
  });

  it('reports a network failure as a SlotwiseError with code network_error', async () => {
    const offline = createClient({ baseURL: 'http://slotwise.test', fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const error = await offline.specialists.retrieve('demo').catch((e: unknown) => e as SlotwiseError);
    expect(error).toBeInstanceOf(SlotwiseError);
    expect(error.code).toBe('network_error');
  });
});

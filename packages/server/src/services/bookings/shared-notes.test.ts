import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { specialists } from '../../db/schema.js';
import { addSpecialist } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

// What the specialist shares with the customer (notes, a recording link), beside the private
// notes, through `PUT /v1/me/bookings/{id}/notes`.

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterEach(() => t.close());

const customer = { name: 'Grace', email: 'grace@example.com', timeZone: 'Europe/Berlin' };
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const book = async () => (await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer } })).body;
const put = (id: string, body: unknown, key = t.apiKey) => t.json(`/v1/me/bookings/${id}/notes`, { method: 'PUT', body, headers: as(key) });
const asCustomer = async (created: { booking: { id: string }; manageToken: string }) =>
  (await t.json(`/v1/bookings/${created.booking.id}`, { headers: as(created.manageToken) })).body;
const version = async () => (await t.database.db.select({ v: specialists.availabilityVersion }).from(specialists).where(eq(specialists.handle, 'demo')))[0]!.v;

describe('notes shared with the customer', () => {
  it('shows the customer the shared notes (trimmed) and the recording link, never the private notes, and keeps what a body leaves out', async () => {
    const created = await book();
    expect(created.booking).toMatchObject({ sharedNotes: null, recordingUrl: null });
    await t.app.deliveries.idle();
    const before = await version();

    const saved = await put(created.booking.id, { notes: 'Nervous about interviews', sharedNotes: '  Practise the pitch.\nRead chapter 3.  ', recordingUrl: 'https://rec.example/s/42' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ specialistNotes: 'Nervous about interviews', sharedNotes: 'Practise the pitch.\nRead chapter 3.', recordingUrl: 'https://rec.example/s/42' });
    const seen = await asCustomer(created);
    expect(seen).toMatchObject({ sharedNotes: 'Practise the pitch.\nRead chapter 3.', recordingUrl: 'https://rec.example/s/42' });
    expect(JSON.stringify(seen)).not.toContain('Nervous');

    // The private notes alone, as before: the shared ones stay.
    expect((await put(created.booking.id, { notes: 'Calmer now' })).body).toMatchObject({ specialistNotes: 'Calmer now', sharedNotes: 'Practise the pitch.\nRead chapter 3.' });
    // A note moves no slots.
    await t.app.deliveries.idle();
    expect(await version()).toBe(before);
    // The history says what changed, not what it says.
    const events = (await t.json(`/v1/me/bookings/${created.booking.id}`, { headers: as(t.apiKey) })).body.events;
    expect(JSON.stringify(events)).not.toContain('Practise');
  });

  it('clears them with null (or empty notes)', async () => {
    const created = await book();
    await put(created.booking.id, { sharedNotes: 'Read chapter 3.', recordingUrl: 'https://rec.example/s/42' });
    const cleared = await put(created.booking.id, { sharedNotes: '   ', recordingUrl: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ sharedNotes: null, recordingUrl: null });
    expect(await asCustomer(created)).toMatchObject({ sharedNotes: null, recordingUrl: null });
    await put(created.booking.id, { sharedNotes: 'Again' });
    expect((await put(created.booking.id, { sharedNotes: null })).body.sharedNotes).toBe(null);
  });

  it('refuses a recording link that is not https, notes too long and an empty body, and stores nothing', async () => {
    const created = await book();
    await put(created.booking.id, { sharedNotes: 'Kept', recordingUrl: 'https://rec.example/s/1' });
    for (const [body, field] of [
      [{ sharedNotes: 'New', recordingUrl: 'http://rec.example/s/42' }, 'body.recordingUrl'],
      [{ recordingUrl: 'javascript:alert(1)' }, 'body.recordingUrl'],
      [{ sharedNotes: 'x'.repeat(5001) }, 'body.sharedNotes'],
    ] as const) {
      const refused = await put(created.booking.id, body);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.code).toBe('invalid_request');
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const https = (await put(created.booking.id, { recordingUrl: 'http://rec.example/s/42' })).body.errors[0].message;
    expect(https).toContain('https://');
    expect((await put(created.booking.id, {})).status).toBe(400);
    expect(await asCustomer(created)).toMatchObject({ sharedNotes: 'Kept', recordingUrl: 'https://rec.example/s/1' });
  });

  it("is the booking's own specialist's: another specialist gets a 404 and changes nothing", async () => {
    const created = await book();
    const other = await addSpecialist(t.database, 'other');
    const foreign = await put(created.booking.id, { sharedNotes: 'Hijacked' }, other.apiKey);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('booking_not_found');
    expect((await asCustomer(created)).sharedNotes).toBe(null);
  });
});

import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../../db/schema.js';
import { connectDemo, setService } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
const NOW = Date.parse('2026-11-20T12:00:00Z');
beforeEach(async () => {
  t = await testApp({ now: NOW, trustProxy: true });
  await connectDemo(t.app);
  await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
});
afterEach(() => t.close());

const visitorA = 'vis_aaaaaaaaaaaaaaaaaaaaaaaa';
const visitorB = 'vis_bbbbbbbbbbbbbbbbbbbbbbbb';
const office = '198.51.100.7';
let n = 0;
/** A hold from `ip` (one shared office address unless told otherwise), as `visitor` with a fresh email unless given. */
const hold = (hour: string, opts: { visitor?: string; email?: string; ip?: string } = {}) =>
  t.json('/v1/bookings', {
    body: {
      specialist: 'demo',
      service: t.intro.id,
      start: `2026-11-23T${hour}:00:00Z`,
      customer: { name: 'Grace', email: opts.email ?? `person${++n}@example.com`, timeZone: 'Europe/Berlin' },
      ...(opts.visitor ? { visitor: opts.visitor } : {}),
    },
    headers: { 'x-forwarded-for': opts.ip ?? office },
  });
const release = (created: { body: { booking: { id: string }; manageToken: string } }) =>
  t.json(`/v1/bookings/${created.body.booking.id}/release`, { method: 'POST', headers: { authorization: `Bearer ${created.body.manageToken}` } });

describe('the limit on unpaid holds', () => {
  it('lets a visitor who went back from the payment step three times hold a fourth time', async () => {
    for (const hour of ['09', '10', '11']) {
      const held = await hold(hour, { visitor: visitorA, email: 'grace@example.com' });
      expect(held.status).toBe(201);
      expect((await release(held)).status).toBe(200);
    }
    const fourth = await hold('12', { visitor: visitorA, email: 'grace@example.com' });
    expect(fourth.status).toBe(201);
    expect(fourth.body.booking.status).toBe('held');
  });

  it('counts per visitor: two visitors behind one address are not refused each other’s holds', async () => {
    for (const hour of ['09', '10', '11']) expect((await hold(hour, { visitor: visitorA })).status).toBe(201);
    const mine = await hold('12', { visitor: visitorA });
    expect(mine.body).toMatchObject({ status: 429, code: 'too_many_holds' });
    expect(mine.body.detail).toContain('go back from its payment step');
    const neighbour = await hold('13', { visitor: visitorB });
    expect(neighbour.status).toBe(201);
  });

  it('still counts by email, whichever visitor id comes with it', async () => {
    for (const hour of ['09', '10', '11']) expect((await hold(hour, { visitor: visitorA, email: 'same@example.com' })).status).toBe(201);
    const other = await hold('12', { visitor: visitorB, email: 'SAME@example.com', ip: '203.0.113.50' });
    expect(other.body.code).toBe('too_many_holds');
  });

  it('without a visitor id (an API client) counts by email, and one address is bounded by a larger cap', async () => {
    const small = await testApp({ now: NOW, trustProxy: true, maxHoldsPerAddress: 5 });
    try {
      await connectDemo(small.app);
      await setService(small.database, small.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
      const from = (hour: string, email: string) =>
        small.json('/v1/bookings', {
          body: { specialist: 'demo', service: small.intro.id, start: `2026-11-23T${hour}:00:00Z`, customer: { name: 'G', email, timeZone: 'UTC' } },
          headers: { 'x-forwarded-for': office },
        });
      for (const hour of ['09', '10', '11']) expect((await from(hour, 'one@example.com')).status).toBe(201);
      expect((await from('12', 'one@example.com')).body.code).toBe('too_many_holds');
      for (const hour of ['12', '13']) expect((await from(hour, `${hour}@example.com`)).status).toBe(201);
      const sixth = await from('14', 'fresh@example.com');
      expect(sixth.body).toMatchObject({ status: 429, code: 'too_many_holds' });
      expect(sixth.body.detail).toContain('Your network already holds 5 unpaid bookings');
    } finally {
      small.close();
    }
  });

  it('stores only the SHA-256 of the visitor id, and refuses one that is not an id', async () => {
    const held = await hold('09', { visitor: visitorA });
    const [row] = await t.database.db.select({ hash: bookings.visitorHash }).from(bookings).where(eq(bookings.id, held.body.booking.id));
    const expected = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(visitorA))), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(row!.hash).toBe(expected);
    const bad = await hold('10', { visitor: 'short' });
    expect(bad.status).toBe(400);
  });
});

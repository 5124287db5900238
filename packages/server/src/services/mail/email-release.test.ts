import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDemo, setService } from '../../testing/fixtures.js';
import { mailTestApp, type MailTestApp } from '../../testing/mail-app.js';

// A hold the customer gives up themselves (the payment step's way back) is not news to them.

let m: MailTestApp;
beforeEach(async () => {
  m = await mailTestApp();
  await connectDemo(m.app);
  await setService(m.database, m.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
});
afterEach(() => m.closeAll());

const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'Europe/Berlin' };
const hold = async (start: string) => (await m.json('/v1/bookings', { body: { specialist: 'demo', service: m.intro.id, start, customer } })).body;
const release = (held: { booking: { id: string }; manageToken: string }) =>
  m.json(`/v1/bookings/${held.booking.id}/release`, { method: 'POST', headers: { authorization: `Bearer ${held.manageToken}` } });

describe('emails about released holds', () => {
  it('sends no "Not booked" email for a hold the customer released, but does for one that lapsed first', async () => {
    expect((await release(await hold('2026-11-23T09:00:00Z'))).status).toBe(200);
    await m.app.tick();
    await m.settle();
    expect(m.to('grace@example.com')).toHaveLength(0);

    const late = await hold('2026-11-23T10:00:00Z');
    m.setNow(m.now() + 16 * 60_000);
    expect((await release(late)).status).toBe(200);
    await m.app.tick();
    await m.settle();
    expect(m.to('grace@example.com').map((x) => x.subject)).toEqual(['Not booked: Intro call']);
  });
});

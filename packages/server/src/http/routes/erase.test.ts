import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveries, specialists } from '../../db/schema.js';
import type { LogEntry } from '../../services/log.js';
import { seedDemoPayments } from '../../seed.js';
import { auth, operatorToken } from '../../testing/accounts.js';
import { spyOnBatches } from '../../testing/batch-spy.js';
import { addSpecialist } from '../../testing/fixtures.js';
import { mailTestApp, type MailTestApp } from '../../testing/mail-app.js';

let t: MailTestApp;
let logs: LogEntry[];
const ada = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/London', phone: '+447700900123' };
const bob = { name: 'Bob Builder', email: 'bob@example.com', timeZone: 'UTC' };
const adaNotes = 'Ada-private-note: my analytical engine';
/** What the specialist shared with her about her session: hers too, so it goes with her data. */
const shared = { sharedNotes: 'Ada Lovelace: practise the engine pitch', recordingUrl: 'https://rec.example/s/ada-lovelace' };

beforeEach(async () => {
  logs = [];
  t = await mailTestApp({ now: Date.parse('2026-11-20T12:00:00Z'), log: (e) => logs.push(e) });
  await seedDemoPayments(t.app.deps.payments, t.database);
});
afterEach(() => t.closeAll());

const asDemo = () => auth(t.apiKey);

async function bookPaid(start: string, who: Record<string, unknown>) {
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.session.id, start, customer: who, notes: adaNotes } });
  const intent = String(res.body.paymentSession.clientSecret).split('_secret_')[0];
  await t.json(`/v1/test-payments/${intent}/confirm`, { body: { outcome: 'succeed' }, headers: auth(res.body.manageToken) });
  return res.body.booking.id as string;
}

/** Every row of every table (but the offline provider's simulated Stripe account) as text. */
async function everyRow(): Promise<string> {
  const tables = await t.database.db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\' and name <> 'test_payments_state'`);
  const rows = await Promise.all(tables.map((tb) => t.database.db.all(sql.raw(`select * from "${tb.name}"`))));
  return JSON.stringify(rows);
}

async function setUp() {
  const free = await t.book('2026-11-25T09:00:00Z', ada, { notes: adaNotes });
  expect((await t.json(`/v1/me/bookings/${free.booking.id}/notes`, { method: 'PUT', body: shared, headers: asDemo() })).status).toBe(200);
  const paid = await bookPaid('2026-11-26T10:00:00Z', ada);
  await t.book('2026-11-25T10:00:00Z', bob);
  const other = await addSpecialist(t.database, 'other');
  const theirs = await t.json('/v1/bookings', { body: { specialist: 'other', service: other.service.id, start: '2026-11-25T11:00:00Z', customer: ada } });
  expect(theirs.status).toBe(201);
  const pkg = await t.json('/v1/me/packages', { body: { name: 'Three', sessionCount: 3, serviceIds: [t.session.id], price: 24000, validityDays: 90 }, headers: asDemo() });
  const bought = await t.json(`/v1/packages/${pkg.body.id}/purchases`, { body: { customer: { name: ada.name, email: ada.email, timeZone: ada.timeZone } } });
  const intent = String(bought.body.paymentSession.clientSecret).split('_secret_')[0];
  await t.json(`/v1/test-payments/${intent}/confirm-purchase`, { body: { outcome: 'succeed' }, headers: auth(bought.body.creditsToken) });
  await t.settle();
  return { free: free.booking.id, paid, theirs: theirs.body.booking.id as string, other };
}

describe('POST /v1/operator/customers/erase', () => {
  it('replaces the customer’s personal data everywhere, keeps amounts and dates, cancels nothing, and stops unsent messages', async () => {
    const { free, paid, theirs, other } = await setUp();
    const earningsBefore = (await t.json('/v1/me/earnings', { headers: asDemo() })).body;
    const paymentsBefore = (await t.json('/v1/me/payments', { headers: asDemo() })).body.data.map((p: Record<string, unknown>) => [p.id, p.amount, p.fee, p.amountRefunded]);
    const reminders = await t.database.db.select().from(deliveries).where(eq(deliveries.recipient, 'ada@example.com'));
    expect(reminders.some((d) => d.status === 'pending')).toBe(true); // reminders before her sessions, not due yet
    const before = await everyRow();
    for (const personal of ['ada@example.com', 'Ada Lovelace', ada.phone, adaNotes, shared.sharedNotes, shared.recordingUrl]) expect(before).toContain(personal);

    const res = await t.json('/v1/operator/customers/erase', { body: { email: 'ADA@example.com' }, headers: auth(await operatorToken(t)) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ placeholder: expect.stringMatching(/^erased-[0-9a-f]{24}@invalid$/), bookings: 3, purchases: 1, payments: 2, messagesStopped: reminders.filter((d) => d.status === 'pending').length, specialists: 2 });
    const { placeholder } = res.body;

    // Gone from every row of the database, the specialist's API and the export.
    const rows = await everyRow();
    for (const personal of ['ada@example.com', 'Ada Lovelace', ada.phone, adaNotes, shared.sharedNotes, shared.recordingUrl]) expect(rows).not.toContain(personal);
    const list = await t.json('/v1/me/bookings', { headers: asDemo() });
    const hers = list.body.data.filter((b: { id: string }) => [free, paid].includes(b.id));
    expect(hers).toEqual([
      expect.objectContaining({ status: 'confirmed', start: '2026-11-25T09:00:00Z', customer: { name: 'Erased customer', email: placeholder, timeZone: 'Europe/London' }, notes: '' }),
      expect.objectContaining({ status: 'confirmed', price: 9000, customer: expect.objectContaining({ email: placeholder }), payment: expect.objectContaining({ amount: 9000 }) }),
    ]);
    expect((await t.json(`/v1/me/bookings/${free}`, { headers: asDemo() })).body).toMatchObject({ sharedNotes: null, recordingUrl: null });
    expect(list.body.data.find((b: { customer: { email: string } }) => b.customer.email === 'bob@example.com').customer.name).toBe('Bob Builder');
    const exported = await (await t.app.request('/v1/me/export', { headers: asDemo() })).text();
    expect(exported).not.toContain('ada@example.com');
    expect(JSON.parse(exported).customers.map((c: { email: string }) => c.email)).toEqual(['bob@example.com', placeholder]);
    expect((await t.json(`/v1/me/bookings/${theirs}`, { headers: auth(other.apiKey) })).body.customer.name).toBe('Erased customer');

    // Money is untouched; unsent messages to her are skipped, never sent.
    expect((await t.json('/v1/me/earnings', { headers: asDemo() })).body).toEqual(earningsBefore);
    expect((await t.json('/v1/me/payments', { headers: asDemo() })).body.data.map((p: Record<string, unknown>) => [p.id, p.amount, p.fee, p.amountRefunded])).toEqual(paymentsBefore);
    for (const d of reminders.filter((r) => r.status === 'pending')) {
      const [now] = await t.database.db.select().from(deliveries).where(eq(deliveries.id, d.id));
      expect(now).toMatchObject({ status: 'skipped', recipient: placeholder });
    }
    const mailed = t.mailbox.messages().length;
    t.setNow(Date.parse('2026-11-25T08:30:00Z')); // past the reminders' time
    await t.app.tick();
    await t.settle();
    expect(t.mailbox.messages().slice(mailed).filter((m) => m.to.some((to) => to.includes('@invalid') || to.includes('ada@')))).toEqual([]);

    // Logged: who and how many, never the address.
    const entry = logs.find((l) => l.msg === 'customer erased');
    expect(entry).toMatchObject({ by: expect.stringMatching(/^acct_/), bookings: 3, purchases: 1 });
    expect(JSON.stringify(logs.filter((l) => l.msg === 'customer erased'))).not.toContain('ada@');
  }, 30_000);

  it('finds nothing the second time, and leaves others alone', async () => {
    await setUp();
    const token = await operatorToken(t);
    const first = await t.json('/v1/operator/customers/erase', { body: { email: 'ada@example.com' }, headers: auth(token) });
    const again = await t.json('/v1/operator/customers/erase', { body: { email: 'ada@example.com' }, headers: auth(token) });
    expect(again.body).toEqual({ placeholder: first.body.placeholder, bookings: 0, purchases: 0, payments: 0, messagesStopped: 0, specialists: 0 });
    expect(await everyRow()).toContain('Bob Builder');
  }, 30_000);

  it('erases what was booked under the address while the erasure read: the guard refuses the stale batch, the retry erases both', async () => {
    await setUp();
    const token = await operatorToken(t);
    // The erasure's batch is the one that writes the placeholder into bookings.
    const spy = spyOnBatches(t.database, (queries) =>
      queries.some((q) => {
        const text = (q as { toSQL?: () => { sql: string } }).toSQL?.().sql ?? '';
        return text.startsWith('update "bookings" set') && text.includes('"customer_email"');
      }),
    );
    let late: string | undefined;
    spy.meanwhile = async (n) => {
      if (n === 1) late = (await t.book('2026-11-27T09:00:00Z', ada)).booking.id;
    };
    const res = await t.json('/v1/operator/customers/erase', { body: { email: 'ada@example.com' }, headers: auth(token) });
    expect(res.status).toBe(200);
    expect(spy.count).toBe(2);
    const [row] = await t.database.db.all<{ name: string; email: string }>(sql`select customer_name as name, customer_email as email from bookings where id = ${late}`);
    expect(row).toEqual({ name: 'Erased customer', email: res.body.placeholder });
    expect(await everyRow()).not.toContain('ada@example.com');
  }, 30_000);

  it('is for operators only, and validates the address', async () => {
    expect((await t.json('/v1/operator/customers/erase', { body: { email: 'ada@example.com' } })).status).toBe(401);
    expect((await t.json('/v1/operator/customers/erase', { body: { email: 'ada@example.com' }, headers: asDemo() })).status).toBe(403);
    const bad = await t.json('/v1/operator/customers/erase', { body: { email: 'not an email' }, headers: auth(await operatorToken(t)) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.email');
    const [demo] = await t.database.db.select().from(specialists).where(eq(specialists.handle, 'demo'));
    expect(demo).toBeDefined();
  }, 30_000);
});

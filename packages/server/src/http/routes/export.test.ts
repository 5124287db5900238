import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accounts, apiKeys, bookings, payments } from '../../db/schema.js';
import { newId } from '../../services/ids.js';
import { seedDemoPayments } from '../../seed.js';
import { auth } from '../../testing/accounts.js';
import { addSpecialist } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

/** RFC 4180 records of a CSV text (quoted fields with doubled quotes, CRLF between records). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

const records = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
};

let t: TestApp;
let asMe: { authorization: string };
const hostile = { name: '=HYPERLINK("http://evil.example","Click")', email: 'ada@example.com', timeZone: 'Europe/Berlin' };

beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  asMe = auth(t.apiKey);
  await seedDemoPayments(t.app.deps.payments, t.database); // the demo's 60-minute session costs €90, paid in the offline test mode
});
afterEach(() => t.close());

async function bookFree(start: string, customer = hostile, notes = 'Line one, "quoted"\nline two') {
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer, notes } });
  expect(res.status).toBe(201);
  return res.body.booking.id as string;
}

async function bookPaid(start: string) {
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.session.id, start, customer: { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'UTC' } } });
  const intent = String(res.body.paymentSession.clientSecret).split('_secret_')[0];
  const paid = await t.json(`/v1/test-payments/${intent}/confirm`, { body: { outcome: 'succeed' }, headers: { authorization: `Bearer ${res.body.manageToken}` } });
  expect(paid.body.status).toBe('confirmed');
  return res.body.booking.id as string;
}

async function sellPackage() {
  const pkg = await t.json('/v1/me/packages', { body: { name: 'Three sessions', sessionCount: 3, serviceIds: [t.session.id], price: 24000, validityDays: 90 }, headers: asMe });
  const bought = await t.json(`/v1/packages/${pkg.body.id}/purchases`, { body: { customer: { name: 'Pat Buyer', email: 'pat@example.com', timeZone: 'UTC' } } });
  const intent = String(bought.body.paymentSession.clientSecret).split('_secret_')[0];
  await t.json(`/v1/test-payments/${intent}/confirm-purchase`, { body: { outcome: 'succeed' }, headers: { authorization: `Bearer ${bought.body.creditsToken}` } });
  return bought.body.purchase.id as string;
}

describe('GET /v1/me/export', () => {
  it('downloads everything of the caller as one JSON document: bookings with events and payments, customers, payments, package sales', async () => {
    const free = await bookFree('2026-11-23T09:00:00Z');
    const paid = await bookPaid('2026-11-24T10:00:00Z');
    const purchase = await sellPackage();
    const res = await t.app.request('/v1/me/export', { headers: asMe });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="slotwise-demo-2026-11-20\.json"$/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const doc = await res.json();
    expect(doc).toMatchObject({ format: 'slotwise.export.v1', profile: { handle: 'demo' } });
    expect(doc.services.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([t.intro.id, t.session.id]));
    expect(doc.availability.weekly.length).toBeGreaterThan(0);
    expect(doc.packages).toHaveLength(1);
    expect(doc.bookings.map((b: { id: string }) => b.id)).toEqual([free, paid]);
    expect(doc.bookings[0]).toMatchObject({ customer: { name: hostile.name, email: 'ada@example.com' }, notes: 'Line one, "quoted"\nline two' });
    expect(doc.bookings[0].events[0]).toMatchObject({ fromStatus: null, toStatus: 'confirmed', actor: 'customer' });
    expect(doc.bookings[1]).toMatchObject({ status: 'confirmed', payment: { status: 'succeeded', amount: 9000 } });
    expect(doc.bookings[1].events.map((e: { toStatus: string }) => e.toStatus)).toEqual(expect.arrayContaining(['held', 'confirmed']));
    expect(doc.customers).toEqual([
      { email: 'ada@example.com', name: hostile.name, bookings: 1, purchases: 0, lastSeenAt: expect.any(String) },
      { email: 'grace@example.com', name: 'Grace Hopper', bookings: 1, purchases: 0, lastSeenAt: expect.any(String) },
      { email: 'pat@example.com', name: 'Pat Buyer', bookings: 0, purchases: 1, lastSeenAt: expect.any(String) },
    ]);
    expect(doc.payments.map((p: { amount: number }) => p.amount).sort()).toEqual([24000, 9000]);
    expect(doc.purchases).toEqual([expect.objectContaining({ id: purchase, customerName: 'Pat Buyer', credits: expect.objectContaining({ granted: 3, remaining: 3 }) })]);
  }, 30_000);

  it('carries the reviews of the caller’s sessions, a hidden one with the operator’s reason', async () => {
    const booked = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer: { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'UTC' } } });
    expect(booked.status).toBe(201);
    t.setNow(Date.parse('2026-11-23T10:00:00Z'));
    expect((await t.json(`/v1/me/bookings/${booked.body.booking.id}/complete`, { method: 'POST', headers: asMe })).status).toBe(200);
    const review = await t.json(`/v1/bookings/${booked.body.booking.id}/review`, { body: { rating: 5, text: 'Clear and kind.' }, headers: { authorization: `Bearer ${booked.body.manageToken}` } });
    expect(review.status).toBe(201);
    const doc = await (await t.app.request('/v1/me/export', { headers: asMe })).json();
    expect(doc.reviews).toEqual([expect.objectContaining({ id: review.body.id, bookingId: booked.body.booking.id, rating: 5, text: 'Clear and kind.', reviewer: 'Grace H.', hidden: null })]);
    const other = await addSpecialist(t.database, 'other');
    expect((await (await t.app.request('/v1/me/export', { headers: auth(other.apiKey) })).json()).reviews).toEqual([]);
  }, 30_000);

  it('holds no secrets: no manage-token, key or password hashes, no keys', async () => {
    const id = await bookFree('2026-11-23T09:00:00Z');
    const text = await (await t.app.request('/v1/me/export', { headers: asMe })).text();
    const [booking] = await t.database.db.select().from(bookings).where(eq(bookings.id, id));
    const keys = await t.database.db.select().from(apiKeys);
    const logins = await t.database.db.select().from(accounts);
    for (const secret of [booking!.manageTokenHash, t.apiKey, ...keys.map((k) => k.secretHash), ...logins.map((a) => a.passwordHash)]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/tokenHash|secretHash|passwordHash|whsec_|sk_/);
  }, 30_000);

  it('never shows another specialist’s bookings, customers or payments', async () => {
    await bookFree('2026-11-23T09:00:00Z');
    const other = await addSpecialist(t.database, 'other');
    const theirs = await t.json('/v1/bookings', { body: { specialist: 'other', service: other.service.id, start: '2026-11-23T10:00:00Z', customer: { name: 'Their Customer', email: 'theirs@example.com', timeZone: 'UTC' } } });
    expect(theirs.status).toBe(201);
    const mine = await (await t.app.request('/v1/me/export', { headers: asMe })).text();
    expect(mine).not.toContain('theirs@example.com');
    expect(mine).not.toContain(theirs.body.booking.id);
    for (const table of ['bookings', 'customers', 'payments', 'packages']) {
      expect(await (await t.app.request(`/v1/me/export/${table}.csv`, { headers: asMe })).text()).not.toContain('theirs@example.com');
    }
    const ours = await (await t.app.request('/v1/me/export', { headers: auth(other.apiKey) })).json();
    expect(ours.bookings.map((b: { id: string }) => b.id)).toEqual([theirs.body.booking.id]);
    expect(ours.customers.map((c: { email: string }) => c.email)).toEqual(['theirs@example.com']);
  }, 30_000);

  it('asks for credentials', async () => {
    expect((await t.json('/v1/me/export')).status).toBe(401);
    expect((await t.json('/v1/me/export/bookings.csv')).status).toBe(401);
  }, 30_000);

  it('pages through many bookings, payments and customers: every one exactly once, in order', async () => {
    const start = Date.parse('2027-01-04T08:00:00Z');
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      id: `bk_bulk${String(i).padStart(5, '0')}`,
      specialistId: t.intro.specialistId,
      serviceId: t.intro.id,
      status: 'completed' as const,
      startAt: start + Math.floor(i / 2) * 3_600_000, // two share each start: the cursor breaks ties by id
      endAt: start + Math.floor(i / 2) * 3_600_000 + 1_800_000,
      durationMinutes: 30,
      customerName: `Customer ${i % 2100}`,
      customerEmail: `c${i % 2100}@example.com`,
      customerTimeZone: 'UTC',
      price: 0,
      currency: 'EUR',
      manageTokenHash: newId('bt'),
      createdAt: t.now(),
    }));
    const paid = rows.map((r, i) => ({
      id: `pay_bulk${String(i).padStart(5, '0')}`,
      specialistId: r.specialistId,
      bookingId: r.id,
      mode: 'test' as const,
      status: 'succeeded' as const,
      amount: 1000 + i,
      feeAmount: 200,
      feeBps: 2000,
      specialistShare: 800 + i,
      currency: 'EUR',
      customerEmail: r.customerEmail,
      createdAt: t.now() - Math.floor(i / 3) * 1000, // three share each instant: ties broken by id
      updatedAt: t.now(),
    }));
    await t.database.write(async (tx) => {
      for (let i = 0; i < rows.length; i += 200) await tx.insert(bookings).values(rows.slice(i, i + 200));
      for (let i = 0; i < paid.length; i += 200) await tx.insert(payments).values(paid.slice(i, i + 200));
    });
    const doc = await (await t.app.request('/v1/me/export', { headers: asMe })).json();
    expect(doc.bookings.map((b: { id: string }) => b.id)).toEqual(rows.map((r) => r.id));
    expect(doc.customers).toHaveLength(2100); // two pages of customers
    expect(new Set(doc.customers.map((c: { email: string }) => c.email)).size).toBe(2100);
    const newestFirst = [...paid].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)).map((p) => p.id);
    expect(doc.payments.map((p: { id: string }) => p.id)).toEqual(newestFirst);
    expect(doc.customers.find((c: { email: string }) => c.email === 'c1@example.com').bookings).toBe(2);
    const csv = records(await (await t.app.request('/v1/me/export/bookings.csv', { headers: asMe })).text());
    expect(csv.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(records(await (await t.app.request('/v1/me/export/customers.csv', { headers: asMe })).text())).toHaveLength(2100);
  }, 30_000);
});

describe('GET /v1/me/export/{table}.csv', () => {
  it('answers RFC 4180 CSV as an attachment: quoted fields, doubled quotes, line breaks kept, formulas neutralised', async () => {
    const id = await bookFree('2026-11-23T09:00:00Z');
    const res = await t.app.request('/v1/me/export/bookings.csv', { headers: asMe });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="slotwise-demo-bookings-2026-11-20.csv"');
    const text = await res.text();
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""Click"")"');
    const [row] = records(text);
    expect(row).toMatchObject({ id, status: 'confirmed', customer_name: `'${hostile.name}`, customer_email: 'ada@example.com', customer_notes: 'Line one, "quoted"\nline two', price_minor: '0' });
  }, 30_000);

  it('says which bookings a promo code, a package credit or a campaign brought, in columns after the others', async () => {
    const code = await t.json('/v1/me/promo-codes', { body: { code: 'SPRING10', kind: 'amount', value: 1000 }, headers: asMe });
    expect(code.status).toBe(201);
    const promoted = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.session.id, start: '2026-11-24T10:00:00Z', promoCode: 'spring10', utm: { utm_source: 'newsletter', utm_campaign: 'spring' }, customer: { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'UTC' } } });
    expect(promoted.status).toBe(201);
    const plain = await bookFree('2026-11-23T09:00:00Z');
    const text = await (await t.app.request('/v1/me/export/bookings.csv', { headers: asMe })).text();
    expect(parseCsv(text)[0]!.slice(-7)).toEqual(['private_notes', 'promo_code', 'promo_off_minor', 'paid_with_credit', 'utm_source', 'utm_medium', 'utm_campaign']);
    const rows = records(text);
    expect(rows.find((r) => r.id === promoted.body.booking.id)).toMatchObject({ price_minor: '8000', promo_code: 'SPRING10', promo_off_minor: '1000', paid_with_credit: 'false', utm_source: 'newsletter', utm_medium: '', utm_campaign: 'spring' });
    expect(rows.find((r) => r.id === plain)).toMatchObject({ promo_code: '', promo_off_minor: '', utm_source: '' });
  }, 30_000);

  it('has customers, payments and package sales, with amounts in minor units', async () => {
    await bookPaid('2026-11-24T10:00:00Z');
    const purchase = await sellPackage();
    const customers = records(await (await t.app.request('/v1/me/export/customers.csv', { headers: asMe })).text());
    expect(customers).toEqual([
      { email: 'grace@example.com', name: 'Grace Hopper', bookings: '1', purchases: '0', last_seen_at: expect.any(String) },
      { email: 'pat@example.com', name: 'Pat Buyer', bookings: '0', purchases: '1', last_seen_at: expect.any(String) },
    ]);
    const payments = records(await (await t.app.request('/v1/me/export/payments.csv', { headers: asMe })).text());
    expect(payments.map((p) => [p.amount_minor, p.fee_minor, p.status]).sort()).toEqual([['24000', '4800', 'succeeded'], ['9000', '1800', 'succeeded']]);
    const sales = records(await (await t.app.request('/v1/me/export/packages.csv', { headers: asMe })).text());
    expect(sales).toEqual([expect.objectContaining({ id: purchase, package: 'Three sessions', customer_email: 'pat@example.com', credits_granted: '3', credits_remaining: '3' })]);
  }, 30_000);

  it('is documented in the OpenAPI document, with its tables', async () => {
    const doc = (await t.json('/openapi.json')).body;
    expect(doc.paths['/v1/me/export/{table}.csv'].get.parameters[0].schema.enum).toEqual(['bookings', 'customers', 'payments', 'packages']);
    expect(doc.paths['/v1/me/export'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AccountExport' });
  }, 30_000);

  it('answers 404 for a table it does not have', async () => {
    const res = await t.json('/v1/me/export/accounts.csv', { headers: asMe });
    expect(res.status).toBe(404);
    expect(res.body.detail).toMatch(/bookings\.csv, customers\.csv, payments\.csv, packages\.csv/);
  }, 30_000);
});

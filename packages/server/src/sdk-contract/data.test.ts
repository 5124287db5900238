import { exportCsvUrl } from '@slotwise/sdk';
import { AccountClosed, AccountExport, CustomerErased } from '@slotwise/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, failure, sdkTestApp, type SdkTestApp } from './sdk-test-app.js';

// The SDK's data methods against the real app: the export (and its CSV addresses), closing an
// account, and the operator's erasure — each answer parsed with the contract's own schema.
let t: SdkTestApp;

beforeAll(async () => {
  t = await sdkTestApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  const booked = await t.visitor.bookings.create({ specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } });
  expect(booked.booking.status).toBe('confirmed');
});
afterAll(() => t.close());

describe('client.me.export', () => {
  it('retrieves the whole export, which the contract’s schema describes exactly', async () => {
    const doc = await t.specialist.me.export.retrieve();
    expect(AccountExport.parse(doc)).toEqual(doc);
    expect(doc.bookings).toHaveLength(1);
    expect(doc.customers).toEqual([expect.objectContaining({ email: 'ada@example.com', bookings: 1 })]);
  }, 30_000);

  it('builds the CSV addresses, which answer with the same credentials', async () => {
    const url = exportCsvUrl(`${baseURL}/`, 'customers');
    expect(url).toBe(`${baseURL}/v1/me/export/customers.csv`);
    const res = await t.fetch(url, { headers: { authorization: `Bearer ${t.apiKey}` } });
    expect(await res.text()).toMatch(/^"email","name","bookings","purchases","last_seen_at"\r\n"ada@example\.com","Ada",1,0,/);
  }, 30_000);
});

describe('client.operator.customers.erase', () => {
  it('erases a customer and answers the counts', async () => {
    const session = await t.visitor.auth.login({ email: 'operator@slotwise.local', password: t.operatorPassword });
    const erased = await t.as(session.accessToken).operator.customers.erase({ email: 'ada@example.com' });
    expect(CustomerErased.parse(erased)).toEqual(erased);
    expect(erased).toMatchObject({ bookings: 1, specialists: 1 });
    expect((await failure(t.specialist.operator.customers.erase({ email: 'ada@example.com' }))).code).toBe('forbidden');
  }, 30_000);
});

describe('client.me.account.close', () => {
  it('closes an account, then answers account_closed', async () => {
    const signedUp = await t.visitor.auth.signup({ email: 'closer@example.com', password: 'correct horse battery', name: 'Closer', handle: 'closer', timeZone: 'UTC', currency: 'EUR' });
    const closer = t.as(signedUp.accessToken);
    const closed = await closer.me.account.close({ password: 'correct horse battery', confirm: 'closer' });
    expect(AccountClosed.parse(closed)).toEqual(closed);
    expect(closed.bookingsCancelled).toBe(0);
    expect(await failure(closer.me.account.close({ password: 'correct horse battery', confirm: 'closer' }))).toMatchObject({ status: 409, code: 'account_closed' });
  }, 30_000);
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ApiKeyCreated,
  Booking,
  BookingCancel,
  BookingCreate,
  BookingCreated,
  BookingList,
  BookingReschedule,
  CreditBalance,
  MyService,
  PackagePurchaseListQuery,
  ServiceUpdate,
  Slots,
  SlotsQuery,
  SpecialistQuery,
  Specialist,
  SpecialistBooking,
  TestPaymentConfirm,
} from './index.js';
import { createClient, createVisitorClient, isSlotwiseError, type BookingListParams, type CreditsOptions, type ManageOptions, type RequestOptions } from './index.js';
import { failure, recordingFetch } from './test-support.js';

// The client on its own, through a recording fetch. Against the real app and database, the
// server's `src/sdk-contract` tests run it: if the contract and the server drift apart, they break.

describe('createClient', () => {
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
    const pending = slow.specialists.retrieve('demo', {}, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    const aborted = await pending;
    expect(isSlotwiseError(aborted)).toBe(false);
    expect((aborted as Error).name).toBe('AbortError');
  });

  it('says where it sends its requests', () => {
    expect(createClient({ baseURL: 'https://api.example.com/' }).baseURL).toBe('https://api.example.com');
  });

  it('encodes path parameters, joins a list in a query with commas, and sends no body where the spec takes none', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createClient({ baseURL: 'http://slotwise.test/', fetch, apiKey: 'sk_key' });
    await client.specialists.slots('a b/c', { service: 'svc_1', timezone: 'Europe/Paris' });
    await client.me.bookings.list({ status: ['confirmed', 'held'], limit: 2 });
    await client.me.bookings.list();
    await client.me.bookings.cancel('bk_1');
    await client.me.bookings.complete('bk_1');
    const [slots, list, all, cancel, complete] = requests.map((r) => ({ ...r, url: new URL(r.url) }));
    expect(slots!.url.pathname).toBe('/v1/specialists/a%20b%2Fc/slots');
    expect(Object.fromEntries(slots!.url.searchParams)).toEqual({ service: 'svc_1', timezone: 'Europe/Paris' });
    expect(Object.fromEntries(list!.url.searchParams)).toEqual({ status: 'confirmed,held', limit: '2' });
    expect(all!.url.search).toBe('');
    expect(cancel).toMatchObject({ method: 'POST', body: '{}' }); // an all-optional body may be left out
    expect(cancel!.headers.get('content-type')).toBe('application/json');
    expect(complete).toMatchObject({ method: 'POST', body: null });
  });

  it('sends the token each call needs as its bearer, and refuses a call without it before sending anything', async () => {
    const { fetch, requests } = recordingFetch();
    const visitor = createClient({ baseURL: 'http://slotwise.test', fetch });
    await visitor.bookings.cancel('bk_1', {}, { manageToken: 'bmt_1' });
    await visitor.credits.retrieve({ creditsToken: 'crt_1' });
    await visitor.specialists.retrieve('demo');
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer bmt_1', 'Bearer crt_1', null]);

    await expect(visitor.me.profile.retrieve()).rejects.toThrow(/apiKey/);
    await expect(visitor.operator.settings.retrieve()).rejects.toThrow(TypeError);
    // A JavaScript caller may forget the options a typed one cannot.
    await expect((visitor.bookings.retrieve as unknown as (id: string) => Promise<unknown>)('bk_1')).rejects.toThrow(/manageToken/);
    expect(requests).toHaveLength(3);
  });

  it('asks a function apiKey on every call, so a refreshed access token is sent without a new client', async () => {
    const { fetch, requests } = recordingFetch();
    let token: string | undefined = 'at_first';
    const client = createClient({ baseURL: 'http://slotwise.test', fetch, apiKey: () => token });
    await client.me.profile.retrieve();
    token = 'at_second';
    await client.me.profile.retrieve();
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer at_first', 'Bearer at_second']);
    token = undefined;
    await expect(client.me.profile.retrieve()).rejects.toThrow(/apiKey/);
    expect(requests).toHaveLength(2);
  });

  it('asks a function of headers on every request, so a header follows the page without a new client', async () => {
    const { fetch, requests } = recordingFetch();
    let language = 'de';
    const client = createVisitorClient({ baseURL: 'http://slotwise.test', fetch, headers: () => ({ 'accept-language': language }) });
    await client.specialists.retrieve('demo');
    language = 'fr';
    await client.bookings.cancel('bk_1', {}, { manageToken: 'bmt_1' });
    expect(requests.map((r) => r.headers.get('accept-language'))).toEqual(['de', 'fr']);
    // The client's own headers are still sent beside them.
    expect(requests.map((r) => [r.headers.get('accept'), r.headers.get('authorization')])).toEqual([['application/json', null], ['application/json', 'Bearer bmt_1']]);

    const fixed = createClient({ baseURL: 'http://slotwise.test', fetch, headers: { 'x-site': 'coach' } });
    await fixed.specialists.retrieve('demo');
    expect(requests[2]!.headers.get('x-site')).toBe('coach');
  });

  it('sends an Idempotency-Key on every POST: the caller’s own, or a new one for each call', async () => {
    const { fetch, requests } = recordingFetch(() => Response.json({}, { status: 201 }));
    const client = createClient({ baseURL: 'http://slotwise.test', fetch });
    const params = { specialist: 'demo', service: 'svc_1', start: '2026-11-24T09:00:00Z', customer: { name: 'A', email: 'a@example.com', timeZone: 'UTC' } };
    await client.bookings.create(params, { idempotencyKey: 'order-1' });
    await client.bookings.create(params);
    await client.bookings.create(params);
    await client.specialists.retrieve('demo');
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toBe('order-1');
    expect(keys[1]).toMatch(/^idk_[0-9a-f]{32}$/);
    expect(keys[2]).not.toBe(keys[1]);
    expect(keys[3]).toBeNull();
  });

  it('keeps the documented signatures, typed from the route specs (checked by tsc)', () => {
    const c = createClient({ baseURL: 'http://slotwise.test' });
    expectTypeOf(c.specialists.retrieve).parameters.toEqualTypeOf<[handle: string, query?: SpecialistQuery, opts?: RequestOptions]>();
    expectTypeOf(c.specialists.retrieve).returns.resolves.toEqualTypeOf<Specialist>();
    expectTypeOf(c.specialists.slots).parameters.toEqualTypeOf<[handle: string, query: SlotsQuery, opts?: RequestOptions]>();
    expectTypeOf(c.specialists.slots).returns.resolves.toEqualTypeOf<Slots>();
    expectTypeOf(c.bookings.create).parameters.toEqualTypeOf<[params: BookingCreate, opts?: RequestOptions]>();
    expectTypeOf(c.bookings.create).returns.resolves.toEqualTypeOf<BookingCreated>();
    expectTypeOf(c.bookings.retrieve).parameters.toEqualTypeOf<[id: string, opts: ManageOptions]>();
    expectTypeOf(c.bookings.cancel).parameters.toEqualTypeOf<[id: string, params: BookingCancel, opts: ManageOptions]>();
    expectTypeOf(c.bookings.cancel).returns.resolves.toEqualTypeOf<Booking>();
    expectTypeOf(c.payments.sync).parameters.toEqualTypeOf<[id: string, opts: ManageOptions]>();
    expectTypeOf(c.payments.confirmTestPurchase).parameters.toEqualTypeOf<[id: string, params: TestPaymentConfirm, opts: CreditsOptions]>();
    expectTypeOf(c.credits.retrieve).parameters.toEqualTypeOf<[opts: CreditsOptions]>();
    expectTypeOf(c.credits.retrieve).returns.resolves.toEqualTypeOf<CreditBalance>();
    expectTypeOf(c.me.bookings.list).parameters.toEqualTypeOf<[query?: BookingListParams, opts?: RequestOptions]>();
    expectTypeOf(c.me.bookings.list).returns.resolves.toEqualTypeOf<BookingList>();
    expectTypeOf<BookingListParams['status']>().toEqualTypeOf<Booking['status'][] | undefined>();
    expectTypeOf(c.me.bookings.cancel).parameters.toEqualTypeOf<[id: string, params?: BookingCancel, opts?: RequestOptions]>();
    expectTypeOf(c.me.bookings.reschedule).parameters.toEqualTypeOf<[id: string, params: BookingReschedule, opts?: RequestOptions]>();
    expectTypeOf(c.me.bookings.complete).parameters.toEqualTypeOf<[id: string, opts?: RequestOptions]>();
    expectTypeOf(c.me.bookings.complete).returns.resolves.toEqualTypeOf<SpecialistBooking>();
    expectTypeOf(c.me.services.update).parameters.toEqualTypeOf<[id: string, params?: ServiceUpdate, opts?: RequestOptions]>();
    expectTypeOf(c.me.services.update).returns.resolves.toEqualTypeOf<MyService>();
    expectTypeOf(c.me.apiKeys.rotate).returns.resolves.toEqualTypeOf<ApiKeyCreated>();
    expectTypeOf(c.me.packagePurchases.list).parameters.toEqualTypeOf<[query?: PackagePurchaseListQuery, opts?: RequestOptions]>();
    expectTypeOf(c.me.services.update.operationId).toEqualTypeOf<'updateService'>();
    expect(c.me.services.update.operationId).toBe('updateService');
  });
});

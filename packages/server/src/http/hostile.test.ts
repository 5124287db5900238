import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { problemCodes, routes, Slots, type RouteSpec } from '@slotwise/sdk/contract';
import { getTableName, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../db/schema.js';
import { startServer, type RunningServer } from '../node.js';
import { auth, operatorToken } from '../testing/accounts.js';
import { testApp, type TestApp } from '../testing/test-app.js';
import { customerSessionFor } from '../testing/customer-session.js';

// Every endpoint of the contract (and the few outside it) with hostile path parameters, query
// values and headers, each with and without valid credentials: never a 5xx, every refusal a
// problem document with a stable code, and nothing stored. bodies.test.ts does the same for
// broken bodies.

let t: TestApp;
/** A valid credential of each kind, for `Authorization: Bearer`. */
const valid: Record<NonNullable<RouteSpec['auth']> | 'none', string> = { apiKey: '', operator: '', manageToken: '', creditsToken: '', customerSession: '', none: '' };
let before: string;

/** Every stored row but idempotency records (a refused request with a key is remembered, by design) and key use times. */
async function snapshot(): Promise<string> {
  const rows: Record<string, unknown[]> = {};
  for (const table of Object.values(schema)) {
    if (typeof table !== 'object' || table === null || !(Symbol.for('drizzle:IsDrizzleTable') in table)) continue;
    const name = getTableName(table as never);
    if (name === 'idempotency_keys') continue;
    const all = await t.database.db.all<Record<string, unknown>>(sql.raw(`select * from "${name}" order by rowid`));
    // The directory's next open times are a cache any read may refresh (services/directory/next-open.ts), like a key's last use.
    rows[name] = all.map(({ last_used_at: _, next_open_at: _a, next_open_service: _s, next_open_version: _v, next_open_checked_at: _c, ...rest }) => rest);
  }
  return JSON.stringify(rows);
}

beforeAll(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  const customer = { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' };
  const booked = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer } });
  const pack = await t.json('/v1/me/packages', {
    body: { name: 'Pack', sessionCount: 2, serviceIds: [t.intro.id], price: 0, validityDays: 30 },
    headers: auth(t.apiKey),
  });
  const bought = await t.json(`/v1/packages/${pack.body.id}/purchases`, { body: { customer } });
  Object.assign(valid, {
    apiKey: t.apiKey,
    operator: await operatorToken(t),
    manageToken: booked.body.manageToken,
    creditsToken: bought.body.creditsToken,
    customerSession: await customerSessionFor(t, 'ada@example.com'),
    none: t.apiKey,
  });
  for (const token of Object.values(valid)) expect(token).toMatch(/\S{16,}/);
  before = await snapshot();
});
afterAll(() => t.close());

interface Endpoint {
  method: string;
  path: string;
  auth?: RouteSpec['auth'];
  /** The query keys the endpoint reads. */
  query?: string[];
  body?: boolean;
}

const contract: Endpoint[] = (Object.values(routes) as RouteSpec[]).map((spec) => ({
  method: spec.method.toUpperCase(),
  path: spec.path,
  auth: spec.auth,
  body: spec.body !== undefined,
  query: spec.query ? Object.keys(spec.query.shape) : undefined,
}));

// Outside the contract: the webhook, HTML pages and the probes of a load balancer.
const others: Endpoint[] = [
  { method: 'POST', path: '/v1/webhooks/stripe', body: true },
  { method: 'GET', path: '/v1/bookings/{id}/receipt', auth: 'manageToken', query: ['token'] },
  { method: 'GET', path: '/v1/bookings/{id}/calendar.ics', auth: 'manageToken', query: ['token'] },
  { method: 'GET', path: '/v1/feeds/{token}/bookings.ics' },
  { method: 'GET', path: '/stripe/return' },
  { method: 'GET', path: '/health' },
  { method: 'GET', path: '/ready' },
  { method: 'GET', path: '/openapi.json' },
];

/** A valid value of each query key, or nothing (the key left out), so one hostile value reaches the service. */
const goodQuery = (key: string): string | undefined =>
  ({ service: t.intro.id, from: '2026-11-23', to: '2026-11-27', timezone: 'UTC', duration: '30', limit: '5', status: 'confirmed', token: valid.manageToken })[key];

/** Path segments as sent on the wire (already percent-encoded, or deliberately not). */
const hostileSegments = [
  '%ZZ',
  '%',
  '%E0%A4%A',
  '%00',
  '%2F',
  'a%2Fb',
  '%252F',
  '..',
  '%2e%2e',
  '.',
  '%20',
  encodeURIComponent('ü日本🙂'),
  encodeURIComponent('<script>'),
  'x'.repeat(5000),
  'DEMO',
  'bk_' + 'z'.repeat(61),
];

/** Query values as sent on the wire. */
const hostileValues = [
  '',
  '%',
  '%ZZ',
  '%00',
  'x'.repeat(10_000),
  encodeURIComponent('ü日本🙂'),
  '..',
  '-1',
  '0',
  '1.5',
  '1e308',
  '99999999999999999999',
  'NaN',
  'Infinity',
  '0x10',
  '9999-12-31',
  '9999-12-30',
  '0000-01-01',
  '0001-01-01',
  '1969-12-31',
  '2026-02-30',
  '9999-99-99',
  '%2B275760-09-13',
  '-000001-01-01',
  'confirmed%2C%2C',
  encodeURIComponent('[object Object]'),
  'europe%2Fberlin',
  'Etc%2FGMT-14',
  'Factory',
  'EST5EDT',
  'US%2FPacific-New',
];

/** Whole query strings: dates at the ends of the calendar, repeated keys, brackets. */
const hostileQueries = [
  'from=9999-12-30&to=9999-12-31',
  'from=9999-12-31&to=9999-12-31',
  'from=9999-12-31',
  'to=9999-12-31',
  'from=9998-12-31',
  'from=0000-01-01&to=0000-01-02',
  'from=0000-01-01&to=0000-01-01',
  'from=1970-01-01&to=1970-01-01',
  'from=2026-11-20&to=9999-12-31',
  'from=0000-01-01&to=9999-12-31',
  'from=a&from=b',
  'from=2026-11-23&from=9999-12-31',
  'from[]=2026-11-23',
  'limit=1&limit=2',
  'service=a&service=b',
  'timezone=UTC&timezone=Europe%2FBerlin',
  '&&&=&==',
  'token=a&token=b',
];

// Garbage header values, rotated through the probes (each list's length is prime to the three
// kinds of credentials, so every kind meets every value). Only values a Headers object carries:
// it refuses NUL and anything beyond Latin-1 itself.
const garbageAuth = ['Bearer', 'Bearer ', 'Basic Zm9vOmJhcg==', `Bearer ${'x'.repeat(5000)}`, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'Bearer a.b.c', 'Bearer sk_%ZZ', 'Bearer \u00ff\u00fe'];
const garbageKeys = ['', ' ', 'k'.repeat(300), '\u00ff'.repeat(10), 'same-key'];
const garbageTypes = ['text/plain', '', 'application/json; charset=utf-999', 'application/json\u00ff', 'multipart/form-data; boundary=', 'application/x-www-form-urlencoded', 'application/problem+json'];
const origins = ['https://evil.example', 'null', 'http://localhost:1', '\u00ff\u00ff'];

type Credentials = 'valid' | 'garbage' | 'none';

/** The headers of probe number `n`: an Origin always, the other garbage rotated through. */
function headersFor(endpoint: Endpoint, credentials: Credentials, n: number): Record<string, string> {
  const headers: Record<string, string> = { origin: origins[n % origins.length]! };
  if (credentials === 'valid') headers.authorization = `Bearer ${valid[endpoint.auth ?? 'none']}`;
  if (credentials === 'garbage') headers.authorization = garbageAuth[n % garbageAuth.length]!;
  if (credentials !== 'none') {
    headers['idempotency-key'] = garbageKeys[n % garbageKeys.length]!;
    headers['content-type'] = garbageTypes[n % garbageTypes.length]!;
  } else {
    headers['content-type'] = 'application/json';
  }
  return headers;
}

/** The endpoint's path with every `{param}` as `segment`, or with a plausible value. */
const pathWith = (path: string, segment?: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => segment ?? (name === 'handle' ? 'demo' : 'x_probe'));

/** The endpoint's own query (valid values) with `raw` laid over it. */
function queryWith(endpoint: Endpoint, raw = ''): string {
  const own = (endpoint.query ?? []).flatMap((key) => {
    const value = goodQuery(key);
    return value === undefined || new RegExp(`(^|&)${key}(\\[\\])?=`).test(raw) ? [] : [`${key}=${encodeURIComponent(value)}`];
  });
  const all = [...own, ...(raw ? [raw] : [])].join('&');
  return all ? `?${all}` : '';
}

/** The requests of one endpoint: hostile path segments, query values and whole queries, plain. */
function probesOf(endpoint: Endpoint): string[] {
  const urls = [pathWith(endpoint.path) + queryWith(endpoint)];
  if (endpoint.path.includes('{')) for (const segment of hostileSegments) urls.push(pathWith(endpoint.path, segment) + queryWith(endpoint));
  if (endpoint.query) {
    for (const key of endpoint.query) for (const value of hostileValues) urls.push(pathWith(endpoint.path) + queryWith(endpoint, `${key}=${value}`));
    for (const raw of hostileQueries) urls.push(pathWith(endpoint.path) + queryWith(endpoint, raw));
  } else {
    // A query the endpoint does not read is ignored, however odd.
    for (const raw of ['from=9999-12-31&to=9999-12-31', 'limit=%ZZ&limit=-1', `x=${'y'.repeat(10_000)}`, 'a=%00&%=%']) urls.push(pathWith(endpoint.path) + '?' + raw);
  }
  return urls;
}

interface Failure {
  request: string;
  why: string;
}

/** Sends one probe; answers what is wrong with the answer, if anything. */
async function probe(endpoint: Endpoint, url: string, headers: Record<string, string>): Promise<string | undefined> {
  const method = endpoint.method;
  const res = await t.app.request(url, { method, headers, body: endpoint.body && method !== 'GET' ? '{}' : undefined });
  const text = await res.text();
  if (res.status >= 500) return `${res.status}: ${text.slice(0, 300)}`;
  if (res.status < 400) return undefined;
  if (res.headers.get('content-type') !== 'application/problem+json') return `${res.status} as ${res.headers.get('content-type')}`;
  const problem = JSON.parse(text) as { code?: string; status?: number };
  if (!problem.code || !(problem.code in problemCodes)) return `unknown code ${problem.code}`;
  if (problem.status !== res.status) return `status ${problem.status} in a ${res.status}`;
  return undefined;
}

async function probeAll(endpoint: Endpoint): Promise<Failure[]> {
  const failures: Failure[] = [];
  let n = 0;
  for (const url of probesOf(endpoint)) {
    for (const credentials of ['valid', 'garbage', 'none'] as const) {
      const headers = headersFor(endpoint, credentials, n++);
      const why = await probe(endpoint, url, headers);
      if (why) failures.push({ request: `${endpoint.method} ${url.slice(0, 160)} (${credentials}: ${JSON.stringify(headers).slice(0, 160)})`, why });
    }
  }
  // A preflight from any origin, for any path.
  const preflight = await t.app.request(pathWith(endpoint.path, '%ZZ'), {
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example', 'access-control-request-method': endpoint.method, 'access-control-request-headers': 'authorization' },
  });
  if (preflight.status >= 500) failures.push({ request: `OPTIONS ${endpoint.path}`, why: `${preflight.status}` });
  return failures;
}

describe('hostile input', () => {
  it('covers every endpoint of the contract', () => {
    expect(contract.length).toBe(Object.keys(routes).length);
    expect(contract.length).toBeGreaterThanOrEqual(50);
    expect(contract.filter((e) => e.query).length).toBeGreaterThanOrEqual(5);
  });

  for (const endpoint of [...contract, ...others]) {
    it(`${endpoint.method} ${endpoint.path}: no 5xx, a problem document for every refusal`, async () => {
      expect(await probeAll(endpoint)).toEqual([]);
      expect(t.errors).toEqual([]);
    });
  }

  it('stored nothing', async () => {
    expect(await snapshot()).toBe(before);
  });
});

describe('dates at the ends of the calendar', () => {
  const me = () => auth(t.apiKey);
  const slots = (query: string) => t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&${query}`);

  it('refuses dates past 2999-12-31 or before 1970-01-01 with a 400 that says which dates are accepted', async () => {
    const refusals = [
      await slots('from=9999-12-30&to=9999-12-31'),
      await slots('from=0000-01-01&to=0000-01-02'),
      await t.json('/v1/me/bookings?from=9999-12-30&to=9999-12-31', { headers: me() }),
      await t.json('/v1/me/bookings?from=2026-11-01&to=3000-01-01', { headers: me() }),
      await t.json('/v1/me/earnings?from=1969-12-31', { headers: me() }),
    ];
    for (const res of refusals) {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.code).toBe('invalid_request');
      expect(res.body.errors[0]).toEqual({ field: expect.stringMatching(/^query\.(from|to)$/), message: 'Use a date from 1970-01-01 to 2999-12-31.' });
    }
  });

  it('answers the last accepted dates, the default window ending on the last date', async () => {
    const last = await slots('from=2999-12-31&timezone=Pacific/Kiritimati');
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(Slots.parse(last.body)).toMatchObject({ from: '2999-12-31', to: '2999-12-31' });
    expect((await slots('from=2999-11-01&to=2999-12-31&timezone=Etc/GMT%2B12')).status).toBe(200);
    expect((await slots('from=1970-01-01&to=1970-01-31&timezone=Pacific/Kiritimati')).status).toBe(200);
    const mine = await t.json('/v1/me/bookings?from=2999-12-31&to=2999-12-31', { headers: me() });
    expect(mine).toMatchObject({ status: 200, body: { data: [], hasMore: false } });
  });

  it('refuses a date override or a recurring rule outside the accepted dates, storing nothing', async () => {
    const override = await t.json('/v1/me/availability/overrides', { body: { from: '9999-12-31', intervals: [] }, headers: me() });
    expect(override.status).toBe(400);
    expect(override.body.errors[0]).toMatchObject({ field: 'body.from', message: 'Use a date from 1970-01-01 to 2999-12-31.' });
    const recurring = await t.json('/v1/me/availability/recurring', {
      body: { rrule: 'FREQ=WEEKLY;BYDAY=SA', anchor: '0000-01-01', start: '10:00', end: '11:00' },
      headers: me(),
    });
    expect(recurring.status).toBe(400);
    expect(recurring.body.errors[0].field).toBe('body.anchor');
    expect(await snapshot()).toBe(before);
  });
});

describe('hostile request lines over real HTTP', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slotwise-hostile-'));
    server = await startServer({ port: 0, log: () => {}, payments: 'offline', databaseUrl: `file:${join(dir, 'db.sqlite')}`, seed: 'demo', tickEveryMs: 0, kdfIterations: 1000 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** GET with `path` written into the request line exactly as given (fetch would normalise it). */
  const raw = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      const req = httpRequest({ hostname, port, path, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('answers broken percent-encoding and dates past the calendar with problem documents, and stays up', async () => {
    const key = server.seeded!.apiKey!;
    const cases: [string, Record<string, string>, number][] = [
      ['/v1/specialists/%ZZ', { origin: 'https://evil.example' }, 400],
      ['/v1/specialists/%', { origin: 'https://evil.example' }, 400],
      ['/v1/specialists/%/slots?service=%&from=%ZZ', { origin: 'https://evil.example' }, 400],
      ['/v1/specialists/demo/slots?service=x&from=9999-12-30&to=9999-12-31', { origin: 'https://evil.example' }, 400],
      ['/v1/me/bookings?from=9999-12-30&to=9999-12-31', { authorization: `Bearer ${key}`, origin: 'https://evil.example' }, 400],
      ['/v1/me/bookings/%ZZ', { authorization: `Bearer ${key}`, origin: '\u00ff' }, 404],
    ];
    for (const [path, headers, status] of cases) {
      const res = await raw(path, headers);
      expect({ path, status: res.status, type: res.type }).toEqual({ path, status, type: 'application/problem+json' });
      expect(JSON.parse(res.body).code in problemCodes).toBe(true);
    }
    expect((await raw('/health', {})).status).toBe(200);
  });
});

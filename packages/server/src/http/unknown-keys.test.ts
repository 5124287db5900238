import { routes, type RouteSpec } from '@slotwise/sdk/contract';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bookings, packagePurchases, services } from '../db/schema.js';
import { auth } from '../testing/accounts.js';
import { testApp, type TestApp } from '../testing/test-app.js';

// The OpenAPI document says `additionalProperties: false`: an unknown key is refused wherever it
// is — top level or inside `customer`, an item of `durations`, `credit` — and named, never
// silently dropped (a typo like `customer.emial` must not book with half the data).

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** Every object schema inside `schema` (itself included), with where it sits, e.g. `.customer` or `.durations[]`. */
function objectsIn(schema: z.ZodType, at = ''): { at: string; schema: z.ZodType }[] {
  const def = defOf(schema);
  const inner = (key: string, suffix = '') => (def[key] ? objectsIn(def[key] as z.ZodType, at + suffix) : []);
  switch (def.type) {
    case 'object':
      return [{ at, schema }, ...Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, child]) => objectsIn(child, `${at}.${key}`))];
    case 'array':
      return inner('element', '[]');
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner('innerType');
    case 'pipe':
      return [...inner('in'), ...inner('out')];
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => objectsIn(option, at));
    case 'intersection':
      return [...inner('left'), ...inner('right')];
    case 'record':
      return inner('valueType', '{}');
    case 'tuple':
      return [...(def.items as z.ZodType[]).flatMap((item, i) => objectsIn(item, `${at}[${i}]`)), ...inner('rest', '[]')];
    case 'lazy':
      return objectsIn((def.getter as () => z.ZodType)(), at);
    default:
      return [];
  }
}

/** True when the object schema refuses a key it does not declare (whatever else it thinks of `{}`). */
function refusesUnknownKeys(schema: z.ZodType): boolean {
  const result = schema.safeParse({ __unknown__: 1 });
  return !result.success && result.error.issues.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0 && i.keys.includes('__unknown__'));
}

const specs = Object.entries(routes) as [string, RouteSpec][];

describe('every object in the contract’s requests refuses unknown keys', () => {
  it('finds a nested object that accepts unknown keys (the check can fail)', () => {
    const loose = z.strictObject({ a: z.array(z.object({ b: z.string() })).optional(), c: z.strictObject({ d: z.number() }) });
    const found = objectsIn(loose);
    expect(found.map((o) => o.at)).toEqual(['', '.a[]', '.c']);
    expect(found.filter((o) => !refusesUnknownKeys(o.schema)).map((o) => o.at)).toEqual(['.a[]']);
  });

  it('walks every body, query and path schema of the route table', () => {
    const all = specs.flatMap(([name, spec]) =>
      (['body', 'query', 'params'] as const).flatMap((part) => (spec[part] ? objectsIn(spec[part] as z.ZodType, `${name}.${part}`) : [])),
    );
    expect(all.filter((o) => o.at.split('.').length > 2).length).toBeGreaterThanOrEqual(8); // nested ones
    expect(all.filter((o) => !refusesUnknownKeys(o.schema)).map((o) => o.at)).toEqual([]);
  });

  it('and in its answers, so a field the server adds without the contract is caught by the tests that parse them', () => {
    const all = specs.flatMap(([name, spec]) => objectsIn(spec.response.schema, `${name}.response`));
    expect(all.length).toBeGreaterThanOrEqual(50);
    expect(all.filter((o) => !refusesUnknownKeys(o.schema)).map((o) => o.at)).toEqual([]);
  });
});

// A valid body for each endpoint whose body holds an object inside it. Every object in it, in
// turn, gets one unknown key: the answer names exactly that key, and nothing else is wrong.
const customer = { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' };
const samples: Partial<Record<keyof typeof routes, Record<string, unknown>>> = {
  createBooking: { specialist: 'demo', service: 'svc_x', start: '2026-11-23T09:00:00Z', customer, notes: 'hi', credit: { token: 'cr_x' } },
  replaceWeeklySchedule: { weekly: [{ weekday: 1, start: '09:00', end: '17:00' }], breaks: [{ weekday: 1, start: '12:00', end: '13:00' }] },
  createDateOverride: { from: '2026-12-24', intervals: [{ start: '10:00', end: '12:00' }] },
  createService: { name: 'Review', durations: [{ minutes: 30, price: 0 }] },
  updateServiceRules: { durations: [{ minutes: 45, price: 0 }] },
  purchasePackage: { customer },
};

/** Paths (`['customer']`, `['durations', '0']`) of every plain object inside `value`, itself (`[]`) included. */
function objectPaths(value: unknown, at: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPaths(item, [...at, String(i)]));
  if (value === null || typeof value !== 'object') return [];
  return [at, ...Object.entries(value).flatMap(([key, child]) => objectPaths(child, [...at, key]))];
}

/** `value` with `extra: 1` added to the object at `path`. */
function withExtra(value: unknown, path: string[]): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let target = copy;
  for (const key of path) target = target[key] as Record<string, unknown>;
  target.extra = 1;
  return copy;
}

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterAll(() => t.close());

describe('unknown keys over HTTP', () => {
  it('has a sample for every endpoint whose body holds an object inside it', () => {
    const nested = specs.filter(([, spec]) => spec.body && objectsIn(spec.body).some((o) => o.at !== '')).map(([name]) => name);
    expect(nested.sort()).toEqual(Object.keys(samples).sort());
  });

  for (const [name, body] of Object.entries(samples)) {
    const spec = routes[name as keyof typeof routes] as RouteSpec;
    it(`${spec.method.toUpperCase()} ${spec.path} names an unknown key in any object of its body`, async () => {
      expect(spec.body!.safeParse(body).success).toBe(true);
      const path = spec.path.replace(/\{(\w+)\}/g, 'x_probe');
      for (const at of objectPaths(body)) {
        const field = ['body', ...at, 'extra'].join('.');
        const res = await t.json(path, { method: spec.method.toUpperCase(), body: withExtra(body, at), headers: auth(t.apiKey) });
        expect({ field, status: res.status, code: res.body.code }).toEqual({ field, status: 400, code: 'invalid_request' });
        expect(res.body.errors).toEqual([{ field, message: 'Remove "extra": not a field of this request.' }]);
        expect(res.body.detail).toBe(`${field}: Remove "extra": not a field of this request.`);
      }
    });
  }

  it('refuses a booking with an unknown key in its customer, and books nothing', async () => {
    const res = await t.json('/v1/bookings', {
      body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer: { ...customer, extra: 1 } },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request', errors: [{ field: 'body.customer.extra' }] });
    expect((await t.database.db.select({ n: count() }).from(bookings))[0]!.n).toBe(0);
  });

  it('names an unknown query parameter instead of ignoring it (a misspelt `from` is not today)', async () => {
    const res = await t.json('/v1/me/bookings?form=2026-11-20', { headers: auth(t.apiKey) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'query.form', message: 'Remove "form": not a field of this request.' }]);
  });

  it('stored nothing from any of it', async () => {
    const n = async (table: typeof bookings | typeof packagePurchases | typeof services) => (await t.database.db.select({ n: count() }).from(table))[0]!.n;
    expect({ bookings: await n(bookings), purchases: await n(packagePurchases), services: await n(services) }).toEqual({ bookings: 0, purchases: 0, services: 2 });
  });
});

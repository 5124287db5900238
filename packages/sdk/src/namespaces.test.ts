import { describe, expect, it } from 'vitest';
import { operations } from './contract/operations.js';
import { routes } from './contract/routes.js';
import type { RouteSpec } from './contract/route-spec.js';
import { createClient, createVisitorClient } from './index.js';
import { recordingFetch } from './test-support.js';

type Walked = { name: string; operationId: unknown };

/** Every function in the client object, by its dotted name, with the `operationId` it carries. */
function methodsOf(node: object, prefix = ''): Walked[] {
  return Object.entries(node).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'function') return [{ name, operationId: (value as { operationId?: unknown }).operationId }];
    return value && typeof value === 'object' ? methodsOf(value, name) : [];
  });
}

const specs = Object.values(routes) as RouteSpec[];
const byOperationId = new Map(specs.map((spec) => [spec.operationId, spec]));

// Endpoints that are not specs have no method, on purpose: the Stripe webhook (Stripe's signed raw
// body, for Stripe only), the receipt page and /stripe/return (HTML for a browser), /openapi.json,
// /health and /ready.
describe('the client has one method per route spec', () => {
  const methods = methodsOf(createClient({ baseURL: 'http://slotwise.test' }));

  it('gives every route spec exactly one method, and no method lacks a spec', () => {
    expect(methods.filter((m) => typeof m.operationId !== 'string')).toEqual([]);
    expect(new Set(byOperationId.keys()).size).toBe(specs.length); // operationIds are unique
    const counts = new Map<unknown, string[]>();
    for (const m of methods) counts.set(m.operationId, [...(counts.get(m.operationId) ?? []), m.name]);
    expect([...counts].filter(([, names]) => names.length > 1)).toEqual([]);
    expect(methods.map((m) => m.operationId).filter((id) => !byOperationId.has(id as string))).toEqual([]);
    expect(specs.map((s) => s.operationId).filter((id) => !counts.has(id))).toEqual([]);
  });

  it('builds every route spec on its operation, under the same name', () => {
    expect(Object.keys(routes).sort()).toEqual(Object.keys(operations).sort());
    for (const [name, operation] of Object.entries(operations)) {
      const spec = routes[name as keyof typeof routes] as RouteSpec;
      const { operationId, method, path, auth, input } = spec;
      expect({ operationId, method, path, auth, input }, name).toEqual({ auth: undefined, input: undefined, ...operation });
    }
  });

  it('sends each method as its spec says: method, path, credentials, body or query', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createClient({ baseURL: 'http://slotwise.test', fetch, apiKey: 'sk_key' });
    const tokens = { manageToken: 'bmt_manage', creditsToken: 'crt_credits', sessionToken: 'cst_session' };
    const bearer = { apiKey: 'sk_key', operator: 'sk_key', manageToken: 'bmt_manage', creditsToken: 'crt_credits', customerSession: 'cst_session' } as const;
    for (const { name, operationId } of methodsOf(client)) {
      const spec = byOperationId.get(operationId as string)!;
      const params = spec.path.match(/\{\w+\}/g) ?? [];
      const args: unknown[] = params.map((_, i) => `p${i}/x`);
      if (spec.input) args.push({ limit: 5 });
      args.push(tokens);
      const method = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], client) as (...args: unknown[]) => Promise<unknown>;
      await method(...args);
      const sent = requests.at(-1)!;
      const url = new URL(sent.url);
      expect(sent.method, name).toBe(spec.method.toUpperCase());
      expect(url.pathname, name).toBe(params.reduce((path, param, i) => path.replace(param, `p${i}%2Fx`), spec.path));
      expect(sent.headers.get('authorization'), name).toBe(spec.auth ? `Bearer ${bearer[spec.auth]}` : null);
      expect(sent.headers.has('idempotency-key'), name).toBe(spec.method === 'post');
      expect(sent.body, name).toBe(spec.input === 'body' ? '{"limit":5}' : null);
      expect(url.search, name).toBe(spec.input === 'query' ? '?limit=5' : '');
    }
  });
});

describe('createVisitorClient', () => {
  it("has exactly the full client's visitor methods (specialists, bookings, payments, packages, credits, myBookings, reviews), each on the same operation", () => {
    const full = methodsOf(createClient({ baseURL: 'http://slotwise.test' }));
    const visitor = methodsOf(createVisitorClient({ baseURL: 'http://slotwise.test/' }));
    const top = new Set(visitor.map((m) => m.name.split('.')[0]));
    expect([...top].sort()).toEqual(['bookings', 'credits', 'myBookings', 'packages', 'payments', 'reviews', 'specialists']);
    expect(visitor).toEqual(full.filter((m) => top.has(m.name.split('.')[0]!)));
    expect(visitor.every((m) => byOperationId.get(m.operationId as string)?.auth !== 'apiKey')).toBe(true);
  });

  it('sends a visitor call like the full client: path, manage token, body', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createVisitorClient({ baseURL: 'http://slotwise.test/', fetch });
    expect(client.baseURL).toBe('http://slotwise.test');
    await client.bookings.cancel('bk_1', { reason: 'ill' }, { manageToken: 'bmt_manage' });
    const sent = requests.at(-1)!;
    expect([sent.method, new URL(sent.url).pathname, sent.headers.get('authorization'), sent.body]).toEqual(['POST', '/v1/bookings/bk_1/cancel', 'Bearer bmt_manage', '{"reason":"ill"}']);
  });
});

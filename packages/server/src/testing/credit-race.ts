import { expect } from 'vitest';

/** One server (a process, an isolate) as the race reaches it: a request for a path. */
export type Server = (path: string, init?: RequestInit) => Promise<Response>;

/**
 * The credit race, against two servers on ONE database (two Node processes on a libSQL file in
 * `credit-race.test.ts`, two Worker isolates on one D1 in `credit-race-d1.test.ts`): the demo
 * specialist makes a free package of 2 sessions of its second service (through `a`, with
 * `apiKey`), a customer buys it (through `b`), then 12 bookings of 12 different times spending
 * its credit are sent at once, alternating between the servers. Each server keeps its own memory,
 * so only the database's guarantees — the credit ledger's guard in the one batch a booking is
 * written in — keep a credit from being spent twice: exactly 2 × 201, 10 × `409 no_credit`, and
 * the purchase's balance 0.
 */
export async function raceForCredits(a: Server, b: Server, apiKey: string) {
  const post = async (server: Server, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await server(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };
  const get = async (server: Server, path: string, headers: Record<string, string> = {}) => (await server(path, { headers })).json();

  const profile = await get(a, '/v1/specialists/demo');
  const service = profile.services[1].id;
  const pkg = await post(a, '/v1/me/packages', { name: 'Two free sessions', sessionCount: 2, serviceIds: [service], price: 0, validityDays: 30 }, { authorization: `Bearer ${apiKey}` });
  expect(pkg.status).toBe(201);
  const customer = { name: 'Grace', email: 'grace@example.com', timeZone: 'UTC' };
  const purchase = await post(b, `/v1/packages/${pkg.body.id}/purchases`, { customer });
  expect(purchase.status).toBe(201);
  const { creditsToken } = purchase.body;
  const slots = await get(a, `/v1/specialists/demo/slots?service=${service}`);
  const starts = slots.days.flatMap((d: { slots: { start: string }[] }) => d.slots.map((s) => s.start)).slice(0, 12);
  expect(starts).toHaveLength(12);

  const results = await Promise.all(
    starts.map((start: string, i: number) => post(i % 2 ? a : b, '/v1/bookings', { specialist: 'demo', service, start, customer, credit: { token: creditsToken } })),
  );
  expect(results.filter((r) => r.status === 201)).toHaveLength(2);
  expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(10).fill('no_credit'));
  const balance = await get(b, '/v1/credits', { authorization: `Bearer ${creditsToken}` });
  expect(balance.total).toBe(0);
}

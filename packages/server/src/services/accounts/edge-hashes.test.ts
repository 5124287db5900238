import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { optionsFromEnv } from '../../node.js';
import { accounts, refreshTokens } from '../../db/schema.js';
import { paymentsDisabled } from '../../providers/payments/index.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { silentLog } from '../log.js';
import { DEFAULT_KDF_ITERATIONS, EDGE_KDF_ITERATIONS, hashPassword, iterationsOf, verifyPassword } from './passwords.js';

// Hashes made on Node (600,000 PBKDF2 iterations, OWASP's figure) cannot be checked on Workers,
// which run 100,000 at most. A Node server set to the edge's count brings each account within
// reach at its next sign-in; until then the edge says what to do instead of failing with a 500.

const DEMO = 'demo@slotwise.local';
let t: TestApp;
beforeEach(async () => {
  t = await testApp({ kdfIterations: EDGE_KDF_ITERATIONS });
  await t.database.db.update(accounts).set({ passwordHash: await hashPassword(t.demoPassword, DEFAULT_KDF_ITERATIONS) }).where(eq(accounts.email, DEMO));
});
afterEach(() => t.close());

const storedHash = async () => (await t.database.db.select().from(accounts).where(eq(accounts.email, DEMO)))[0]!.passwordHash;
/** The same database as the edge runs it: new hashes and the most it can check at 100,000. */
const edge = () => createApp({ database: t.database, clock: t.now, log: silentLog, rateLimits: false, payments: paymentsDisabled(), kdfIterations: EDGE_KDF_ITERATIONS, maxKdfIterations: EDGE_KDF_ITERATIONS });
const login = (app: { request: TestApp['app']['request'] }, password: string) =>
  app.request('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'de' }, body: JSON.stringify({ email: DEMO, password }) });

describe('password hashes and the edge limit', { timeout: 60_000 }, () => {
  it('answers a problem saying where to sign in, on the edge, for a hash above its limit; after one Node sign-in the edge signs them in', async () => {
    const before = await storedHash();
    const refused = await login(edge(), t.demoPassword);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({ code: 'password_rehash_required', detail: expect.stringContaining('Melden Sie sich einmal auf dem Slotwise-Server an') });
    expect(await storedHash()).toBe(before);
    expect(await t.database.db.select().from(refreshTokens)).toEqual([]);

    // The Node server, set to the edge's count: a wrong password changes nothing …
    expect((await login(t.app, 'not the password')).status).toBe(401);
    expect(await storedHash()).toBe(before);
    // … the right one signs in and stores the password again at 100,000.
    expect((await login(t.app, t.demoPassword)).status).toBe(200);
    const after = await storedHash();
    expect(after).not.toBe(before);
    expect(iterationsOf(after)).toBe(EDGE_KDF_ITERATIONS);
    expect(await verifyPassword(t.demoPassword, after)).toBe(true);

    expect((await login(edge(), t.demoPassword)).status).toBe(200);
  });

  it('leaves a hash at or below the configured count as it is (a Node server at 600,000 does not lift edge hashes out of reach)', async () => {
    const edgeHash = await hashPassword(t.demoPassword, EDGE_KDF_ITERATIONS);
    await t.database.db.update(accounts).set({ passwordHash: edgeHash }).where(eq(accounts.email, DEMO));
    const node = createApp({ database: t.database, clock: t.now, log: silentLog, rateLimits: false, payments: paymentsDisabled() });
    expect(node.deps.kdfIterations).toBe(DEFAULT_KDF_ITERATIONS);
    expect((await login(node, t.demoPassword)).status).toBe(200);
    expect((await login(t.app, t.demoPassword)).status).toBe(200);
    expect(await storedHash()).toBe(edgeHash);
  });

  it('refuses to close an account on the edge with a hash it cannot check, and closes nothing', async () => {
    const app = edge();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` };
    const closed = await app.request('/v1/me/close', { method: 'POST', headers, body: JSON.stringify({ password: t.demoPassword, confirm: 'demo' }) });
    expect(closed.status).toBe(409);
    expect(((await closed.json()) as { code: string }).code).toBe('password_rehash_required');
    expect((await app.request('/v1/specialists/demo')).status).toBe(200);
  });

  it('takes the Node server’s count from SLOTWISE_KDF_ITERATIONS, never below the edge’s', () => {
    expect(optionsFromEnv({})).not.toHaveProperty('kdfIterations');
    expect(optionsFromEnv({ SLOTWISE_KDF_ITERATIONS: '100000' }).kdfIterations).toBe(EDGE_KDF_ITERATIONS);
    expect(() => optionsFromEnv({ SLOTWISE_KDF_ITERATIONS: '10000' })).toThrow('SLOTWISE_KDF_ITERATIONS must be a whole number from 100000 to 10000000; got "10000".');
  });
});

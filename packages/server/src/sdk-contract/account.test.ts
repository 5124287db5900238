import type { SlotwiseClient } from '@slotwise/sdk';
import { ApiKey, ApiKeyCreated, AuthTokens, MyService, MyServiceList, PlatformSettings, Profile } from '@slotwise/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPayments } from '../index.js';
import { failure, sdkTestApp, type SdkTestApp } from './sdk-test-app.js';

// The SDK's account namespaces against the real app and a real database file: sign-up and tokens,
// the profile, API keys, services and operator settings.
let t: SdkTestApp;
let visitor: SlotwiseClient;
let as: SdkTestApp['as'];

beforeAll(async () => {
  t = await sdkTestApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  await seedDemoPayments(t.app.deps.payments, t.database); // a connected (test) Stripe account: priced services allowed
  ({ visitor, as } = t);
});
afterAll(() => t.close());

describe('client.auth', () => {
  it('signs up, logs in, refreshes and logs out', async () => {
    const signedUp = await visitor.auth.signup({
      email: 'grace@example.com', password: 'correct horse battery', name: 'Grace Hopper', handle: 'grace', timeZone: 'America/New_York', currency: 'USD',
    });
    expect(AuthTokens.parse(signedUp)).toEqual(signedUp);
    expect(signedUp.account).toMatchObject({ role: 'specialist', handle: 'grace' });

    const session = await visitor.auth.login({ email: 'grace@example.com', password: 'correct horse battery' });
    const grace = as(session.accessToken);
    expect((await grace.me.profile.retrieve()).handle).toBe('grace');

    const renewed = await visitor.auth.refresh({ refreshToken: session.refreshToken });
    expect(renewed.refreshToken).not.toBe(session.refreshToken);
    const reused = await failure(visitor.auth.refresh({ refreshToken: session.refreshToken }));
    expect(reused).toMatchObject({ status: 401, code: 'invalid_refresh_token' });

    expect(await visitor.auth.logout({ refreshToken: signedUp.refreshToken })).toEqual({ loggedOut: true });
    expect((await failure(visitor.auth.refresh({ refreshToken: signedUp.refreshToken }))).code).toBe('invalid_refresh_token');
  });

  it('throws invalid_credentials for a wrong password and email_taken for a second sign-up', async () => {
    const wrong = await failure(visitor.auth.login({ email: 'demo@slotwise.local', password: 'not the password' }));
    expect(wrong).toMatchObject({ status: 401, code: 'invalid_credentials' });
    const taken = await failure(
      visitor.auth.signup({ email: 'demo@slotwise.local', password: 'correct horse battery', name: 'X', handle: 'x', timeZone: 'UTC', currency: 'EUR' }),
    );
    expect(taken.code).toBe('email_taken');
    expect(taken.problem.errors?.[0]?.field).toBe('body.email');
  });

  it('throws token_expired once the access token is 15 minutes old', async () => {
    const session = await visitor.auth.login({ email: 'demo@slotwise.local', password: t.demoPassword });
    const start = t.now();
    t.setNow(start + 15 * 60_000);
    try {
      expect((await failure(as(session.accessToken).me.profile.retrieve())).code).toBe('token_expired');
    } finally {
      t.setNow(start);
    }
  });
});

describe('client.me (with the console login of the demo specialist)', () => {
  let demo: SlotwiseClient;
  beforeAll(async () => {
    demo = as((await visitor.auth.login({ email: 'demo@slotwise.local', password: t.demoPassword })).accessToken);
  });

  it('reads and updates the profile', async () => {
    const profile = await demo.me.profile.retrieve();
    expect(Profile.parse(profile)).toEqual(profile);
    const updated = await demo.me.profile.update({ bio: 'Coach for engineers.', allowedOrigins: ['https://Coach.Example/'] });
    expect(updated).toMatchObject({ bio: 'Coach for engineers.', allowedOrigins: ['https://coach.example'] });
    const bad = await failure(demo.me.profile.update({ allowedOrigins: ['https://coach.example/booking'] }));
    expect(bad.code).toBe('invalid_request');
    expect((await failure(demo.me.profile.update({ handle: 'grace' }))).code).toBe('handle_taken');
    await demo.me.profile.update({ allowedOrigins: [] });
  });

  it('creates, lists, rotates and revokes API keys', async () => {
    const created = await demo.me.apiKeys.create({ name: 'Reporting job' });
    expect(ApiKeyCreated.parse(created)).toEqual(created);
    const server = as(created.key);
    expect((await server.me.profile.retrieve()).handle).toBe('demo');

    const { data } = await demo.me.apiKeys.list();
    for (const key of data) expect(ApiKey.strict().parse(key)).toEqual(key);

    const rotated = await demo.me.apiKeys.rotate(created.id);
    expect(rotated.name).toBe('Reporting job');
    expect((await failure(server.me.profile.retrieve())).code).toBe('unauthorized');
    const revoked = await demo.me.apiKeys.revoke(rotated.id);
    expect(revoked.revokedAt).not.toBeNull();
    expect((await failure(as(rotated.key).me.profile.retrieve())).status).toBe(401);
    expect((await failure(demo.me.apiKeys.revoke('key_nope'))).code).toBe('api_key_not_found');
  });

  it('creates, retrieves, updates, archives and lists services', async () => {
    const created = await demo.me.services.create({
      name: 'Mock interview',
      durations: [{ minutes: 60, price: 9000 }],
      bufferAfter: 15,
      cancelUntilHours: 12,
      partialRefundPercent: 30,
    });
    expect(MyService.parse(created)).toEqual(created);
    expect(created).toMatchObject({ currency: 'EUR', active: true, bufferAfter: 15, cancelUntilHours: 12, partialRefundPercent: 30 });
    expect(await demo.me.services.retrieve(created.id)).toEqual(created);

    const updated = await demo.me.services.update(created.id, { name: 'Mock interview (senior)', maxReschedules: 1 });
    expect(updated).toMatchObject({ name: 'Mock interview (senior)', maxReschedules: 1 });
    const refused = await failure(demo.me.services.update(created.id, { fullRefundHours: 1 }));
    expect(refused.problem.errors?.[0]?.field).toBe('body.partialRefundHours');

    expect((await visitor.specialists.retrieve('demo')).services.map((s) => s.id)).toContain(created.id);
    const archived = await demo.me.services.archive(created.id);
    expect(archived.active).toBe(false);
    expect((await visitor.specialists.retrieve('demo')).services.map((s) => s.id)).not.toContain(created.id);
    expect((await failure(visitor.specialists.slots('demo', { service: created.id }))).code).toBe('service_not_found');

    const list = await demo.me.services.list();
    expect(MyServiceList.parse(list)).toEqual(list);
    expect(list.data.find((s) => s.id === created.id)?.active).toBe(false);
    expect((await failure(demo.me.services.retrieve('svc_nope'))).code).toBe('service_not_found');
  });
});

describe('client.operator', () => {
  it('reads and changes the platform fee as an operator; a specialist gets forbidden', async () => {
    const operator = as((await visitor.auth.login({ email: 'operator@slotwise.local', password: t.operatorPassword })).accessToken);
    const settings = await operator.operator.settings.retrieve();
    expect(PlatformSettings.parse(settings)).toEqual({ platformFeeBps: 2000, updatedAt: null });
    expect((await operator.operator.settings.update({ platformFeeBps: 1500 })).platformFeeBps).toBe(1500);
    expect((await operator.operator.settings.retrieve()).platformFeeBps).toBe(1500);

    const forbidden = await failure(as(t.apiKey).operator.settings.retrieve());
    expect(forbidden).toMatchObject({ status: 403, code: 'forbidden' });
    await expect(visitor.operator.settings.retrieve()).rejects.toThrow(TypeError); // no credentials given to the client
  });
});

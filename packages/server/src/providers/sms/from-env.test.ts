import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { optionsFromEnv, startServer } from '../../node.js';
import { startFakeTwilio, type FakeTwilio } from '../../testing/fake-twilio/index.js';
import { paymentsDisabled } from '../payments/index.js';
import { smsFromEnv } from './from-env.js';

// The production entry reads its SMS settings from the environment; half a configuration or a
// sender that cannot work stops the start with one sentence naming the variable.

let fake: FakeTwilio;
let dir: string;
beforeEach(async () => {
  fake = await startFakeTwilio();
  dir = mkdtempSync(join(tmpdir(), 'slotwise-sms-'));
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = { TWILIO_ACCOUNT_SID: 'AC' + 'a'.repeat(32), TWILIO_AUTH_TOKEN: 'token', TWILIO_FROM: '+14155550000' };

describe('SMS settings from the environment', () => {
  it('is off without the variables, on with all three', () => {
    expect(smsFromEnv({})).toBeUndefined();
    expect(optionsFromEnv({})).not.toHaveProperty('sms');
    expect(optionsFromEnv(env).sms?.name).toBe('twilio');
    expect(smsFromEnv({ ...env, TWILIO_FROM: 'Slotwise' })?.name).toBe('twilio');
    expect(smsFromEnv({ ...env, TWILIO_FROM: 'MG' + 'a'.repeat(32), TWILIO_BASE_URL: 'https://example.signalwire.com/api/laml' })?.name).toBe('twilio');
  });

  it('refuses half a configuration or a sender that cannot work, naming the variable and never the token', () => {
    expect(() => optionsFromEnv({ TWILIO_ACCOUNT_SID: env.TWILIO_ACCOUNT_SID })).toThrow('TWILIO_AUTH_TOKEN and TWILIO_FROM are missing');
    expect(() => optionsFromEnv({ ...env, TWILIO_FROM: '' })).toThrow('TWILIO_FROM is missing');
    expect(() => optionsFromEnv({ ...env, TWILIO_FROM: '0170 1234567' })).toThrow(/^TWILIO_FROM must be/);
    expect(() => optionsFromEnv({ ...env, TWILIO_FROM: 'A very long sender' })).toThrow(/^TWILIO_FROM must be/);
    expect(() => optionsFromEnv({ ...env, TWILIO_BASE_URL: 'api.twilio.com' })).toThrow(/^TWILIO_BASE_URL must be/);
    try {
      optionsFromEnv({ ...env, TWILIO_FROM: 'x' });
    } catch (error) {
      expect((error as Error).message).not.toContain('token');
    }
  });

  it('texts through the configured API from a server started with them, logging the call without the number', async () => {
    let now = Date.parse('2026-11-20T12:00:00Z');
    const lines: Record<string, unknown>[] = [];
    const options = optionsFromEnv({ TWILIO_ACCOUNT_SID: fake.accountSid, TWILIO_AUTH_TOKEN: fake.authToken, TWILIO_FROM: fake.from, TWILIO_BASE_URL: fake.baseUrl });
    const server = await startServer({
      ...options,
      databaseUrl: `file:${join(dir, 'sms.db')}`,
      port: 0,
      seed: 'demo',
      payments: paymentsDisabled(),
      tickEveryMs: 0,
      rateLimits: false,
      clock: () => now,
      log: (line) => lines.push(line),
    });
    try {
      const profile = await (await fetch(`${server.url}/v1/specialists/demo`)).json();
      const res = await fetch(`${server.url}/v1/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ specialist: 'demo', service: profile.services[0].id, start: '2026-11-23T14:00:00Z', customer: { name: 'Grace', email: 'grace@example.com', timeZone: 'UTC', phone: '+12125550123', smsConsent: true } }),
      });
      expect(res.status).toBe(201);
      await server.app.deliveries.idle();
      now = Date.parse('2026-11-22T14:00:00Z');
      await server.app.tick();
      expect(fake.messages.map((m) => m.to)).toEqual(['+12125550123']);
      expect(lines).toContainEqual(expect.objectContaining({ msg: 'provider call', provider: 'sms', outcome: 'ok' }));
      expect(JSON.stringify(lines)).not.toContain('5550123');
      expect(JSON.stringify(lines)).not.toContain(fake.authToken);
    } finally {
      await server.close();
    }
  });
});

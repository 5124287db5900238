import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { accountTokens, outbox } from '../../db/schema.js';
import { auth, signUp } from '../../testing/accounts.js';
import { LINKS, linksOf, mailTestApp, type MailTestApp } from '../../testing/mail-app.js';

// A forgotten password, end to end: the request (the same answer for every address), the email
// sent from the outbox with a single-use link to the console, and the new password that ends
// every other login. Real SMTP into the local mailbox; a real libSQL file.

let m: MailTestApp;
afterEach(() => m.closeAll());

const OLD = 'correct horse battery';
const NEW = 'a brand new passphrase';
const request = (email: string) => m.json('/v1/auth/password-reset', { body: { email } });
const confirm = (token: string, password = NEW) => m.json('/v1/auth/password-reset/confirm', { body: { token, password } });
const login = (password: string) => m.json('/v1/auth/login', { body: { email: 'ada@example.com', password } });

/** The token of every reset link mailed to `address`, oldest first. */
async function resetTokens(address: string): Promise<string[]> {
  await m.settle();
  return m
    .to(address)
    .flatMap(linksOf)
    .filter((l) => l.includes('/console#/reset?token='))
    .map((l) => decodeURIComponent(l.split('token=')[1]!));
}

describe('password reset', () => {
  it('emails a single-use console link that sets a new password, ends every other login and logs in', async () => {
    m = await mailTestApp({ now: Date.parse('2026-11-20T12:00:00Z') });
    const before = await signUp(m, 'ada');
    const elsewhereLogin = (await login(OLD)).body;
    const elsewhere = elsewhereLogin.refreshToken as string;
    m.setNow(Date.parse('2026-11-20T12:05:00Z')); // five minutes on: their access tokens have ten to go

    const asked = await request('ADA@example.com');
    expect(asked.status).toBe(202);
    expect(asked.body.accepted).toBe(true);
    const [token] = await resetTokens('ada@example.com');
    const mail = m.to('ada@example.com').find((x) => x.subject.includes('new Slotwise password'))!;
    expect(linksOf(mail)).toContain(`${LINKS.api}/console#/reset?token=${encodeURIComponent(token!)}`);
    expect(mail.text).toContain('works once, within 1 hour');
    // Only a hash is stored.
    const stored = await m.database.db.select().from(accountTokens).where(eq(accountTokens.purpose, 'password_reset'));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    const done = await confirm(token!);
    expect(done.status).toBe(200);
    expect(done.headers.get('cache-control')).toBe('no-store');
    expect(done.body.account).toMatchObject({ email: 'ada@example.com', role: 'specialist', handle: 'ada' });
    expect((await m.json('/v1/me', { headers: auth(done.body.accessToken) })).status).toBe(200);

    // Every login from before is over; the new one works; the old password does not.
    for (const old of [before.refreshToken, elsewhere]) {
      expect((await m.json('/v1/auth/refresh', { body: { refreshToken: old } })).body.code).toBe('invalid_refresh_token');
    }
    expect((await m.json('/v1/auth/refresh', { body: { refreshToken: done.body.refreshToken } })).status).toBe(200);
    // Their access tokens stop at once too, not when their 15 minutes run out.
    for (const old of [before.accessToken, elsewhereLogin.accessToken]) {
      const refused = await m.json('/v1/me', { headers: auth(old) });
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'unauthorized', detail: expect.stringContaining('password was reset') });
    }
    expect((await m.json('/v1/me', { headers: auth(done.body.accessToken) })).status).toBe(200);
    expect((await login(OLD)).status).toBe(401);
    expect((await login(NEW)).status).toBe(200);

    // Used once: the same link again is refused, and changes nothing.
    const again = await confirm(token!, 'yet another passphrase');
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('reset_token_invalid');
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect((await login(NEW)).status).toBe(200);
  });

  it('answers an unknown email exactly like a known one, and emails and stores nothing for it', async () => {
    m = await mailTestApp();
    await signUp(m, 'ada');
    await m.settle();
    const outboxRows = async () => (await m.database.db.select({ n: count() }).from(outbox))[0]!.n;
    const rowsBefore = await outboxRows();

    const unknown = await request('nobody@example.com');
    expect(await outboxRows()).toBe(rowsBefore);
    const known = await request('ada@example.com');
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(unknown.headers.get('content-type')).toBe(known.headers.get('content-type'));
    await m.settle();
    expect(m.to('nobody@example.com')).toEqual([]);
    expect(await resetTokens('ada@example.com')).toHaveLength(1);
  });

  it('keeps only the newest link working, and none after an hour', async () => {
    m = await mailTestApp();
    await signUp(m, 'ada');
    await request('ada@example.com');
    await m.settle();
    await request('ada@example.com');
    const [first, second] = await resetTokens('ada@example.com');
    expect((await confirm(first!)).body.code).toBe('reset_token_invalid');

    m.setNow(m.now() + 60 * 60_000 + 1);
    const late = await confirm(second!);
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('reset_token_invalid');
    expect(late.body.detail).toContain('Ask for a new link');
    expect((await login(OLD)).status).toBe(200); // nothing changed
  });

  it('lets one of two tabs using the same link at once set the password, and refuses the other', async () => {
    m = await mailTestApp();
    await signUp(m, 'ada');
    await request('ada@example.com');
    const [token] = await resetTokens('ada@example.com');
    // The second tab's whole request runs between the first's read of the link and its write.
    let second: Awaited<ReturnType<typeof confirm>> | undefined;
    const batch = m.database.batch.bind(m.database);
    let armed = true;
    m.database.batch = async (queries) => {
      if (armed) {
        armed = false;
        second = await confirm(token!, 'second tab passphrase');
      }
      return batch(queries);
    };
    const first = await confirm(token!, 'first tab passphrase');
    m.database.batch = batch;
    expect(second!.status).toBe(200);
    expect(first.status).toBe(400);
    expect(first.body.code).toBe('reset_token_invalid');
    expect((await login('second tab passphrase')).status).toBe(200);
    expect((await login('first tab passphrase')).status).toBe(401);
  });

  it('refuses a weak password without spending the link', async () => {
    m = await mailTestApp();
    await signUp(m, 'ada');
    await request('ada@example.com');
    const [token] = await resetTokens('ada@example.com');
    const weak = await confirm(token!, 'short');
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('body.password');
    expect((await confirm(token!)).status).toBe(200);
  });

  it('limits requests per client and per email address', async () => {
    m = await mailTestApp({ rateLimits: true });
    await signUp(m, 'ada');
    for (let i = 0; i < 3; i++) expect((await request('ada@example.com')).status).toBe(202);
    const sameEmail = await request('ADA@example.com');
    expect(sameEmail.status).toBe(429);
    expect(sameEmail.body.code).toBe('rate_limited');
    expect(Number(sameEmail.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address from the same client: its own count, until the client's limit (5 a minute).
    expect((await request('grace@example.com')).status).toBe(202);
    expect((await request('linus@example.com')).status).toBe(429);
    expect(await resetTokens('ada@example.com')).toHaveLength(3);
  });

  it('answers a body without an email with its own error, never with another such body’s limit', async () => {
    m = await mailTestApp({ rateLimits: true });
    // Four mistakes in a row (under the client's 5 a minute): each told what is wrong, none 429 —
    // bodies without an address used to share one per-address count.
    for (const body of [{ mail: 'ada@example.com' }, {}, { email: '' }, { email: 42 }]) {
      const res = await m.json('/v1/auth/password-reset', { body });
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'invalid_request' });
    }
  });

  it('resets an operator’s password too (an account with no specialist), in English', async () => {
    m = await mailTestApp({ now: Date.parse('2026-11-20T12:00:00Z') });
    const earlier = await m.json('/v1/auth/login', { body: { email: 'operator@slotwise.local', password: m.operatorPassword } });
    expect(earlier.status).toBe(200);
    m.setNow(Date.parse('2026-11-20T12:01:00Z'));
    await request('operator@slotwise.local');
    const [token] = await resetTokens('operator@slotwise.local');
    const mail = m.to('operator@slotwise.local')[0]!;
    expect(mail.text).toContain('the Slotwise login operator@slotwise.local');
    expect(mail.text).not.toContain('Hello');
    const done = await confirm(token!);
    expect(done.body.account).toMatchObject({ role: 'operator', handle: null });
    expect((await m.json('/v1/operator/specialists', { headers: auth(earlier.body.accessToken) })).status).toBe(401);
    expect((await m.json('/v1/operator/specialists', { headers: auth(done.body.accessToken) })).status).toBe(200);
    expect((await m.json('/v1/auth/login', { body: { email: 'operator@slotwise.local', password: NEW } })).status).toBe(200);
  });

  it('points the login error at the reset flow', async () => {
    m = await mailTestApp();
    const res = await login('not my password at all');
    expect(res.status).toBe(401);
    expect(res.body.detail).toContain('/v1/auth/password-reset');
  });
});

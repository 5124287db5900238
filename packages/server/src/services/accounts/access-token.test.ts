import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_MS, signAccessToken, verifyAccessToken } from './access-token.js';

const secret = 'test-secret-of-enough-length-0123456789';
const now = Date.parse('2026-11-20T12:00:00Z');
const subject = { accountId: 'acct_1', role: 'specialist' as const, specialistId: 'sp_1' };
const sign = (claims: Record<string, unknown>, key: string) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(key));
const b64url = (value: object) => btoa(JSON.stringify(value)).replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_');

describe('access tokens', () => {
  it('carries sub, role, sp, iat and exp, and lasts 15 minutes by the app clock', async () => {
    const { token, expiresAt } = await signAccessToken(secret, subject, now);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(token)).toEqual({ sub: 'acct_1', role: 'specialist', sp: 'sp_1', iat: now / 1000, exp: now / 1000 + 900 });
    expect(expiresAt).toBe(now + ACCESS_TOKEN_TTL_MS);
    expect(await verifyAccessToken(token, secret, now + ACCESS_TOKEN_TTL_MS - 1000)).toMatchObject({ sub: 'acct_1', sp: 'sp_1' });
    expect(await verifyAccessToken(token, secret, now + ACCESS_TOKEN_TTL_MS)).toBe('expired');
  });

  it('leaves `sp` out for an operator', async () => {
    const { token } = await signAccessToken(secret, { accountId: 'acct_op', role: 'operator', specialistId: null }, now);
    expect(await verifyAccessToken(token, secret, now)).toEqual({ sub: 'acct_op', role: 'operator', iat: now / 1000, exp: now / 1000 + 900 });
  });

  it('refuses another secret, a changed payload, alg "none" and garbage', async () => {
    const { token } = await signAccessToken(secret, subject, now);
    expect(await verifyAccessToken(token, 'another-secret-of-enough-length-01234', now)).toBeUndefined();
    const [header, , signature] = token.split('.');
    const operator = b64url({ sub: 'acct_1', role: 'operator', iat: now / 1000, exp: now / 1000 + 900 });
    expect(await verifyAccessToken(`${header}.${operator}.${signature}`, secret, now)).toBeUndefined();
    const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: 'acct_1', role: 'operator', iat: 1, exp: 9e9 })}.`;
    expect(await verifyAccessToken(none, secret, now)).toBeUndefined();
    expect(await verifyAccessToken('a.b.c', secret, now)).toBeUndefined();
  });

  it('refuses a token of ours whose claims are not an access token’s', async () => {
    const forged = await sign({ sub: 'acct_1', role: 'admin', iat: now / 1000, exp: now / 1000 + 900 }, secret);
    expect(await verifyAccessToken(forged, secret, now)).toBeUndefined();
    const noExp = await sign({ sub: 'acct_1', role: 'specialist', sp: 'sp_1', iat: now / 1000 }, secret);
    expect(await verifyAccessToken(noExp, secret, now)).toBeUndefined();
  });
});

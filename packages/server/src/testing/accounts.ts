import type { TestApp } from './test-app.js';

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A new specialist `handle` (Europe/Berlin, EUR) signed up through the API; its tokens. */
export async function signUp(t: TestApp, handle: string, overrides: Record<string, unknown> = {}) {
  const res = await t.json('/v1/auth/signup', {
    body: { email: `${handle}@example.com`, password: 'correct horse battery', name: `Specialist ${handle}`, handle, timeZone: 'Europe/Berlin', currency: 'EUR', ...overrides },
  });
  if (res.status !== 201) throw new Error(`sign-up of ${handle} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { accessToken: string; refreshToken: string; accessTokenExpiresAt: string; account: { id: string; handle: string } };
}

/** An access token of the seeded operator. */
export async function operatorToken(t: TestApp): Promise<string> {
  const res = await t.json('/v1/auth/login', { body: { email: 'operator@slotwise.local', password: t.operatorPassword } });
  if (res.status !== 200) throw new Error(`operator login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

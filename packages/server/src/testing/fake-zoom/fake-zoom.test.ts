import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeZoom, type FakeZoom } from './index.js';

// The fake must answer like Zoom, or the provider's tests prove nothing: these hold it to
// Zoom's documented wire behaviour (status codes, error documents, token lifetimes).

let now = Date.parse('2026-11-20T12:00:00Z');
let fake: FakeZoom;
beforeEach(async () => {
  now = Date.parse('2026-11-20T12:00:00Z');
  fake = await startFakeZoom({ clock: () => now });
});
afterEach(async () => {
  await fake.close();
});

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
async function token(query = `grant_type=account_credentials&account_id=${fake.credentials.accountId}`, auth = basic(fake.credentials.clientId, fake.credentials.clientSecret)) {
  const res = await fetch(`${fake.oauthBase}/oauth/token?${query}`, { method: 'POST', headers: { authorization: auth } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
async function api(method: string, path: string, bearer: string | undefined, body?: unknown) {
  const res = await fetch(`${fake.apiBase}${path}`, {
    method,
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('the fake Zoom', () => {
  it('issues an hour-long bearer token for the account credentials (query parameters, as Zoom documents)', async () => {
    const res = await token();
    expect(res).toMatchObject({ status: 200, body: { token_type: 'bearer', expires_in: 3600, access_token: expect.any(String) } });
    expect(res.body).not.toHaveProperty('refresh_token');
  });

  it('refuses wrong client credentials, another grant and another account with OAuth errors', async () => {
    expect(await token(undefined, basic(fake.credentials.clientId, 'wrong'))).toEqual({ status: 400, body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } });
    expect((await token('grant_type=client_credentials')).body).toMatchObject({ error: 'unsupported_grant_type' });
    expect((await token('grant_type=account_credentials&account_id=someone-else')).body).toMatchObject({ error: 'invalid_request' });
  });

  it('answers 401 code 124 without a token, with an unknown one and with an expired one', async () => {
    expect(await api('GET', '/users/me/meetings', undefined)).toEqual({ status: 401, body: { code: 124, message: 'Invalid access token.' } });
    expect((await api('GET', '/users/me/meetings', 'made-up')).status).toBe(401);
    const { body } = await token();
    expect((await api('GET', '/users/me/meetings', body.access_token as string)).status).toBe(200);
    now += 3600_000;
    expect(await api('GET', '/users/me/meetings', body.access_token as string)).toEqual({ status: 401, body: { code: 124, message: 'Access token is expired.' } });
  });

  it("validates like Zoom: 300 for a body that is not JSON or a field that is wrong, 1001 for no such user, 3001 for no such meeting", async () => {
    const bearer = (await token()).body.access_token as string;
    expect(await api('POST', '/users/me/meetings', bearer, '{nope')).toEqual({ status: 400, body: { code: 300, message: 'Request Body should be a valid JSON object.' } });
    expect((await api('POST', '/users/me/meetings', bearer, { type: 2, topic: 'x' })).body).toMatchObject({ code: 300, errors: [{ field: 'start_time' }] });
    expect((await api('POST', '/users/nobody@example.com/meetings', bearer, { type: 2, start_time: '2026-11-23T09:00:00Z' })).body).toMatchObject({ code: 1001 });
    expect(await api('DELETE', '/meetings/81234567890', bearer)).toEqual({ status: 404, body: { code: 3001, message: 'Meeting does not exist: 81234567890.' } });
    expect((await api('PATCH', '/meetings/81234567890', bearer, { duration: 30 })).body).toMatchObject({ code: 3001 });
  });

  it('creates (201 with id and join_url), patches (204) and deletes (204) a meeting', async () => {
    const bearer = (await token()).body.access_token as string;
    const made = await api('POST', '/users/me/meetings', bearer, { type: 2, topic: 'Session', start_time: '2026-11-23T09:00:00Z', duration: 45, timezone: 'Europe/Berlin' });
    expect(made).toMatchObject({ status: 201, body: { id: expect.any(Number), join_url: expect.stringMatching(/^https:\/\/.*zoom\.us\/j\//), start_time: '2026-11-23T09:00:00Z', duration: 45 } });
    const id = made.body!.id as number;
    expect(await api('PATCH', `/meetings/${id}`, bearer, { start_time: '2026-11-24T10:00:00Z' })).toEqual({ status: 204, body: undefined });
    expect((await api('GET', `/meetings/${id}`, bearer)).body).toMatchObject({ start_time: '2026-11-24T10:00:00Z' });
    expect((await api('DELETE', `/meetings/${id}`, bearer)).status).toBe(204);
    expect((await api('GET', `/meetings/${id}`, bearer)).status).toBe(404);
  });
});

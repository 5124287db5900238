import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { segmentsOf } from './messages.js';
import { startFakeTwilio, type FakeTwilio } from './index.js';

// The fake on the wire, as Twilio documents its Messages API: if these hold, a transport that
// works against the fake speaks Twilio's protocol.

let fake: FakeTwilio;
beforeEach(async () => {
  fake = await startFakeTwilio({ senders: ['+15005550006', 'Slotwise'], messagingServices: ['MG' + 'a'.repeat(32)] });
});
afterEach(() => fake.close());

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const messagesUrl = () => `${fake.baseUrl}/2010-04-01/Accounts/${fake.accountSid}/Messages.json`;
async function post(form: Record<string, string>, authorization = basic(fake.accountSid, fake.authToken), url = messagesUrl()) {
  const res = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  return { status: res.status, headers: res.headers, body: await res.json() };
}
async function get(url: string) {
  const res = await fetch(url, { headers: { authorization: basic(fake.accountSid, fake.authToken) } });
  return { status: res.status, body: await res.json() };
}
const to = '+14155552671';

describe('fake Twilio: Messages', () => {
  it('creates a message from a form-encoded request with Basic auth, answering 201 and the Message resource', async () => {
    const res = await post({ To: to, From: '+15005550006', Body: 'Hello' });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      account_sid: fake.accountSid,
      to,
      from: '+15005550006',
      body: 'Hello',
      status: 'queued',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      num_segments: '1',
      num_media: '0',
      date_sent: null,
      error_code: null,
      messaging_service_sid: null,
      date_created: expect.stringMatching(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/),
    });
    expect(res.body.uri).toBe(`/2010-04-01/Accounts/${fake.accountSid}/Messages/${res.body.sid}.json`);
    expect(fake.messages.map((m) => m.sid)).toEqual([res.body.sid]);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', params: { To: to, From: '+15005550006', Body: 'Hello' }, status: 201 });
  });

  it('sends through a Messaging Service (accepted) or an alphanumeric sender', async () => {
    expect((await post({ To: to, MessagingServiceSid: 'MG' + 'a'.repeat(32), Body: 'Hi' })).body).toMatchObject({ status: 'accepted', from: null, messaging_service_sid: 'MG' + 'a'.repeat(32) });
    expect((await post({ To: to, From: 'Slotwise', Body: 'Hi' })).body).toMatchObject({ status: 'queued', from: 'Slotwise' });
  });

  it('refuses a request without the right credentials with 401 and code 20003', async () => {
    for (const authorization of [basic(fake.accountSid, 'wrong'), basic('AC' + '0'.repeat(32), fake.authToken), `Bearer ${fake.authToken}`, '']) {
      const res = await post({ To: to, From: '+15005550006', Body: 'x' }, authorization);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="Twilio API"');
      expect(res.body).toEqual({ code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    }
    expect(fake.messages).toEqual([]);
  });

  it('answers Twilio’s error body and code for each refusal, and sends nothing', async () => {
    const cases: [Record<string, string>, number][] = [
      [{ From: '+15005550006', Body: 'x' }, 21604],
      [{ To: '415-555-2671', From: '+15005550006', Body: 'x' }, 21211],
      [{ To: to, Body: 'x' }, 21603],
      [{ To: to, From: '+15550000000', Body: 'x' }, 21606],
      [{ To: to, MessagingServiceSid: 'MG' + 'b'.repeat(32), Body: 'x' }, 21705],
      [{ To: '+15005550006', From: '+15005550006', Body: 'x' }, 21266],
      [{ To: to, From: '+15005550006' }, 21602],
      [{ To: to, From: '+15005550006', Body: 'x'.repeat(1601) }, 21617],
    ];
    for (const [form, code] of cases) {
      const res = await post(form);
      expect({ form, status: res.status, body: res.body }).toEqual({ form, status: 400, body: { code, message: expect.any(String), more_info: `https://www.twilio.com/docs/errors/${code}`, status: 400 } });
    }
    expect(fake.messages).toEqual([]);
    expect((await get(`${fake.baseUrl}/2010-04-01/Accounts/${fake.accountSid}/Calls/CA1.json`)).body).toMatchObject({ code: 20404, status: 404 });
  });

  it('refuses texts to a number that replied STOP (21610), and fails planned requests with 429 or 500 bodies', async () => {
    fake.optOut(to);
    expect((await post({ To: to, From: '+15005550006', Body: 'x' })).body).toMatchObject({ code: 21610, status: 400 });
    fake.failNext(1, { status: 429 });
    fake.failNext(1, { status: 503 });
    expect(await post({ To: '+14155550000', From: '+15005550006', Body: 'x' })).toMatchObject({ status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 } });
    expect(await post({ To: '+14155550000', From: '+15005550006', Body: 'x' })).toMatchObject({ status: 503, body: { code: 20500, status: 503 } });
    expect((await post({ To: '+14155550000', From: '+15005550006', Body: 'x' })).status).toBe(201);
  });

  it('lists messages newest first, filtered by To and From, in pages; fetches one by its sid', async () => {
    for (const body of ['one', 'two', 'three']) await post({ To: to, From: '+15005550006', Body: body });
    await post({ To: '+14155550000', From: '+15005550006', Body: 'elsewhere' });
    const first = await get(`${messagesUrl()}?To=${encodeURIComponent(to)}&PageSize=2`);
    expect(first.status).toBe(200);
    expect(first.body.messages.map((m: { body: string }) => m.body)).toEqual(['three', 'two']);
    expect(first.body).toMatchObject({ page: 0, page_size: 2, start: 0, end: 1, previous_page_uri: null, next_page_uri: expect.stringContaining('Page=1') });
    const next = await get(`${fake.baseUrl}${first.body.next_page_uri}`);
    expect(next.body.messages.map((m: { body: string }) => m.body)).toEqual(['one']);
    expect(next.body.next_page_uri).toBeNull();
    const one = await get(`${fake.baseUrl}/2010-04-01/Accounts/${fake.accountSid}/Messages/${fake.messages[0]!.sid}.json`);
    expect(one.body).toMatchObject({ sid: fake.messages[0]!.sid, body: 'one' });
  });

  it('accepts a message and then drops the answer when told to (the message is sent all the same)', async () => {
    fake.dropNextAnswer();
    await expect(post({ To: to, From: '+15005550006', Body: 'lost answer' })).rejects.toThrow();
    expect(fake.messages.map((m) => m.body)).toEqual(['lost answer']);
  });

  it('counts parts as carriers do: 160 GSM characters (153 when split), 70 others (67 when split)', () => {
    expect([segmentsOf('x'.repeat(160)), segmentsOf('x'.repeat(161)), segmentsOf('x'.repeat(306)), segmentsOf('x'.repeat(307))]).toEqual([1, 2, 2, 3]);
    expect([segmentsOf('€'.repeat(80)), segmentsOf('€'.repeat(81))]).toEqual([1, 2]); // escaped: two septets each
    expect([segmentsOf('日'.repeat(70)), segmentsOf('日'.repeat(71)), segmentsOf('日'.repeat(134)), segmentsOf('日'.repeat(135))]).toEqual([1, 2, 2, 3]);
  });
});

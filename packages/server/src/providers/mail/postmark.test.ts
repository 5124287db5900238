import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DeliveryFailure } from '../../services/delivery/channel.js';
import { startFakePostmark, type FakePostmark, type PostmarkReceived } from '../../testing/fake-postmark.js';
import { message, runMailTransportCases, type Arrived } from './mail.case.js';
import { postmarkMail } from './postmark.js';

const text = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

const arrived = (m: PostmarkReceived): Arrived => {
  const headers = Object.fromEntries((m.Headers ?? []).map((h) => [h.Name.toLowerCase(), h.Value]));
  return {
    messageId: headers['message-id'] ?? '',
    from: m.From,
    to: m.To,
    subject: m.Subject ?? '',
    text: m.TextBody ?? '',
    html: m.HtmlBody ?? '',
    headers,
    calendars: (m.Attachments ?? [])
      .filter((a) => a.ContentType.startsWith('text/calendar'))
      .map((a) => ({ method: /method=([A-Z]+)/i.exec(a.ContentType)?.[1]?.toUpperCase(), content: text(a.Content) })),
    attachments: (m.Attachments ?? []).map((a) => ({ filename: a.Name, contentType: a.ContentType.split(';')[0]!, content: text(a.Content) })),
  };
};

runMailTransportCases('Postmark (fetch → the fake Postmark API)', async () => {
  const fake = await startFakePostmark();
  const transport = postmarkMail({ serverToken: fake.serverToken, baseUrl: fake.url, timeoutMs: 500 });
  return {
    transport,
    arrived: async () => fake.received().map(arrived),
    refuse: (address) => fake.deactivate(address),
    failOnce: () => fake.failNext(503),
    hang: () => fake.hang(),
    async unreachable() {
      const gone = await startFakePostmark();
      await gone.close();
      return postmarkMail({ serverToken: fake.serverToken, baseUrl: gone.url, timeoutMs: 500 });
    },
    close: () => fake.close(),
  };
});

describe('Postmark specifics', () => {
  let fake: FakePostmark;
  beforeEach(async () => {
    fake = await startFakePostmark({ streams: ['outbound', 'reminders'] });
  });
  afterEach(() => fake.close());

  test('sends on the configured message stream, authenticated by the server token, with the invite as a text/calendar attachment', async () => {
    const transport = postmarkMail({ serverToken: fake.serverToken, baseUrl: fake.url, messageStream: 'reminders' });
    const sent = await transport.send(message({ calendar: { method: 'REQUEST', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' } }));
    const [m] = fake.received();
    expect(sent.providerId).toBe(m!.MessageID);
    expect(m!.MessageStream).toBe('reminders');
    expect(m!.Attachments).toEqual([{ Name: 'invite.ics', Content: Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n').toString('base64'), ContentType: 'text/calendar; charset=utf-8; method=REQUEST' }]);
  });

  test('a wrong server token (401) is retried: an operator can fix it while the messages wait', async () => {
    const error = await postmarkMail({ serverToken: 'wrong', baseUrl: fake.url }).send(message()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryFailure);
    expect((error as DeliveryFailure).message).toContain('401 (ErrorCode 10)');
    expect((error as DeliveryFailure).retryable).toBe(true);
  });

  test('429 and 500 are retried; an unknown stream or a malformed address is not', async () => {
    const transport = postmarkMail({ serverToken: fake.serverToken, baseUrl: fake.url });
    fake.failNext(429);
    fake.failNext(500);
    for (const status of [429, 500]) {
      const error = (await transport.send(message()).catch((e: unknown) => e)) as DeliveryFailure;
      expect([error.message.startsWith(`Postmark ${status}`), error.retryable]).toEqual([true, true]);
    }
    const stream = (await postmarkMail({ serverToken: fake.serverToken, baseUrl: fake.url, messageStream: 'nope' }).send(message()).catch((e: unknown) => e)) as DeliveryFailure;
    expect([stream.message, stream.retryable]).toEqual([expect.stringContaining('ErrorCode 1235'), false]);
    const malformed = (await transport.send(message({ to: 'not-an-address' })).catch((e: unknown) => e)) as DeliveryFailure;
    expect([malformed.message, malformed.retryable]).toEqual([expect.stringContaining('ErrorCode 300'), false]);
    expect(fake.received()).toHaveLength(0);
  });
});

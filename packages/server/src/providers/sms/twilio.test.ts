import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryFailure } from '../../services/delivery/channel.js';
import { startFakeTwilio, type FakeTwilio } from '../../testing/fake-twilio/index.js';
import { loggedSms } from './logged.js';
import { twilioSms } from './twilio.js';

let fake: FakeTwilio;
beforeEach(async () => {
  fake = await startFakeTwilio({ senders: ['+15005550006'], messagingServices: ['MG' + 'c'.repeat(32)] });
});
afterEach(() => fake.close());

const sms = (from = fake.from) => twilioSms({ accountSid: fake.accountSid, authToken: fake.authToken, from, baseUrl: fake.baseUrl });
const message = { to: '+14155552671', body: 'Reminder: Intro call', idempotencyKey: 'bk_1:sms:reminder' };
/** The DeliveryFailure `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<DeliveryFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryFailure);
  return error as DeliveryFailure;
}

describe('twilioSms', () => {
  it('posts To, From and Body form-encoded with Basic AccountSid:AuthToken, and answers the message sid', async () => {
    const receipt = await sms().send(message);
    expect(receipt).toEqual({ providerId: fake.messages[0]!.sid });
    expect(fake.messages).toEqual([expect.objectContaining({ to: message.to, from: '+15005550006', body: message.body })]);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: `/2010-04-01/Accounts/${fake.accountSid}/Messages.json`, params: { To: message.to, From: '+15005550006', Body: message.body } });
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64')}`);
  });

  it('sends through a Messaging Service when the sender is one', async () => {
    await sms('MG' + 'c'.repeat(32)).send(message);
    expect(fake.requests[0]!.params).toEqual({ To: message.to, MessagingServiceSid: 'MG' + 'c'.repeat(32), Body: message.body });
  });

  it('gives up at once on a refusal that will not pass, naming Twilio’s code without the phone number', async () => {
    const refused = await failure(sms().send({ ...message, to: '+0415555267' }));
    expect(refused.retryable).toBe(false);
    expect(refused.message).toMatch(/^Twilio answered 400 \(error 21211\): Invalid 'To' Phone Number: /);
    expect(refused.message).not.toContain('0415555267');
    const wrongKey = await failure(twilioSms({ accountSid: fake.accountSid, authToken: 'nope', from: fake.from, baseUrl: fake.baseUrl }).send(message));
    expect(wrongKey).toMatchObject({ retryable: false, message: 'Twilio answered 401 (error 20003): Authenticate' });
    expect(fake.messages).toEqual([]);
  });

  it('retries later on 429, 5xx and an unreachable API', async () => {
    fake.failNext(1, { status: 429 });
    fake.failNext(1, { status: 500 });
    expect((await failure(sms().send(message))).retryable).toBe(true);
    expect((await failure(sms().send(message))).retryable).toBe(true);
    const down = twilioSms({ accountSid: fake.accountSid, authToken: fake.authToken, from: fake.from, baseUrl: 'http://127.0.0.1:1' });
    expect(await failure(down.send(message))).toMatchObject({ retryable: true, message: expect.stringMatching(/^Twilio could not be reached/) });
    expect(fake.messages).toEqual([]);
  });

  it('answers an opted-out recipient as such, not as a failure', async () => {
    fake.optOut(message.to);
    expect(await sms().send(message)).toEqual({ optedOut: true });
  });

  it('never sends twice when an answer was lost: a retry finds the message it already sent', async () => {
    fake.dropNextAnswer();
    const since = Date.now();
    expect((await failure(sms().send(message))).retryable).toBe(true);
    expect(fake.messages).toHaveLength(1); // it went out; we did not hear
    const receipt = await sms().send({ ...message, retrySince: since });
    expect(receipt).toEqual({ providerId: fake.messages[0]!.sid });
    expect(fake.messages).toHaveLength(1);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', params: { To: message.to, From: '+15005550006' } });
  });

  it('sends on a retry when the earlier attempt never arrived, and does not mistake an older text for it', async () => {
    await sms().send(message); // the same words, sent long before
    fake.failNext(1, { status: 503 });
    await failure(sms().send(message));
    const receipt = await sms().send({ ...message, retrySince: Date.now() + 2000 });
    expect(fake.messages).toHaveLength(2);
    expect(receipt.providerId).toBe(fake.messages[1]!.sid);
  });

  it('logs each send without the number or the text', async () => {
    const lines: Record<string, unknown>[] = [];
    await loggedSms(sms(), (line) => lines.push(line)).send(message);
    expect(lines).toEqual([expect.objectContaining({ msg: 'provider call', provider: 'sms', op: 'send', outcome: 'ok', idempotencyKey: message.idempotencyKey })]);
    expect(JSON.stringify(lines)).not.toContain(message.to);
    expect(JSON.stringify(lines)).not.toContain('Reminder');
  });
});

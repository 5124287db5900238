import { problemCodes } from '@slotwise/sdk/contract';
import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../db/schema.js';
import { connectDemo, setAllowedOrigins, setService } from '../testing/fixtures.js';
import { testApp, type TestApp } from '../testing/test-app.js';

// Problem details follow the request's Accept-Language; code, type and title (English) do not.

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterEach(() => t.close());

const customer = { name: 'Grace', email: 'grace@example.com', timeZone: 'Europe/Berlin' };
const booking = (start: string, extra: Record<string, unknown> = {}) => ({ specialist: 'demo', service: t.intro.id, start, customer, ...extra });
const lang = (value: string, more: Record<string, string> = {}) => ({ headers: { 'accept-language': value, ...more } });
const book = (start: string, language: string, extra: Record<string, unknown> = {}) => t.json('/v1/bookings', { body: booking(start, extra), ...lang(language) });

describe('problem details in the caller’s language', () => {
  it('writes a validation problem in German: the detail, zod’s field messages and our own', async () => {
    const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z' }, ...lang('de') });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-language')).toBe('de');
    expect(res.body).toMatchObject({ code: 'invalid_request', title: problemCodes.invalid_request.title, errors: [{ field: 'body.customer' }] });
    expect(res.body.detail).toMatch(/^body\.customer: Ungültige Eingabe/);

    const extra = await t.json('/v1/bookings', { body: booking('2026-11-23T09:00:00Z', { coupon: 'X' }), ...lang('de-DE') });
    expect(extra.body.errors).toEqual([{ field: 'body.coupon', message: 'Entfernen Sie „coupon“: Dieses Feld gehört nicht zu dieser Anfrage.' }]);
    expect(extra.body.detail).toBe('body.coupon: Entfernen Sie „coupon“: Dieses Feld gehört nicht zu dieser Anfrage.');
    expect(await stored()).toBe(0);
  });

  it('writes zod’s checks in plain English where the contract has no sentence of its own', async () => {
    const missing = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z' } });
    expect(missing.body.errors).toEqual([{ field: 'body.customer', message: 'This is required.' }]);
    expect(missing.body.detail).toBe('body.customer: This is required.');
    const key = (await t.json('/v1/me/services', { body: { name: 'Deep work', durations: [{ minutes: 60, price: 0 }], bufferBefore: -10, minNotice: 'soon' }, headers: { authorization: `Bearer ${t.apiKey}` } })).body;
    expect(key.errors).toEqual(expect.arrayContaining([{ field: 'body.bufferBefore', message: 'Use 0 or more.' }, { field: 'body.minNotice', message: 'Use a number.' }]));
    // An enum names what it takes, not zod's `Invalid option: expected one of "held"|…`.
    const status = await t.json('/v1/me/bookings?status=bogus', { headers: { authorization: `Bearer ${t.apiKey}` } });
    expect(status.body.errors[0].message).toMatch(/^Use one of: held, confirmed, .*\.$/);
    expect(status.body.detail).not.toContain('Invalid option');
    for (const { message } of key.errors) expect(message).not.toMatch(/expected|received|>=|<=/);
  });

  it('writes the contract’s own sentences in German too, each field’s and the detail’s, storing nothing', async () => {
    const res = await t.json('/v1/bookings', {
      body: booking('2026-11-23T09:00:00Z', { customer: { name: '   ', email: 'not-an-email', timeZone: 'Mars/Olympus' } }),
      ...lang('de-DE'),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'body.customer.name', message: 'Bitte geben Sie Ihren Namen an.' },
      { field: 'body.customer.email', message: 'Geben Sie eine E-Mail-Adresse wie ada@example.com an.' },
      { field: 'body.customer.timeZone', message: 'Verwenden Sie den Namen einer IANA-Zeitzone wie „Europe/Berlin“ oder „America/New_York“.' },
    ]);
    expect(res.body.detail).toBe('body.customer.name: Bitte geben Sie Ihren Namen an.');
    // A sentence with a value of the contract in it (the password's minimum length), on another route.
    const signup = await t.json('/v1/auth/signup', { body: { email: 'new@example.com', password: 'short', name: 'Neu', handle: 'neu-de', timeZone: 'Europe/Berlin' }, ...lang('de') });
    expect(signup.status).toBe(400);
    expect(signup.body.errors).toContainEqual({ field: 'body.password', message: expect.stringMatching(/^Verwenden Sie mindestens \d+ Zeichen;/) });
    // English stays the contract's own words, word for word.
    const english = await t.json('/v1/bookings', { body: booking('2026-11-23T09:00:00Z', { customer: { ...customer, name: ' ' } }), ...lang('en') });
    expect(english.body.errors).toEqual([{ field: 'body.customer.name', message: 'Tell us your name.' }]);
    expect(await stored()).toBe(0);
  });

  it('says a time was just taken in German, the field too', async () => {
    expect((await book('2026-11-23T09:00:00Z', 'de')).status).toBe(201);
    const again = await book('2026-11-23T09:00:00Z', 'de', { customer: { ...customer, email: 'other@example.com' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'slot_unavailable',
      detail: 'Dieser Termin wurde gerade von jemand anderem gebucht. Bitte wählen Sie einen anderen.',
      errors: [{ field: 'body.start', message: 'Dieser Termin ist vergeben.' }],
    });
  });

  it('answers an unknown endpoint in German', async () => {
    const res = await t.json('/v1/nowhere', lang('de'));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found', detail: 'Den Endpunkt GET /v1/nowhere gibt es nicht. Siehe /openapi.json.' });
  });

  it('refuses a booking from another site in German, storing nothing', async () => {
    await setAllowedOrigins(t.database, 'demo', ['https://coach.example']);
    const res = await book('2026-11-23T09:00:00Z', 'de', {});
    const evil = await t.json('/v1/bookings', { body: booking('2026-11-23T10:00:00Z'), ...lang('de', { origin: 'https://evil.example' }) });
    expect(res.status).toBe(201);
    expect(evil.status).toBe(403);
    expect(evil.body).toMatchObject({
      code: 'origin_not_allowed',
      detail: 'https://evil.example ist keine zugelassene Website für demo; fügen Sie sie in der Konsole unter „Developers → Sites that may embed your widget“ hinzu.',
    });
    expect(await stored()).toBe(1);
  });

  it('counts the unpaid holds in German', async () => {
    await connectDemo(t.app);
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
    for (const hour of ['09', '10', '11']) expect((await book(`2026-11-23T${hour}:00:00Z`, 'de')).status).toBe(201);
    const fourth = await book('2026-11-23T12:00:00Z', 'de');
    expect(fourth.status).toBe(429);
    expect(fourth.body).toMatchObject({
      code: 'too_many_holds',
      detail:
        'Sie haben bereits 3 unbezahlte Buchungen, die auf die Zahlung warten; bezahlen Sie eine davon, gehen Sie aus ihrem Zahlungsschritt zurück, um sie freizugeben, oder lassen Sie sie zuerst verfallen.',
    });
  });

  it('chooses by q-value, answers Arabic for ar, and says so in Content-Language', async () => {
    const french = await t.json('/v1/nowhere', lang('en;q=0.5, fr;q=0.9, de;q=0.7'));
    expect(french.headers.get('content-language')).toBe('fr');
    expect(french.body.detail).toBe('Le point d’accès GET /v1/nowhere n’existe pas. Consultez /openapi.json.');
    const arabic = await t.json('/v1/nowhere', lang('ar-SA'));
    expect(arabic.headers.get('content-language')).toBe('ar');
    expect(arabic.body.detail).toBe('لا توجد نقطة نهاية GET /v1/nowhere. راجع /openapi.json.');
    expect(arabic.body).toMatchObject({ code: 'not_found', title: problemCodes.not_found.title });
  });

  it('answers English, word for word as before, for an unsupported language, junk or no header', async () => {
    const english = 'There is no endpoint GET /v1/nowhere. See /openapi.json.';
    for (const init of [lang('zh-CN, ko;q=0.9'), lang(';;;q=oops'), {}]) {
      const res = await t.json('/v1/nowhere', init);
      expect(res.headers.get('content-language')).toBe('en');
      expect(res.body.detail).toBe(english);
    }
  });

  it('tells caches the answer varies by language, keeping the Vary of CORS', async () => {
    await setAllowedOrigins(t.database, 'demo', ['https://coach.example']);
    const res = await t.app.request('/v1/specialists/nobody', { headers: { origin: 'https://coach.example', 'accept-language': 'ja' } });
    expect(res.status).toBe(404);
    const vary = (res.headers.get('vary') ?? '').split(/,\s*/);
    expect(vary).toEqual(expect.arrayContaining(['Origin', 'Accept-Language']));
    expect((await res.json()).detail).toBe('ハンドル「nobody」のスペシャリストはいません。綴りを確認してください。');
  });
});

describe('the cancellation quote', () => {
  it('says why a booking can no longer be cancelled in the customer’s language', async () => {
    const made = await book('2026-11-23T09:00:00Z', 'de');
    t.setNow(Date.parse('2026-11-23T09:10:00Z')); // the session has started
    const quote = (language: string) =>
      t.json(`/v1/bookings/${made.body.booking.id}/cancellation`, { headers: { authorization: `Bearer ${made.body.manageToken}`, 'accept-language': language } });
    const german = await quote('de');
    expect(german.body).toMatchObject({ allowed: false, reason: 'Die Sitzung hat bereits begonnen und kann daher nicht mehr storniert werden.' });
    expect(german.headers.get('content-language')).toBe('de');
    expect((await quote('en')).body.reason).toBe('The session has already started, so it can no longer be cancelled.');
  });
});

const stored = async () => (await t.database.db.select({ n: count() }).from(bookings))[0]!.n;

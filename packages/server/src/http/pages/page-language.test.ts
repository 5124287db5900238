import { afterEach, describe, expect, it } from 'vitest';
import { paymentsTestApp, type PaymentsTestApp } from '../../testing/payments-app.js';
import { auth } from '../../testing/accounts.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

// The pages a customer opens on the server are in their language: the booking's `customer.locale`
// where the page belongs to a booking (whatever the browser says), else the browser's
// Accept-Language; `<html lang dir>` say which, Arabic right to left.

let t: TestApp | undefined;
let p: PaymentsTestApp | undefined;
afterEach(async () => {
  t?.close();
  await p?.closeAll();
  t = p = undefined;
});

const get = async (app: TestApp, path: string, language?: string) => {
  const res = await app.app.request(path, { headers: language ? { 'accept-language': language } : {} });
  return { res, text: await res.text() };
};

/** A paid, then half-refunded booking of a customer who booked in `locale`: its receipt link. */
async function receiptOf(locale: string): Promise<string> {
  p = await paymentsTestApp();
  const who = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'Europe/Berlin', locale };
  const { booking, manageToken, intentId } = await p.bookPaid('2026-11-23T15:00:00Z', who);
  p.fake.succeed(intentId);
  await p.fake.settled();
  return `/v1/bookings/${booking.id}/receipt?token=${manageToken}`;
}

describe('a receipt', () => {
  it('is in the German the customer booked in, even for an English browser', async () => {
    const link = await receiptOf('de-DE');
    const { res, text } = await get(p!, link, 'en-US,en;q=0.9');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('de-DE');
    expect(text).toContain('<html lang="de-DE" dir="ltr">');
    expect(text).toContain('<h1>Beleg</h1>');
    expect(text).toContain('<td>Bezahlt an</td><td>Dr. Ada Demo</td>');
    expect(text).toMatch(/<td>Bezahlter Betrag<\/td><td>90,00\s€<\/td>/);
    expect(text).toMatch(/Montag, 23\. November 2026(,| um) 16:00 MEZ/); // 15:00 UTC in Berlin, written as Germans do
    expect(text).toContain('Zahlungen werden von Stripe abgewickelt.');
    expect(text).not.toMatch(/Receipt|Amount paid|Paid to/);
  });

  it('is in Arabic, right to left, for a customer who booked in Arabic', async () => {
    const link = await receiptOf('ar');
    const { res, text } = await get(p!, link);
    expect(res.headers.get('content-language')).toBe('ar');
    expect(text).toContain('<html lang="ar" dir="rtl">');
    expect(text).toContain('<h1>إيصال</h1>');
    expect(text).toContain('<td>المبلغ المدفوع</td>');
    expect(text).toContain('<td>Dr. Ada Demo</td>'); // the specialist's name as they wrote it
    expect(text).not.toMatch(/Receipt|Amount paid/);
  });
});

describe('a credits page', () => {
  it('is in the language the customer bought in (the widget sends it), even for an English browser', async () => {
    t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
    const offer = await t.json('/v1/me/packages', {
      body: { name: 'Drei Sitzungen', sessionCount: 3, serviceIds: [t.session.id], price: 0, validityDays: 30 },
      headers: auth(t.apiKey),
    });
    expect(offer.status).toBe(201);
    const bought = await t.json(`/v1/packages/${offer.body.id}/purchases`, {
      body: { customer: { name: 'Grete', email: 'grete@example.com', timeZone: 'Europe/Berlin', locale: 'de' } },
    });
    expect(bought.status, JSON.stringify(bought.body)).toBe(201);
    const { res, text } = await get(t, `/v1/credits/summary?token=${bought.body.creditsToken}`, 'en');
    expect(res.status).toBe(200);
    expect(text).toContain('<html lang="de" dir="ltr">');
    expect(text).toContain('<title>Ihr Guthaben bei Dr. Ada Demo</title>');
    expect(text).toContain('3 Guthaben übrig, bis Sonntag, 20. Dezember 2026');
    expect(text).not.toMatch(/credits left|to spend/);
  });
});

describe('the hosted booking page', () => {
  it('follows the browser’s language, and so does the widget in it (it reads <html lang>)', async () => {
    t = await testApp();
    const { res, text } = await get(t, '/demo', 'de-CH, de;q=0.9, en;q=0.5');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('de');
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(text).toContain('<html lang="de" dir="ltr">');
    expect(text).toContain('<title>Dr. Ada Demo – Termin buchen</title>');
    expect(text).toContain('<h2 id="sessions">Termine</h2>');
    expect(text).toContain('30 Min. · Kostenlos');
    expect(text).toContain('Freie Zeiten werden in Ihrer eigenen Zeitzone angezeigt.');
    expect(text).toContain('<slotwise-booking specialist="demo"');

    const english = await get(t, '/demo');
    expect(english.text).toContain('<html lang="en" dir="ltr">');
    expect(english.text).toContain('<h2 id="sessions">Sessions</h2>');
  });

  it('is Arabic and right to left for an Arabic browser, the 404 page too', async () => {
    t = await testApp();
    const { text } = await get(t, '/demo', 'ar');
    expect(text).toContain('<html lang="ar" dir="rtl">');
    expect(text).toContain('<h2 id="book">احجز موعدًا</h2>');
    expect(text).toContain('مجانًا');
    const missing = await get(t, '/nobody-here', 'ar-EG');
    expect(missing.res.status).toBe(404);
    expect(missing.text).toContain('<html lang="ar" dir="rtl">');
    expect(missing.text).toContain('<h1>لا توجد صفحة حجز هنا</h1>');
  });
});

describe('the unsubscribe page', () => {
  it('says in the browser’s language that a link is not valid (the link names no booking)', async () => {
    t = await testApp();
    const german = await get(t, '/v1/unsubscribe?token=forged', 'de');
    expect(german.res.status).toBe(400);
    expect(german.text).toContain('<html lang="de" dir="ltr">');
    expect(german.text).toContain('Dieser Abmeldelink ist ungültig.');
    const arabic = await get(t, '/v1/unsubscribe?token=forged', 'ar');
    expect(arabic.text).toContain('<html lang="ar" dir="rtl">');
  });
});

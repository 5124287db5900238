import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailTestApp, type MailTestApp } from '../../testing/mail-app.js';

// A customer reads their emails in the language they booked in (customer.locale, which the widget
// sends); the specialist reads theirs in their own. Read back from a real SMTP server.

let m: MailTestApp;
beforeEach(async () => {
  m = await mailTestApp();
});
afterEach(() => m.closeAll());

const MONDAY = '2026-11-23T09:00:00Z';
const htmlOf = (html: string | null) => (html ?? '').match(/<html[^>]*>/)![0];

describe('emails in the customer’s language', () => {
  it('confirms a booking made in German in German — subject, words and dates — and tells the specialist in English', async () => {
    await m.book(MONDAY, { ...m.customer, timeZone: 'Europe/Berlin' }, { customer: { ...m.customer, timeZone: 'Europe/Berlin', locale: 'de-DE' } });
    await m.settle();
    const [customer] = m.to('grace@example.com');
    expect(customer!.subject).toMatch(/^Bestätigt: Intro call, /);
    expect(customer!.subject).toContain('Mo., 23. Nov.');
    expect(customer!.text).toContain('Montag, 23. November 2026');
    expect(customer!.text).toContain('Hallo Grace Hopper,');
    expect(customer!.text).toContain('Ihre Buchung „Intro call“ bei Dr. Ada Demo ist bestätigt.');
    expect(customer!.text).toContain('Buchung ansehen oder ändern');
    expect(customer!.html).toContain('Ihre Buchung steht');
    expect(htmlOf(customer!.html)).toBe('<html lang="de-DE" dir="ltr">');
    expect(customer!.text).not.toContain('Your Intro call');

    const [specialist] = m.to('demo@slotwise.local');
    expect(specialist!.subject).toMatch(/^New booking: Grace Hopper/);
  });

  it('writes an Arabic confirmation right to left', async () => {
    await m.book(MONDAY, m.customer, { customer: { ...m.customer, locale: 'ar' } });
    await m.settle();
    const [customer] = m.to('grace@example.com');
    expect(customer!.subject).toMatch(/^تم التأكيد: Intro call/);
    expect(htmlOf(customer!.html)).toMatch(/^<html lang="ar[^"]*" dir="rtl">$/);
    expect(customer!.html).toContain('تم تأكيد حجزك');
  });

  it('joins the date and the time as Japanese and Arabic write them, not with an English comma', async () => {
    await m.book(MONDAY, m.customer, { customer: { ...m.customer, locale: 'ja' } });
    await m.book('2026-11-24T09:00:00Z', { ...m.customer, email: 'ada@example.com' }, { customer: { ...m.customer, email: 'ada@example.com', locale: 'ar' } });
    await m.settle();
    const [ja] = m.to('grace@example.com');
    expect(ja!.text).toContain('日時: 2026年11月23日月曜日 18:00 – 18:30');
    expect(ja!.text).toContain('時刻は Asia/Tokyo (GMT+9) で表示しています。');
    const [ar] = m.to('ada@example.com');
    const when = /الموعد: (.*)/.exec(ar!.text)?.[1];
    expect(when).toMatch(/^الثلاثاء، 24 نوفمبر 2026، 6:00\sم – 6:30\sم$/);
  });

  it.each(['fr', 'es', 'pt', 'ja'])('confirms a booking made in %s in that language', async (locale) => {
    await m.book(MONDAY, m.customer, { customer: { ...m.customer, locale } });
    await m.settle();
    const [customer] = m.to('grace@example.com');
    expect(customer!.subject.startsWith('Confirmed:')).toBe(false);
    expect(customer!.html).toContain(`<html lang="${locale}" dir="ltr">`);
  });

  it('keeps English for a language without emails of its own', async () => {
    await m.book(MONDAY, m.customer, { customer: { ...m.customer, locale: 'ko' } });
    await m.settle();
    const [customer] = m.to('grace@example.com');
    expect(customer!.subject).toMatch(/^Confirmed: Intro call/);
    expect(htmlOf(customer!.html)).toBe('<html lang="en" dir="ltr">');
  });
});

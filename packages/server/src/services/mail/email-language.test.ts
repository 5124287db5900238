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

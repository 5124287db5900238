import { describe, expect, it } from 'vitest';
import { longWhen, money, span, zoneLabel } from './format.js';
import { renderHtml, renderText, type MessageContent } from './layout.js';
import { stringsFor, type Strings } from './locales/index.js';
import { PACKAGE_TEMPLATES, TEMPLATES, type PackageTemplateInput, type TemplateInput, type TemplateOutput } from './templates/index.js';

const content = (patch: Partial<MessageContent> = {}): MessageContent => ({
  subject: 'S',
  heading: 'Hi <there>',
  paragraphs: ['a & b', 'line one\nline two'],
  details: [['Who', '"Eve" <eve@example.com>']],
  actions: [
    { label: 'Open', url: 'https://example.com/?a=1&b=2' },
    { label: 'Evil', url: 'javascript:alert(1)' },
  ],
  footer: ['Why you get this'],
  ...patch,
});

describe('the email layout', () => {
  it('escapes every value and keeps only http(s) links', () => {
    const html = renderHtml(content(), 'en');
    expect(html).toContain('Hi &lt;there&gt;');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('line one<br>line two');
    expect(html).toContain('&quot;Eve&quot; &lt;eve@example.com&gt;');
    expect(html).toContain('href="https://example.com/?a=1&amp;b=2"');
    expect(html).not.toContain('javascript:');
    const text = renderText(content());
    expect(text).toContain('Open: https://example.com/?a=1&b=2');
    expect(text).not.toContain('Evil');
  });

  it('puts the unsubscribe link in the small print of both bodies', () => {
    const withLink = content({ unsubscribe: { line: 'Stop these? ', label: 'Unsubscribe', url: 'https://api.example.com/v1/unsubscribe?token=x.y' } });
    expect(renderHtml(withLink, 'en')).toContain('Stop these? <a href="https://api.example.com/v1/unsubscribe?token=x.y"');
    expect(renderText(withLink)).toContain('Stop these? https://api.example.com/v1/unsubscribe?token=x.y');
  });
});

describe('words, dates and amounts for the recipient', () => {
  it('falls back to English for a language without strings, and formats in the recipient’s own locale when it is English', () => {
    expect(stringsFor('ko-KR').locale).toBe('en');
    expect(stringsFor('de-AT')).toMatchObject({ locale: 'de-AT', t: { customerConfirmed: { heading: 'Ihre Buchung steht' } } });
    expect(stringsFor('en-GB').locale).toBe('en-GB');
    expect(stringsFor('not a tag!').locale).toBe('en');
    expect(stringsFor(undefined).t.customerConfirmed.heading).toBe('You’re booked');
  });

  it('writes times in the recipient’s zone, with that day’s offset (daylight saving time included)', () => {
    const start = Date.parse('2026-03-29T08:00:00Z'); // the first day of summer time in Berlin
    expect(span(start, start + 30 * 60_000, 'Europe/Berlin', 'en-GB')).toBe('Sunday, 29 March 2026, 10:00 – 10:30');
    expect(zoneLabel('Europe/Berlin', start, 'en')).toBe('Europe/Berlin (GMT+2)');
    expect(zoneLabel('Europe/Berlin', Date.parse('2026-03-28T08:00:00Z'), 'en')).toBe('Europe/Berlin (GMT+1)');
  });

  it('joins a date and its time as each language does: no English comma in Japanese or Arabic', () => {
    const start = Date.parse('2026-12-16T08:00:00Z');
    const spans = Object.fromEntries(['en', 'de', 'fr', 'es', 'pt', 'ja', 'ar'].map((l) => [l, span(start, start + 3_600_000, 'Asia/Tokyo', l).replace(/\s/g, ' ')]));
    expect(spans).toEqual({
      en: 'Wednesday, December 16, 2026, 5:00 PM – 6:00 PM',
      de: 'Mittwoch, 16. Dezember 2026, 17:00 – 18:00',
      fr: 'mercredi 16 décembre 2026, 17:00 – 18:00',
      es: 'miércoles, 16 de diciembre de 2026, 17:00 – 18:00',
      pt: 'quarta-feira, 16 de dezembro de 2026, 17:00 – 18:00',
      ja: '2026年12月16日水曜日 17:00 – 18:00',
      ar: 'الأربعاء، 16 ديسمبر 2026، 5:00 م – 6:00 م',
    });
    // A package's expiry: one instant, joined the same way.
    expect(longWhen(start, 'Asia/Tokyo', 'ja-JP')).toBe('2026年12月16日水曜日 17:00');
    expect(longWhen(start, 'Asia/Tokyo', 'ar-EG')).not.toContain(', ');
  });

  it('writes amounts with the currency’s own decimals', () => {
    expect(money(9000, 'EUR', 'en')).toBe('€90.00');
    expect(money(5000, 'JPY', 'en')).toBe('¥5,000');
    expect(money(4900, 'EUR', 'de-DE').replace(/\s/g, ' ')).toBe('49,00 €');
  });
});

// Every email that gives a time says which zone it is in, in the reader's words — checked on
// every template, in every language, so a new email cannot forget it.
const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'ja', 'ar'];
const ZONE = 'Asia/Tokyo (GMT+9)';
const everything = (out: TemplateOutput) => [out.subject, ...out.paragraphs, ...(out.details ?? []).flat()].join('\n');

const bookingInput = (t: Strings): TemplateInput => ({
  t,
  booking: {
    service: 'Intro call',
    specialist: 'Dr. Ada Demo',
    customer: 'Grace Hopper',
    customerEmail: 'grace@example.com',
    when: '<WHEN>',
    whenShort: '<SHORT>',
    startTime: '<START>',
    zone: ZONE,
    duration: 30,
    place: null,
    notes: '',
    sharedNotes: null,
    recordingUrl: null,
    paid: '€49.00',
    paidWithCredit: false,
    promo: null,
  },
  change: { actor: 'customer', reason: null, refund: '€49.00', hours: 24 },
  links: {},
});

const packageInput = (t: Strings, remaining: number): PackageTemplateInput => ({
  t,
  purchase: { package: 'Three', specialist: 'Dr. Ada Demo', customer: 'Grace Hopper', sessions: 3, paid: '€240.00', validityDays: 30, services: ['Coaching'], remaining, expires: '<EXPIRES>', expiresShort: 'Dec 20', zone: ZONE, daysLeft: 7 },
  refund: { amount: '€80.00', removed: 1, booked: 0 },
  links: {},
});

describe('every email that gives a time names its zone', () => {
  it.each(LANGUAGES)('about a session, in %s', (language) => {
    const { t } = stringsFor(language);
    const missing = Object.entries(TEMPLATES).flatMap(([kind, template]) => {
      const out = template(bookingInput(t));
      const timed = /<WHEN>|<START>/.test(everything(out));
      return timed && !out.paragraphs.includes(t.common.timesIn(ZONE)) ? [kind] : [];
    });
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('about a package’s expiry, in %s', (language) => {
    const { t } = stringsFor(language);
    const missing = Object.entries(PACKAGE_TEMPLATES).flatMap(([kind, template]) =>
      [0, 1, 2].flatMap((remaining) => {
        const out = template(packageInput(t, remaining));
        return everything(out).includes('<EXPIRES>') && !out.paragraphs.includes(t.common.timesIn(ZONE)) ? [`${kind} (${remaining} left)`] : [];
      }),
    );
    expect(missing).toEqual([]);
  });
});

describe('a refund of an offline test payment', () => {
  it.each(LANGUAGES)('says no money moved instead of money on its way, in %s', (language) => {
    const { t } = stringsFor(language);
    const real = everything(TEMPLATES['customer.cancelled'](bookingInput(t)));
    const base = bookingInput(t);
    const test = everything(TEMPLATES['customer.cancelled']({ ...base, change: { ...base.change, testPayments: true } }));
    expect(real).toContain(t.customerCancelled.refund('€49.00'));
    expect(test).toContain(t.customerCancelled.refundTest('€49.00'));
    expect(test).not.toContain(t.customerCancelled.refund('€49.00'));
    const pkg = packageInput(t, 1);
    expect(everything(PACKAGE_TEMPLATES['customer.package_refunded'](pkg))).toContain(t.customerPackageRefunded.arrives);
    const testPkg = everything(PACKAGE_TEMPLATES['customer.package_refunded']({ ...pkg, refund: { ...pkg.refund!, test: true } }));
    expect(testPkg).toContain(t.customerPackageRefunded.arrivesTest);
    expect(testPkg).not.toContain(t.customerPackageRefunded.arrives);
  });
});

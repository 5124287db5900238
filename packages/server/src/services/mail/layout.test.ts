import { describe, expect, it } from 'vitest';
import { money, span, zoneLabel } from './format.js';
import { renderHtml, renderText, type MessageContent } from './layout.js';
import { stringsFor } from './locales/index.js';

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

  it('writes amounts with the currency’s own decimals', () => {
    expect(money(9000, 'EUR', 'en')).toBe('€90.00');
    expect(money(5000, 'JPY', 'en')).toBe('¥5,000');
    expect(money(4900, 'EUR', 'de-DE').replace(/\s/g, ' ')).toBe('49,00 €');
  });
});

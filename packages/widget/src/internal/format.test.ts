import { expect } from '@open-wc/testing';
import { dateTimeJoiner, formatAmount, formatCountdown, formatDate, formatMinutes, formatMoment, formatPrice, formatTime, formatTimeLeft, pageLocale, weekdayNames, zoneLabel } from './format.js';

describe('formatting', () => {
  it('reads a page language as a locale, POSIX names too, and nothing that is not one', () => {
    expect(pageLocale('en_US')).to.equal('en-US');
    expect(pageLocale(' fr-ca ')).to.equal('fr-CA');
    expect(pageLocale('not a language!')).to.equal(undefined);
    expect(pageLocale('')).to.equal(undefined);
    expect(pageLocale(null)).to.equal(undefined);
  });

  it('shows a zero price as Free and others in major units of their currency', () => {
    expect(formatPrice(0, 'EUR', 'en-US')).to.equal('Free');
    expect(formatPrice(2500, 'EUR', 'en-US')).to.equal('€25.00');
    expect(formatPrice(12345, 'USD', 'en-US')).to.equal('$123.45');
    // The yen has no minor unit: 500 is ¥500, not ¥5.
    expect(formatPrice(500, 'JPY', 'en-US')).to.equal('¥500');
    expect(formatPrice(1050, 'EUR', 'de-DE')).to.match(/^10,50\s€$/);
  });

  it('shows an amount to pay in its currency, zero included, with the currency’s own digits', () => {
    expect(formatAmount(9000, 'EUR', 'en-US')).to.equal('€90.00');
    expect(formatAmount(0, 'EUR', 'en-US')).to.equal('€0.00');
    expect(formatAmount(9000, 'JPY', 'en-US')).to.equal('¥9,000');
    // The Kuwaiti dinar has three minor digits: 1 KWD is 1000 fils.
    expect(formatAmount(12345, 'KWD', 'en-US')).to.match(/^KWD\s12\.345$/);
  });

  it('shows the time left as a clock, rounding partial seconds up and never below zero', () => {
    expect(formatCountdown(14 * 60_000 + 32_000)).to.equal('14:32');
    expect(formatCountdown(14 * 60_000 + 31_001)).to.equal('14:32');
    expect(formatCountdown(59_000)).to.equal('0:59');
    expect(formatCountdown(65 * 60_000)).to.equal('1:05:00');
    expect(formatCountdown(0)).to.equal('0:00');
    expect(formatCountdown(-5_000)).to.equal('0:00');
  });

  it('shows an instant as the wall-clock time of the given zone', () => {
    const start = '2026-11-23T08:00:00Z';
    expect(formatTime(start, 'Europe/Berlin', 'en-GB')).to.equal('09:00');
    expect(formatTime(start, 'Asia/Kathmandu', 'en-GB')).to.equal('13:45');
    expect(formatTime(start, 'America/New_York', 'en-US')).to.equal('3:00 AM');
  });

  it('names the zone with its offset on the given day', () => {
    expect(zoneLabel('Asia/Kathmandu', new Date('2026-11-23T08:00:00Z'), 'en-US')).to.equal('Asia/Kathmandu (GMT+5:45)');
    expect(zoneLabel('America/New_York', new Date('2026-07-01T12:00:00Z'), 'en-US')).to.equal('America/New York (GMT-4)');
    expect(zoneLabel('America/New_York', new Date('2026-12-01T12:00:00Z'), 'en-US')).to.equal('America/New York (GMT-5)');
  });

  it('formats plain dates without shifting them by the machine zone', () => {
    expect(formatDate('2026-11-23', 'en-US')).to.equal('Monday, November 23');
    expect(weekdayNames('en-US', 7, 'short')[0]).to.equal('Sun');
    expect(weekdayNames('en-US', 1, 'short')[0]).to.equal('Mon');
    expect(formatMinutes(30, 'en-US')).to.equal('30 min');
  });

  it('says how long until something in words, rounding up in the smallest unit shown', () => {
    const min = 60_000;
    expect(formatTimeLeft((2 * 60 + 14) * min, 'en-US')).to.equal('2 hr, 14 min');
    // 2:13:00.001 is not yet 2:13: rounded up, never down.
    expect(formatTimeLeft((2 * 60 + 13) * min + 1, 'en-US')).to.equal('2 hr, 14 min');
    expect(formatTimeLeft(60 * min, 'en-US')).to.equal('1 hr');
    expect(formatTimeLeft(59 * min + 1, 'en-US')).to.equal('1 hr');
    expect(formatTimeLeft(14 * min, 'en-US')).to.equal('14 min');
    expect(formatTimeLeft(45_000, 'en-US')).to.equal('45 sec');
    expect(formatTimeLeft(1, 'en-US')).to.equal('1 sec');
    expect(formatTimeLeft(-5, 'en-US')).to.equal('0 sec');
    expect(formatTimeLeft((3 * 24 + 4) * 60 * min, 'en-US')).to.equal('3 days, 4 hr');
    expect(formatTimeLeft((3 * 24 + 3) * 60 * min + 1, 'en-US')).to.equal('3 days, 4 hr');
    expect(formatTimeLeft((2 * 24 + 23) * 60 * min + 1, 'en-US')).to.equal('3 days');
    expect(formatTimeLeft((2 * 60 + 14) * min, 'de-DE')).to.equal('2 Std., 14 Min.');
  });

  it('says when something happens: the time alone on the same day in the zone, else the date too', () => {
    const opens = '2026-11-23T08:50:00Z';
    expect(formatMoment(opens, 'Europe/Berlin', 'en-GB', new Date('2026-11-23T06:00:00Z'))).to.equal('09:50');
    // 23:30 on the 22nd in Berlin is another day there, though the same UTC date.
    expect(formatMoment(opens, 'Europe/Berlin', 'en-GB', new Date('2026-11-22T22:30:00Z'))).to.equal('23 Nov 2026, 09:50');
    // 06:00 UTC on the 24th is 22:00 on the 23rd in Los Angeles: the same day there as noon on the 23rd.
    expect(formatMoment('2026-11-24T06:00:00Z', 'America/Los_Angeles', 'en-US', new Date('2026-11-23T20:00:00Z'))).to.equal('10:00 PM');
  });

  it('joins a date and a time as each language does', () => {
    expect(['en-US', 'en-GB', 'de', 'fr', 'es', 'pt', 'ja', 'ar'].map((locale) => dateTimeJoiner(locale))).to.deep.equal([', ', ', ', ', ', ', ', ', ', ', ', ' ', '، ']);
  });
});


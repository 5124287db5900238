import { expect } from '@open-wc/testing';
import { en, LANGUAGES, directionOf, layoutDirection, loadMessages, messagesFor, type Messages } from './index.js';
import { loadPart } from '../components/booking/lazy-parts.js';
import { booking } from './en/booking.js';
import { schedule } from './en/schedule.js';
import { zone } from './en/zone.js';
import { embed } from './en/embed.js';
import { shared } from './en/shared.js';
import { details } from './en/details.js';
import { payment } from './en/payment.js';
import { holds } from './en/holds.js';
import { confirmation } from './en/confirmation.js';
import { calendar } from './en/calendar.js';
import { manage } from './en/manage.js';
import { join } from './en/join.js';
import { packages } from './en/packages.js';
import { myBookings } from './en/my-bookings.js';
import { popup } from './en/popup.js';
import { zoneSearch } from './en/zone-search.js';
import { reviews } from './en/reviews.js';
import { directory } from './en/directory.js';

/** The first screens' modules: what `en` holds in the first load. */
const firstScreens = [booking, schedule, zone, embed, shared];
/** Every English module: the whole catalog the other languages match. */
const modules = [...firstScreens, details, payment, holds, confirmation, calendar, manage, join, packages, myBookings, popup, zoneSearch, reviews, directory];
const english = Object.assign({}, ...modules) as Messages;

/** Sample values for the functions whose values are not all text. */
const samples: Partial<Record<keyof Messages, unknown[]>> = {
  startsWithin: [24],
  partialRefund: ['€45.00', 50],
  packageSessions: [5],
  packageValidity: [30],
  creditsBalance: [3, '«value1»'],
  bought: ['«value0»', 5],
  boughtBalance: [5, '«value1»'],
  paymentForPackage: ['«value0»', 5],
  creditUsed: [2],
  useCredit: [2, '«value1»'],
  zoneMatches: [3],
  myCredits: [2],
  myStatus: ['confirmed'],
  nextJoin: [10],
  nextPartialRefund: [50, '«value1»'],
  ratingSummary: ['«value0»', 3],
  starsLabel: [4],
  ratingOption: [4],
  directoryWithinDays: [7],
  directoryResults: [3, true],
  directoryRating: ['«value0»', 3],
  seatsLeft: [3],
  groupSession: [8],
};

/** What a catalog function answers, as the text a visitor would read. */
function textOf(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join('') : String(value);
}

describe('widget catalogs', () => {
  it('spreads no English key over another: each feature module adds only keys of its own', () => {
    const total = modules.reduce((sum, module) => sum + Object.keys(module).length, 0);
    expect(Object.keys(english).length).to.equal(total);
  });

  it('loads English like a lazy part: the first screens\' strings first, each part\'s with the part', async () => {
    const keys = (...objects: object[]) => objects.flatMap((object) => Object.keys(object)).sort();
    expect(keys(en), 'before any lazy part').to.deep.equal(keys(...firstScreens));
    expect(en.paymentHeading).to.equal(undefined);
    await loadPart('payment');
    expect(en.paymentHeading).to.equal('Payment');
    expect(en.holdBack).to.equal('Choose another time');
    expect(en.yourDetails, 'the details part has not loaded').to.equal(undefined);
    // Every lazy part loaded: every module of the catalog was brought by one of them.
    await Promise.all([
      loadPart('details'),
      loadPart('manage'),
      import('../components/packages/packages.js'),
      import('../components/packages/packages.template.js'),
      import('../components/my-bookings/my-bookings.js'),
      import('../components/popup/popup.js'),
      import('../components/zone-picker/zone-search-panel.js'),
      import('../components/reviews/reviews.js'),
      import('../components/reviews/review-form.js'),
      import('../directory/directory.js'),
    ]);
    expect(keys(en)).to.deep.equal(keys(english));
  });

  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    it(`${language}: has exactly the English keys, each of the same kind, with text for every value`, async () => {
      const catalog = await loadMessages(language);
      expect(catalog, 'loaded, not the English fallback').not.to.equal(en);
      expect(Object.keys(catalog).sort()).to.deep.equal(Object.keys(english).sort());
      for (const key of Object.keys(english) as (keyof Messages)[]) {
        const value = catalog[key] as unknown;
        const source = english[key] as unknown;
        expect(typeof value, key).to.equal(typeof source);
        if (typeof value === 'string') {
          expect(value.trim(), key).not.to.equal('');
          continue;
        }
        const fn = value as (...args: unknown[]) => unknown;
        const args = samples[key] ?? Array.from({ length: (source as () => unknown).length }, (_, i) => `«value${i}»`);
        const text = textOf(fn(...args));
        expect(text.trim(), key).not.to.equal('');
        // Every text value the caller passes shows up: none is dropped by a translation.
        for (const arg of args) if (typeof arg === 'string' && arg.startsWith('«')) expect(text, key).to.include(arg);
        // The English words did not slip through untranslated (names of products excepted).
        if (typeof source === 'function' && textOf((source as (...a: unknown[]) => unknown)(...args)) === text) {
          expect.fail(`${language}.${key} reads the same as English: ${text}`);
        }
      }
    });
  }

  it('reads plurals through the language: one hour, two hours, many hours', async () => {
    expect(english.startsWithin(1)).to.equal('the session starts in less than 1 hour');
    expect(english.startsWithin(24)).to.equal('the session starts in less than 24 hours');
    const de = await loadMessages('de');
    expect(de.startsWithin(1)).to.include('1 Stunde').and.not.include('Stunden');
    expect(de.startsWithin(2)).to.include('2 Stunden');
    const ar = await loadMessages('ar');
    expect(ar.startsWithin(1)).to.include('ساعة واحدة');
    expect(ar.startsWithin(2)).to.include('ساعتين');
    expect(ar.startsWithin(3)).to.include('ساعات');
  });

  it('picks the catalog by primary language, falls back to English, and knows which languages run right to left', async () => {
    expect(await loadMessages('pt-BR')).to.equal(await loadMessages('pt'));
    expect(messagesFor('fr-CA').chooseSession).to.equal('Choisissez une séance');
    expect(await loadMessages('sv-SE')).to.equal(en);
    expect(directionOf('ar-EG')).to.equal('rtl');
    expect(directionOf('ja')).to.equal('ltr');
    // Laid out right to left only while a right-to-left catalog is shown: Hebrew reads English, left to right.
    expect(layoutDirection('ar', await loadMessages('ar'))).to.equal('rtl');
    expect(layoutDirection('he-IL', await loadMessages('he-IL'))).to.equal('ltr');
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import type { Booking } from '@slotwise/sdk/contract';
import type { SlotwiseBooking } from './booking.component.js';
import { loadMessages } from '../../i18n/index.js';
import { inContext } from '../../testing/context.js';
import { dateTimeJoiner, formatInstantDate } from '../../internal/format.js';
import {
  api,
  chooseService,
  chooseTime,
  deep,
  deepAll,
  eventually,
  fillDetails,
  pickDay,
  submitDetails,
} from '../../testing/helpers.js';
import { pressKey, setViewport } from '../../testing/keyboard.js';
import type { SlotwiseConfirmation } from '../confirmation/confirmation.component.js';
import '../confirmation/confirmation.js';

/** Words a visitor of each language reads on the main steps (written out, not looked up). */
const words = {
  de: { services: 'Termin wählen', next: 'Nächster Monat', name: 'Name', email: 'E-Mail', submit: 'Diese Zeit buchen', booked: 'Ihr Termin ist gebucht' },
  fr: { services: 'Choisissez une séance', next: 'Mois suivant', name: 'Nom', email: 'E-mail', submit: 'Réserver ce créneau', booked: 'C’est réservé' },
  es: { services: 'Elige una sesión', next: 'Mes siguiente', name: 'Nombre', email: 'Correo electrónico', submit: 'Reservar este horario', booked: 'Reserva confirmada' },
  pt: { services: 'Escolha uma sessão', next: 'Próximo mês', name: 'Nome', email: 'E-mail', submit: 'Agendar este horário', booked: 'Agendamento confirmado' },
  ja: { services: 'セッションを選択', next: '次の月', name: 'お名前', email: 'メールアドレス', submit: 'この時間で予約', booked: '予約が完了しました' },
  ar: { services: 'اختر جلسة', next: 'الشهر التالي', name: 'الاسم', email: 'البريد الإلكتروني', submit: 'احجز هذا الوقت', booked: 'تم الحجز' },
} as const;

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mountIn(lang: string): Promise<SlotwiseBooking> {
  const page = await fixture<HTMLDivElement>(html`<div lang=${lang}><slotwise-booking specialist="demo" api=${api()}></slotwise-booking></div>`);
  return page.querySelector('slotwise-booking')!;
}

/** The booking as the server answers it, for the confirmation alone. */
const booked = {
  id: 'bk_lang',
  status: 'confirmed',
  start: '2026-11-23T09:00:00Z',
  end: '2026-11-23T09:30:00Z',
  duration: 30,
  service: { id: 'svc_intro', name: 'Intro call' },
  specialist: { handle: 'demo', name: 'Dr. Ada Demo' },
  customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/Berlin' },
  location: { kind: 'video' },
  join: { opensAt: '2026-11-23T08:50:00Z', closesAt: '2026-11-23T09:30:00Z', url: null },
} as unknown as Booking;

describe('<slotwise-booking> in the visitor’s language', () => {
  for (const [lang, word] of Object.entries(words)) {
    it(`${lang}: services, calendar and details form read in ${lang}`, async () => {
      const el = await mountIn(lang);
      await eventually(() => text(deep(el, 'slotwise-service-picker', 'h3')) === word.services, `the services heading in ${lang}`);
      await chooseService(el, 'Intro call');
      expect(deep(el, 'slotwise-calendar', 'button.next')!.getAttribute('aria-label')).to.equal(word.next);
      await pickDay(el, 0);
      await chooseTime(el, 0);
      const label = (field: string) => text(deep(el, 'slotwise-details-form', `label[for="${field}"]`));
      expect(label('name')).to.equal(word.name);
      expect(label('email')).to.equal(word.email);
      expect(text(deep(el, 'slotwise-details-form', 'button[type="submit"]'))).to.equal(word.submit);
      // The chosen day and time joined as the language joins them: "…, 09:00"; Japanese "…日 9:00", Arabic "…، 9:00".
      const summary = text(deep(el, 'slotwise-details-form', '.summary'));
      const latin = /[^\d\s], \d{1,2}:\d{2}$/;
      expect(summary).to.match({ de: latin, fr: latin, es: latin, pt: latin, ja: /日 \d{1,2}:\d{2}$/, ar: /، [0-9٠-٩]{1,2}:[0-9٠-٩]{2}/ }[lang as keyof typeof words]);
      if (lang === 'ja' || lang === 'ar') expect(summary).not.to.match(/[^\s], [0-9٠-٩]/);
    });

    it(`${lang}: the confirmation reads in ${lang}`, async () => {
      const messages = await loadMessages(lang);
      const { el } = await inContext<SlotwiseConfirmation>(html`<slotwise-confirmation .booking=${booked} .email=${'queued'}></slotwise-confirmation>`, {
        locale: lang,
        messages,
      });
      expect(text(el.shadowRoot!.querySelector('h3'))).to.equal(word.booked);
      expect(text(el.shadowRoot!.querySelector('.email'))).to.include('ada@example.com').and.not.include('on its way');
      expect(text(el.shadowRoot!.querySelector('[part="book-again"]'))).to.equal(messages.bookAnotherTime).and.not.equal('Book another time');
      // Its date and time joined as the language joins them, not with an English comma.
      const when = text(el.shadowRoot!.querySelector('[part="when"]'));
      expect(when).to.include(`${formatInstantDate(booked.start, booked.customer.timeZone, lang)}${dateTimeJoiner(lang)}`);
      if (lang === 'ja' || lang === 'ar') expect(when).not.to.match(/[^\s], [0-9٠-٩]/);
    });
  }

  it('ar: right to left — Arabic text, a mirrored calendar and keys, and a booking confirmed in Arabic, axe-clean', async () => {
    const el = await mountIn('ar');
    await eventually(() => text(deep(el, '[part="title"]')) === 'احجز جلسة مع \u2068Dr. Ada Demo\u2069', 'the Arabic title');
    expect(deep(el, '[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    await chooseService(el, 'Intro call');
    const next = deep(el, 'slotwise-calendar', 'button.next')!.getBoundingClientRect();
    const previous = deep(el, 'slotwise-calendar', 'button.prev')!.getBoundingClientRect();
    expect(next.right, 'next month on the left').to.be.lessThan(previous.left);
    // The week runs leftwards: the first weekday's column is the rightmost.
    const headers = deepAll(el, 'slotwise-calendar', 'th').map((th) => th.getBoundingClientRect().left);
    expect(headers[0]).to.be.greaterThan(headers[6]!);
    // The month arrows point outward: next (on the left) ‹, previous (on the right) ›.
    expect(text(deep(el, 'slotwise-calendar', 'button.next'))).to.equal('‹');
    expect(text(deep(el, 'slotwise-calendar', 'button.prev'))).to.equal('›');
    // On a phone each weekday's name fits its column (the whole Arabic words did not).
    await setViewport({ width: 320, height: 700 });
    for (const th of deepAll(el, 'slotwise-calendar', 'th')) expect(th.scrollWidth, `${th.textContent} fits`).to.be.at.most(th.clientWidth);
    await setViewport({ width: 1280, height: 800 });
    await expect(el).to.be.accessible();

    // ArrowLeft moves to the next open day, as it looks right to left.
    const open = deepAll<HTMLButtonElement>(el, 'slotwise-calendar', 'button[part~="day-open"]');
    if (open.length > 1) {
      const first = open.find((day) => day.tabIndex === 0)!;
      first.focus();
      await pressKey('ArrowLeft');
      const focused = deep(el, 'slotwise-calendar')!.shadowRoot!.activeElement as HTMLElement;
      expect(focused.dataset['date']! > first.dataset['date']!, 'ArrowLeft went forward').to.equal(true);
    }

    await pickDay(el, 9);
    const times = deepAll(el, 'slotwise-time-list', 'button[data-start]');
    await chooseTime(el, times.length - 1);
    expect(text(deep(el, 'slotwise-time-list', '[part="zone"]'))).to.match(/^الأوقات بتوقيت/);
    await expect(el).to.be.accessible();
    fillDetails(el, { name: 'ليلى', email: 'layla-rtl@example.com' });
    submitDetails(el);
    await eventually(() => deep(el, 'slotwise-confirmation', 'h3'), 'the confirmation');
    expect(text(deep(el, 'slotwise-confirmation', 'h3'))).to.equal('تم الحجز');
    expect(text(deep(el, 'slotwise-confirmation', '[part="book-again"]'))).to.equal('احجز وقتًا آخر');
    await expect(el).to.be.accessible();
  });
});

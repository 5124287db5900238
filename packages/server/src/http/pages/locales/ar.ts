import type { PageWords } from './en.js';

/** A name, an id or an amount isolated (FSI … PDI), so its own direction cannot scramble the Arabic around it. */
const iso = (text: string) => `\u2068${text}\u2069`;

/** The customer's pages in Modern Standard Arabic (the page says `dir="rtl"`). Keys: `en.ts`. */
export const ar: PageWords = {
  receipt: {
    title: (id) => `إيصال ${iso(id)}`,
    heading: 'إيصال',
    number: (id, paid) => `رقم الإيصال ${iso(id)} · دُفع في ${iso(paid)}`,
    paidTo: 'المدفوع له',
    price: 'السعر',
    promo: (code) => `الرمز الترويجي ${iso(code)}`,
    amountPaid: 'المبلغ المدفوع',
    refund: (status) => `استرداد (${{ pending: 'قيد التنفيذ', succeeded: 'تم', failed: 'لم ينجح' }[status]})`,
    total: 'الإجمالي',
    footer: (booking) => `الحجز ${iso(booking)}.`,
    byStripe: 'تعالج Stripe المدفوعات.',
    testMode: 'وضع الاختبار: لم يُحوَّل أي مال.',
  },
  credits: {
    title: (specialist) => `رصيدك لدى ${iso(specialist)}`,
    toSpend: (credits) => `${iso(credits)} متاحة للاستخدام`,
    none: 'لم يبقَ رصيد للاستخدام',
    expired: (when) => `انتهت صلاحيته في ${iso(when)}`,
    left: (credits, when) => `متبقٍّ ${iso(credits)}، حتى ${iso(when)}`,
    howTo: (specialist) => `للحجز برصيد، أدخل رمز رصيدك حيث يستقبل ${iso(specialist)} الحجوزات:`,
    keep: 'احتفظ بعنوان هذه الصفحة لنفسك: فهي تعرض رمزك، والرمز يستهلك رصيدك. الرصيد المنتهية صلاحيته لا يمكن استخدامه.',
  },
  booking: {
    title: (name) => `${iso(name)} — احجز جلسة`,
    description: (name) => `احجز جلسة مع ${iso(name)}.`,
    sessions: 'الجلسات',
    minutes: (n) => `${n} دقيقة`,
    free: 'مجانًا',
    group: (n) => `جلسة جماعية · حتى ${n} ${n <= 10 ? 'أشخاص' : 'شخصًا'}`,
    noSessions: (name) => `لا توجد لدى ${iso(name)} جلسات متاحة للحجز الآن.`,
    bookTime: 'احجز موعدًا',
    zoneNote: 'تظهر الأوقات المتاحة بحسب منطقتك الزمنية.',
    noScript: 'يحتاج الحجز إلى JavaScript: فعّله لهذه الصفحة لترى الأوقات المتاحة وتحجز.',
    notAccepting: (name) => `لا يستقبل ${iso(name)} حجوزات الآن.`,
    missingTitle: 'الصفحة غير موجودة — Slotwise',
    reviews: 'التقييمات',
    rating: (average, count) => `${average} من 5 · عدد التقييمات: ${count}`,
    stars: (n) => `${n} من 5`,
    response: (name) => `رد ${name}:`,
    missingHeading: 'لا توجد صفحة حجز هنا',
    missing: (handle) => `لا يستخدم أي مختص العنوان «${iso(handle)}». تحقّق من الرابط الذي وصلك، أو اطلب من المختص صفحة الحجز الخاصة به.`,
  },
};

import type { Messages } from './en.js';

const plural = new Intl.PluralRules('ar');
const count = new Intl.NumberFormat('ar');

/**
 * A value written left to right (a zone name, an amount, an email, a time) kept whole inside
 * Arabic text: first-strong isolates, so "Europe/Berlin (GMT+1)" or "€90.00" keep their order
 * and their brackets.
 */
const iso = (value: string) => `\u2068${value}\u2069`;
/** The same for a marked-up value: the isolates work across the element's boundary. */
const isolated = <T>(value: T) => ['\u2068', value, '\u2069'];

/**
 * A count with its noun in Arabic's plural forms: `one` and `two` are whole phrases (no numeral),
 * `few` (3–10) takes the plural, `many` (11 and up, and zero) the singular.
 */
function counted(n: number, one: string, two: string, few: string, many: string): string {
  switch (plural.select(n)) {
    case 'one':
      return one;
    case 'two':
      return two;
    case 'few':
      return `${count.format(n)} ${few}`;
    default:
      return `${count.format(n)} ${many}`;
  }
}

/** "N hours", after a preposition. */
const hours = (n: number) => counted(n, 'ساعة واحدة', 'ساعتين', 'ساعات', 'ساعة');
/** "N credits" (of a package). */
const credits = (n: number) => counted(n, 'رصيد واحد', 'رصيدان', 'أرصدة', 'رصيدًا');

/** Arabic (العربية), Modern Standard; written right to left (the widget mirrors, see `directionOf`). */
export const ar: Messages = {
  // booking
  bookTitle: (name) => `احجز جلسة مع ${iso(name)}`,
  noSpecialist: 'لم يتم اختيار مختص: أضف السمة specialist مع معرّفه.',
  loading: 'جارٍ التحميل…',
  loadingOpenTimes: 'جارٍ تحميل الأوقات المتاحة…',
  tryAgain: 'حاول مرة أخرى',
  specialistNotFound: (handle) => `لم يتم العثور على المختص: لا يوجد أحد للحجز باسم «${iso(handle)}».`,
  invalidHandle: (handle) => `«${iso(handle)}» ليس معرّفًا صالحًا.`,
  loadPageFailed: 'تعذّر تحميل صفحة الحجز.',
  notAccepting: (name) => `${iso(name)} لا يستقبل حجوزات حاليًا.`,
  noPaidBookings: (name) => `لا يستطيع ${iso(name)} قبول الحجوزات المدفوعة بعد. يمكن حجز الجلسات المجانية.`,
  loadTimesFailed: 'تعذّر تحميل الأوقات المتاحة.',
  noTimesInMonth: (month) => `لا توجد أوقات متاحة في ${month}. جرّب الشهر التالي.`,
  chooseDayHint: 'اختر يومًا لعرض أوقاته.',
  holdReleasedNotice: 'تم تحرير الوقت الذي حجزناه لك. يُرجى اختيار وقت من جديد.',
  slotTakenNotice: 'عذرًا، هذا الوقت لم يعد متاحًا. يُرجى اختيار وقت آخر.',
  networkError: 'تعذّر الوصول إلى خدمة الحجز. تحقّق من اتصالك وحاول مرة أخرى.',
  timeoutError: 'لم تستجب خدمة الحجز في الوقت المحدد. يُرجى المحاولة مرة أخرى.',
  unexpectedError: 'حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى.',
  // schedule
  chooseSession: 'اختر جلسة',
  noServices: 'لا توجد خدمات متاحة للحجز حاليًا.',
  free: 'مجانًا',
  previousMonth: 'الشهر السابق',
  nextMonth: 'الشهر التالي',
  dayClosed: (date) => `${date}، لا توجد أوقات متاحة`,
  timesIn: (zone) => `الأوقات بتوقيت ${iso(zone)}`,
  loadingTimes: 'جارٍ تحميل الأوقات…',
  noTimesLeft: 'لم تعد هناك أوقات متاحة في هذا اليوم.',
  // details
  yourDetails: 'بياناتك',
  nameLabel: 'الاسم',
  emailLabel: 'البريد الإلكتروني',
  notesLabel: 'ملاحظات (اختياري)',
  bookingBusy: 'جارٍ الحجز…',
  bookingAnnounce: 'جارٍ حجز جلستك…',
  continueToPayment: 'المتابعة إلى الدفع',
  bookThisTime: 'احجز هذا الوقت',
  // payment
  paymentHeading: 'الدفع',
  amountToPay: (amount) => ['المبلغ المطلوب: ', ...isolated(amount)],
  payWithin: (countdown) => ['أكمل الدفع خلال ', ...isolated(countdown)],
  confirmingPayment: 'جارٍ تأكيد دفعتك…',
  paymentUnconfirmed: (until) => [
    'لم يصلنا تأكيد دفعتك بعد. يبقى وقتك محجوزًا حتى ',
    ...isolated(until),
    '؛ إذا تمّت دفعتك، فسيتم تأكيد الحجز وستصلك رسالة بريد إلكتروني. لن يتم خصم المبلغ مرتين.',
  ],
  checkAgain: 'تحقّق مرة أخرى',
  testModeTitle: 'وضع الاختبار — لا يوجد دفع حقيقي.',
  testModeText: 'يستخدم هذا الموقع مدفوعات Slotwise التجريبية دون اتصال: لا حاجة إلى بطاقة ولا تُنقل أي أموال.',
  payTest: 'ادفع (تجريبي)',
  declineTest: 'ارفض (تجريبي)',
  loadingPaymentForm: 'جارٍ تحميل نموذج الدفع الآمن…',
  stripeFailed: (retry) => ['تعذّر تحميل نموذج الدفع من Stripe. تحقّق من اتصالك ثم ', retry],
  stripeRetry: 'حاول مرة أخرى',
  paying: 'جارٍ الدفع…',
  payAmount: (amount) => `ادفع ${iso(amount)}`,
  refundedLate: 'وصلت دفعتك بعد تحرير الوقت الذي حجزناه لك، لذا سيتم ردّ المبلغ كاملًا.',
  releasedUnpaid: 'تم تحرير الوقت الذي حجزناه لك، ولم يتم خصم أي مبلغ منك.',
  chooseAnotherTime: 'اختر وقتًا آخر',
  cardDeclinedTest: 'تم رفض بطاقتك (تجريبي). لم تُنقل أي أموال.',
  paymentFailed: 'لم تكتمل عملية الدفع. يُرجى المحاولة مرة أخرى.',
  // confirmation
  bookedHeading: 'تم الحجز',
  serviceWith: (service, specialist) => `${iso(service)} مع ${iso(specialist)}`,
  emailQueued: (email) => ['رسالة التأكيد في طريقها إلى ', ...isolated(email), '، مع دعوة تقويم.'],
  emailOff: 'لا تُرسل رسالة تأكيد لهذا الحجز: دوّن الموعد أو أضفه إلى تقويمك أدناه.',
  bookAnotherTime: 'احجز وقتًا آخر',
  addToCalendar: 'أضف إلى التقويم:',
  calendarFile: 'تقويم Apple أو Outlook (‎.ics)',
  googleCalendar: 'تقويم Google',
  opensInNewTab: ' (يُفتح في علامة تبويب جديدة)',
  calendarDetails: (title) => `${title}، تم الحجز عبر Slotwise.`,
  // manage
  loadingBooking: 'جارٍ تحميل حجزك…',
  linkInvalid: 'لم يعد هذا الرابط صالحًا. افتح أحدث رابط من رسالة التأكيد، أو تواصل مع المختص.',
  loadBookingFailed: (why) => `تعذّر تحميل حجزك. ${why}`,
  statusConfirmed: 'مؤكَّد',
  statusHeld: 'محجوز مؤقتًا',
  statusCancelled: 'ملغى',
  statusExpired: 'منتهي الصلاحية: لم يُدفع ثمن الوقت في الموعد',
  statusCompleted: 'مكتمل',
  statusNoShow: 'لم يحضر',
  holdLeft: (countdown) => `أكمل الدفع خلال ${iso(countdown)}`,
  holdLapsed: 'انتهت مدة الحجز المؤقت',
  paidAmount: (amount) => ['مدفوع ', ...isolated(amount)],
  notPaid: (amount) => `${iso(amount)}، غير مدفوع`,
  refunded: (amount) => `تم ردّ ${iso(amount)}`,
  refundPending: (amount) => `ردّ ${iso(amount)} قيد التنفيذ`,
  receipt: 'الإيصال',
  changeTime: 'غيّر الوقت',
  cancelBooking: 'ألغِ الحجز',
  checkingRefund: 'جارٍ التحقق من المبلغ الذي سيُردّ عند الإلغاء…',
  reasonLabel: 'السبب (اختياري)',
  cancelling: 'جارٍ الإلغاء…',
  confirmCancellation: 'أكّد الإلغاء',
  keepBooking: 'أبقِ على حجزي',
  cannotCancel: 'لم يعد بالإمكان إلغاء هذا الحجز.',
  creditReturned: 'سيُعاد إليك رصيد الجلسة.',
  creditKept: (why) => `لن يُعاد إليك رصيد الجلسة: ${why}.`,
  fullRefund: (amount) => `سيُردّ إليك ${iso(amount)} (استرداد كامل).`,
  partialRefund: (amount, percent) => `سيُردّ إليك ${iso(amount)} (${count.format(percent)}٪).`,
  nothingToRefund: 'هذه الجلسة مجانية: لا يوجد ما يُردّ.',
  noRefund: (why) => `لا استرداد: ${why}.`,
  notRefundable: 'هذا الحجز غير قابل للاسترداد',
  startsWithin: (n) => `تبدأ الجلسة خلال أقل من ${hours(n)}`,
  chooseNewTime: 'اختر وقتًا جديدًا',
  moving: 'جارٍ النقل…',
  moveTo: (when) => `انقل إلى ${when}`,
  keepCurrentTime: 'أبقِ على الوقت الحالي',
  // join
  joinIn: (left, from) => ['يمكنك الانضمام بعد ', left, ' (اعتبارًا من ', from, '). سيظهر زر الانضمام هنا حينها.'],
  startsIn: (left, at) => ['تبدأ بعد ', left, ' (', at, ').'],
  timeLeft: (left, until) => ['متبقٍّ ', left, ' (حتى ', until, ').'],
  plannedUntil: (until) => ['مقررة حتى ', until, '.'],
  joinSession: 'انضم إلى الجلسة',
  linkCheckFailed: (why) => `تعذّر التحقق من رابط اجتماعك. ${why}`,
  linkPreparingAuto: 'يجري تجهيز رابط اجتماعك… ستتحقق هذه الصفحة مرة أخرى تلقائيًا.',
  linkPreparingManual: 'يجري تجهيز رابط اجتماعك… تحقّق مرة أخرى بعد دقيقة.',
  checking: 'جارٍ التحقق…',
  announceEnded: 'انتهت الجلسة.',
  announceJoinNow: 'يمكنك الانضمام إلى الجلسة الآن.',
  announcePreparing: 'يجري تجهيز رابط اجتماعك.',
  byPhone: (number) => ['عبر الهاتف: ', ...isolated(number)],
  address: (address) => ['العنوان: ', address],
  sessionEnded: (name) => `انتهت جلستك. شكرًا لاجتماعك مع ${iso(name)}.`,
  shareFeedback: 'شاركنا رأيك',
  notesFrom: (name) => `ملاحظات من ${iso(name)}`,
  watchRecording: 'شاهد التسجيل',
  // holds
  holdBack: 'اختر وقتًا آخر',
  holdReleasing: 'جارٍ تحرير هذا الوقت…',
  // embed
  popupTitle: 'احجز جلسة',
  closePopup: 'إغلاق',
  bookButton: 'احجز جلسة',
  // packages
  packagesHeading: 'أو اشترِ باقة',
  packageSessions: (n) => counted(n, 'جلسة واحدة', 'جلستان', 'جلسات', 'جلسة'),
  packageValidity: (days) => `صالحة لمدة ${counted(days, 'يوم واحد', 'يومين', 'أيام', 'يومًا')}`,
  packageCovers: (services) => `تشمل: ${iso(services)}`,
  packageBuy: (name) => `اشترِ ${iso(name)}`,
  packageFree: 'مجانًا',
  creditsCodeToggle: 'هل لديك رمز رصيد؟',
  creditsCodeLabel: 'رمز الرصيد',
  creditsCodeUse: 'استخدم الرمز',
  creditsCodeChecking: 'جارٍ التحقق…',
  creditsBalance: (n, name) => `لديك ${credits(n)} لدى ${iso(name)}`,
  creditsExpiry: (date) => `صالح حتى ${iso(date)}`,
  creditsNone: 'لم يتبقَّ رصيد يمكن استخدامه بهذا الرمز.',
  creditsForget: 'انسَ هذا الرمز',
  creditsCovers: 'يغطي رصيدك الخدمات المميزة أدناه.',
  creditsBadge: 'مشمولة برصيدك',
  checkoutHeading: (name) => `شراء ${iso(name)}`,
  checkoutName: 'الاسم',
  checkoutEmail: 'البريد الإلكتروني',
  checkoutBack: 'العودة إلى الجلسات',
  checkoutSubmit: 'المتابعة إلى الدفع',
  checkoutSubmitFree: 'احصل على هذه الباقة',
  checkoutBusy: 'جارٍ الشراء…',
  checkoutPaying: 'جارٍ دفع ثمن باقتك…',
  boughtHeading: 'تم شراء الباقة',
  bought: (name, n) => `اشتريت ${iso(name)}: ${credits(n)}.`,
  boughtBalance: (n, date) => `لديك ${credits(n)} للاستخدام، صالحة حتى ${iso(date)}.`,
  boughtEmail: (email) => `أرسلنا رمز رصيدك إلى ${iso(email)}.`,
  boughtNoEmail: 'لا يرسل هذا الموقع رسائل بريد إلكتروني: أبقِ هذه الصفحة مفتوحة، فرصيدك محفوظ طوال هذه الزيارة.',
  boughtBook: 'احجز جلسة باستخدام رصيد',
  paymentForPackage: (name, n) => `${iso(name)} · ${counted(n, 'جلسة واحدة', 'جلستان', 'جلسات', 'جلسة')}`,
  paymentPurchasePending: 'لم يصلنا تأكيد دفعك بعد. إذا تمّ الدفع، فسيظهر رصيدك هنا وستصلك رسالة بريد إلكتروني. لن يُخصم المبلغ منك مرتين.',
  bookWithCredit: 'احجز باستخدام رصيد',
  haveCode: 'هل لديك رمز؟',
  promoLabel: 'الرمز الترويجي',
  applyCode: 'تطبيق',
  promoApplied: (total, off) => `تم تطبيق الرمز: ستدفع ${iso(total)} (خصم ${iso(off)}).`,
  promoFree: 'تم تطبيق الرمز: هذه الجلسة مجانية.',
  creditUsed: (left) => `تم الدفع برصيد. المتبقي: ${credits(left)}.`,
  payWithHeading: 'كيف تريد الدفع؟',
  useCredit: (left, date) => `استخدم رصيدًا واحدًا (المتبقي: ${credits(left)}، صالح حتى ${iso(date)})`,
  payInstead: (price) => `ادفع ${iso(price)} بدلًا من ذلك`,
  // zone
  zoneTimesIn: (label) => `الأوقات بتوقيت ${iso(label)}`,
  zoneChange: 'تغيير المنطقة الزمنية',
  zoneField: 'المنطقة الزمنية',
  zoneHint: 'اكتب اسم مدينة أو منطقة، ثم اخترها من القائمة.',
  zoneNoMatch: (query) => `لا توجد منطقة زمنية تطابق «${iso(query)}».`,
  zoneMatches: (n) => `عدد المناطق الزمنية التي عُثر عليها: ${count.format(n)}.`,
  zoneCancel: 'الإبقاء على هذه المنطقة',
  // my bookings
  myOpen: 'حجوزاتي',
  myTitle: 'حجوزاتي',
  myIntro: 'أدخل البريد الإلكتروني الذي حجزت به. سنرسل إليك رابطًا يفتح حجوزاتك هنا: دون حساب ودون كلمة مرور.',
  myEmail: 'البريد الإلكتروني',
  mySend: 'أرسل لي رابطًا',
  mySending: 'جارٍ الإرسال…',
  myOpening: 'جارٍ فتح حجوزاتك…',
  myBack: 'العودة إلى الحجز',
  mySignOut: 'تسجيل الخروج',
  mySignedIn: (email) => `تم تسجيل دخولك باسم ${iso(email)} لمدة ساعة.`,
  myUpcoming: 'القادمة',
  myPast: 'السابقة',
  myNone: 'لا توجد حجوزات هنا.',
  myCredits: (n) => `المتبقي: ${credits(n)}`,
  myManage: (service) => `إدارة ${iso(service)}`,
  myCalendar: 'ملف التقويم (.ics)',
  myReceipt: 'الإيصال',
  myPaid: (amount) => `مدفوع ${iso(amount)}`,
  myRefunded: (amount) => `تم ردّ ${iso(amount)}`,
  mySharedNotes: 'ملاحظات من المختص',
  myRecording: 'التسجيل',
  myStatus: (status) =>
    ({ held: 'بانتظار الدفع', confirmed: 'مؤكَّد', cancelled: 'ملغى', expired: 'منتهي الصلاحية', completed: 'مكتمل', no_show: 'لم يحضر' })[status] ?? status,
  myLinkFailed: 'لم يعد هذا الرابط يعمل (يعمل مرة واحدة خلال ١٥ دقيقة). اطلب رابطًا جديدًا أدناه.',
  myEnded: 'انتهت مدة تسجيل دخولك. اطلب رابطًا جديدًا أدناه.',
  // confirmation: what happens next
  nextTitle: 'ما الذي سيحدث بعد ذلك',
  nextJoin: (minutes) => `يظهر رابط الانضمام إلى المكالمة في صفحة حجزك قبل البدء بـ${counted(minutes, 'دقيقة واحدة', 'دقيقتين', 'دقائق', 'دقيقة')}.`,
  nextFullRefund: (until) => `ألغِ الحجز حتى ${iso(until)} لاسترداد المبلغ كاملًا.`,
  nextPartialRefund: (percent, until) => `ألغِ الحجز حتى ${iso(until)} ليُردّ إليك ${count.format(percent)}٪.`,
  nextCancelUntil: (until) => `يمكنك الإلغاء حتى ${iso(until)}.`,
  nextNoRefund: 'الإلغاء الآن لا يُردّ معه أي مبلغ.',
  nextCreditBack: 'ألغِ في الوقت المناسب ويُعاد إليك رصيدك.',
  nextCannotCancel: 'لم يعد بالإمكان إلغاء هذا الحجز عبر الإنترنت؛ تواصل مع المختص.',
  nextChange: 'لتغيير الموعد أو الإلغاء، افتح صفحة حجزك؛ وتحدد سياسة المختص المهلة المتاحة لذلك.',
  manageLink: 'افتح صفحة حجزك',
  manageKeep: 'احتفظ بهذا الرابط (أضفه إلى الإشارات المرجعية): فهو يفتح هذا الحجز لتغيير موعده أو إلغائه، دون حساب.',
};

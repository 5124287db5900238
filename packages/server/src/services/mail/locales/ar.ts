import type { Strings } from './en.js';

/** Every word of every email, in Modern Standard Arabic. Shape and meaning: `en.ts`; the layout writes it right to left. */
export const ar: Strings = {
  common: {
    greeting: (name) => `مرحبًا ${name}،`,
    session: 'الجلسة',
    with: 'مع',
    customer: 'العميل',
    when: 'الموعد',
    where: 'المكان',
    duration: 'المدة',
    minutes: (n) => `${n} دقيقة`,
    timesIn: (zone) => `المواعيد بتوقيت ${zone}.`,
    notes: 'ملاحظته',
    manage: 'عرض حجزك أو تغييره',
    view: 'عرض حجزك',
    addToCalendar: 'تنزيل ملف التقويم',
    join: 'الانضمام إلى الجلسة',
    receipt: 'عرض الإيصال',
    promoCode: 'الرمز الترويجي',
    promoOff: (code, off) => `\u2068${code}\u2069 (خصم \u2068${off}\u2069)`,
    invite: 'تضيف الدعوة المرفقة الجلسة إلى تقويمك وتبقيها محدَّثة.',
    cancelInvite: 'يزيل الإلغاء المرفق الجلسة من تقويمك.',
    place: {
      video: 'مكالمة فيديو',
      videoLink: (url) => `مكالمة فيديو: ${url}`,
      videoLater: (minutes: number) => `مكالمة فيديو — يظهر الرابط في صفحة حجزك قبل البدء بـ ${minutes} دقائق.`,
      link: (url) => `عبر الإنترنت: ${url}`,
      phone: (detail) => `عبر الهاتف: ${detail}`,
      phoneUnknown: 'عبر الهاتف',
      inPerson: (detail) => `حضوريًا: ${detail}`,
      inPersonUnknown: 'حضوريًا',
    },
    footerCustomer: (specialist) => `تصلك هذه الرسالة لأنك حجزت جلسة مع ${specialist}.`,
    footerSpecialist: 'تصلك هذه الرسالة لأنك تقدّم جلسات عبر Slotwise.',
    footerPackage: (specialist) => `تصلك هذه الرسالة لأن لديك باقة جلسات مع ${specialist}.`,
    unsubscribe: 'إلغاء الاشتراك',
    unsubscribeLine: (what) => `لا ترغب في تلقي ${what}؟ ألغِ الاشتراك: `,
  },

  customerConfirmed: {
    subject: (service, when) => `تم التأكيد: ${service}، ${when}`,
    heading: 'تم تأكيد حجزك',
    intro: (service, specialist) => `تم تأكيد جلستك "${service}" مع ${specialist}.`,
  },
  customerPaymentReceived: {
    subject: (amount, service) => `تم استلام الدفعة: ${amount} مقابل ${service}`,
    heading: 'تم استلام الدفعة',
    intro: (amount, specialist) => `استلمنا دفعتك البالغة ${amount} مقابل جلستك مع ${specialist}. شكرًا لك.`,
    amount: 'المبلغ',
  },
  customerRescheduled: {
    subject: (service, when) => `تغيير الموعد: ${service}، الموعد الجديد ${when}`,
    heading: 'تغيّر موعد جلستك',
    intro: (service, by, specialist) =>
      by === 'specialist' ? `نقل ${specialist} جلستك "${service}" إلى موعد جديد.` : `أصبحت جلستك "${service}" مع ${specialist} في موعد جديد.`,
    previously: 'الموعد السابق',
  },
  customerCancelled: {
    subject: (service, when) => `تم الإلغاء: ${service}، ${when}`,
    heading: 'أُلغيت جلستك',
    intro: (service, when, by, specialist) =>
      by === 'customer'
        ? `أُلغيت جلستك "${service}" في ${when} بناءً على طلبك.`
        : by === 'specialist'
          ? `ألغى ${specialist} جلستك "${service}" في ${when}.`
          : `أُلغيت جلستك "${service}" في ${when}.`,
    reason: 'السبب',
    refund: (amount) => `مبلغ مسترد قدره ${amount} في طريقه إلى وسيلة الدفع الأصلية. تُظهره البنوك عادةً خلال 5 إلى 10 أيام عمل.`,
    refundTest: (amount) => `سُجّل مبلغ مسترد قدره ${amount}. هذا وضع الاختبار: لم يُحوَّل أي مال، لذا لن يصل شيء إلى أي بطاقة.`,
    noRefund: 'وفقًا لسياسة الإلغاء الخاصة بهذه الجلسة، لا يُستحق أي مبلغ مسترد.',
    creditReturned: 'عاد الرصيد الذي حجزت به إلى باقتك.',
    creditKept: 'وفقًا لسياسة الإلغاء الخاصة بهذه الجلسة، لا يُعاد الرصيد الذي حجزت به.',
    creditRevoked: 'لا يعود الرصيد الذي حجزت به: فقد استُرد ثمن الباقة التي جاء منها.',
  },
  customerHoldExpired: {
    subject: (service) => `لم يكتمل الحجز: ${service}`,
    heading: 'لم يكتمل حجزك',
    intro: (service, when) => `احتفظنا بموعد ${when} لجلستك "${service}"، لكن الدفع لم يكتمل في الوقت المحدد، فأُتيح الموعد لغيرك. لم يُخصم أي مبلغ.`,
    again: 'يسعدنا أن تحجز مرة أخرى.',
  },
  customerLateRefund: {
    subject: (amount) => `استرداد ${amount}: لم يعد الموعد متاحًا`,
    heading: 'نعيد إليك دفعتك',
    intro: (amount, service, when) =>
      `وصلت دفعتك مقابل "${service}" في ${when} بعد انتهاء مدة الاحتفاظ بالموعد، وكان شخص آخر قد حجزه في أثناء ذلك. سنعيد إليك المبلغ كاملًا (${amount}) إلى وسيلة الدفع الأصلية.`,
    again: 'يسعدنا أن تحجز موعدًا آخر.',
  },
  customerReminder: {
    subject: (service, when) => `تذكير: ${service}، ${when}`,
    heading: 'جلستك تقترب',
    intro: (service, specialist, relative) => `تبدأ جلستك "${service}" مع ${specialist} ${relative}.`,
    what: 'تذكيرات كهذا',
  },
  customerStarting: {
    subject: (service) => `تبدأ قريبًا: ${service}`,
    heading: 'تبدأ جلستك قريبًا',
    intro: (service, specialist, time) => `تبدأ جلستك "${service}" مع ${specialist} في الساعة ${time}.`,
    joinHint: 'استخدم الزر أدناه للانضمام. يعمل الرابط حتى نهاية الجلسة.',
    noLinkYet: 'افتح صفحة حجزك للانضمام: يظهر الرابط هناك فور جاهزية الاجتماع.',
    what: 'تذكيرات كهذا',
  },
  customerMeetingReady: {
    subject: (service) => `رابط الفيديو الخاص بـ ${service}`,
    heading: 'رابط الفيديو جاهز',
    intro: (service, when) => `مكالمة الفيديو لجلستك "${service}" في ${when} جاهزة.`,
  },
  customerFollowUp: {
    subject: (specialist) => `كيف كانت جلستك مع ${specialist}؟`,
    heading: 'شكرًا لحضورك الجلسة',
    intro: (service, specialist) => `نأمل أن تكون جلستك "${service}" مع ${specialist} قد سارت على ما يرام.`,
    ask: 'هل تخبرنا كيف كانت؟ لن يستغرق ذلك سوى دقيقة، ويساعد الآخرين على الاختيار.',
    sharedNotes: (specialist) => `ملاحظات ${specialist} من جلستك:`,
    recording: 'مشاهدة التسجيل',
    feedback: 'قيّم جلستك',
    what: 'رسائل طلب الرأي',
  },
  customerReviewAnswered: {
    subject: (specialist) => `ردّ ${specialist} على تقييمك`,
    heading: 'وصل ردّ على تقييمك',
    intro: (specialist, service, when) => `ردّ ${specialist} على التقييم الذي كتبته عن ${service} بتاريخ ${when}.`,
    answer: (specialist) => `ردّ ${specialist}:`,
    yourReview: 'تقييمك',
    rating: (stars) => `${stars} من 5`,
    public: 'الردّ منشور بجانب تقييمك.',
    action: 'اعرضه في صفحة حجزك',
  },

  package: {
    package: 'الباقة',
    sessions: 'الجلسات',
    covers: 'تشمل',
    validFor: 'صالحة لمدة',
    days: (n) => (n === 1 ? 'يوم واحد' : `${n} يومًا`),
    expires: 'ينتهي الرصيد في',
    left: 'الرصيد المتبقي',
    paid: 'المدفوع',
    free: 'مجانية',
    code: 'رمز رصيدك',
    credits: (n) => (n === 1 ? 'رصيد جلسة واحدة' : `رصيد ${n} جلسات`),
    howToBook: (specialist) =>
      `احجز برصيدك حيثما يستقبل ${specialist} الحجوزات: أدخل رمز رصيدك عندما يُطلب منك. احتفظ به لنفسك، فهو يُستخدم لصرف رصيدك.`,
    see: 'عرض رصيدك',
    book: 'احجز باستخدام رصيد',
  },
  customerPackagePurchased: {
    subject: (pkg) => `باقتك: ${pkg}`,
    heading: 'باقتك جاهزة',
    intro: (pkg, specialist, paid) => (paid ? `شكرًا لشرائك "${pkg}" من ${specialist}. استلمنا دفعتك البالغة ${paid}.` : `حصلت على "${pkg}" من ${specialist}.`),
    credits: (credits, expires) => `لديك ${credits} لحجز الجلسات حتى ${expires}.`,
  },
  customerCreditsExpiring: {
    subject: (credits, pkg, when) => `${credits} من ${pkg} ينتهي ${when}`,
    heading: 'ينتهي رصيدك قريبًا',
    intro: (credits, pkg, specialist, relative, expires) => `لا يزال بإمكانك استخدام ${credits} من باقتك "${pkg}" مع ${specialist}، وينتهي ${relative}: في ${expires}.`,
    use: 'احجز جلساتك قبل ذلك: الرصيد المنتهي لا يمكن صرفه ولا استرداده.',
  },
  customerCreditsLow: {
    subject: (remaining, pkg) => (remaining === 0 ? `لم يتبقَّ رصيد: ${pkg}` : `تبقّى رصيد جلسة واحدة: ${pkg}`),
    heading: (remaining) => (remaining === 0 ? 'استخدمت رصيدك كله' : 'تبقّى لك رصيد جلسة واحدة'),
    intro: (remaining, pkg, specialist, expires) =>
      remaining === 0 ? `حُجز آخر رصيد من "${pkg}" مع ${specialist}.` : `تبقّى في باقتك "${pkg}" مع ${specialist} رصيد جلسة واحدة، يمكنك استخدامه حتى ${expires}.`,
    more: (specialist) => `لمزيد من الجلسات، اشترِ باقة أخرى من ${specialist}.`,
  },
  customerPackageRefunded: {
    subject: (amount, pkg) => `استرداد ${amount}: ${pkg}`,
    heading: 'تم إصدار المبلغ المسترد',
    intro: (specialist, amount, pkg) => `ردّ ${specialist} إليك ${amount} من باقتك "${pkg}".`,
    removed: (n) => (n === 1 ? 'أُزيل من باقتك رصيد جلسة واحدة لم يُستخدم.' : `أُزيل من باقتك ${n} من أرصدة الجلسات التي لم تُستخدم.`),
    unchanged: 'رصيدك لم يتغيّر.',
    booked: 'الجلسات التي حجزتها تبقى محجوزة.',
    arrives: 'تصل المبالغ المستردة عادةً إلى حسابك خلال 5 إلى 10 أيام عمل.',
    arrivesTest: 'هذا وضع الاختبار: لم يُحوَّل أي مال، لذا لن يصل شيء إلى أي حساب.',
    refunded: 'المبلغ المسترد',
  },

  specialistNewBooking: {
    subject: (customer, when) => `حجز جديد: ${customer}، ${when}`,
    heading: 'حجز جديد',
    intro: (customer, service) => `حجز ${customer} "${service}".`,
    paid: (amount) => `المدفوع: ${amount}.`,
    credit: 'دُفع برصيد من باقة.',
  },
  specialistRescheduled: {
    subject: (customer, when) => `تغيير الموعد: ${customer}، الموعد الجديد ${when}`,
    heading: 'تغيّر موعد جلسة',
    intro: (customer, service, by) => (by === 'specialist' ? `نقلت جلسة "${service}" الخاصة بـ ${customer} إلى موعد جديد.` : `نقل ${customer} جلسته "${service}" إلى موعد جديد.`),
    previously: 'الموعد السابق',
  },
  specialistCancelled: {
    subject: (customer, when) => `تم الإلغاء: ${customer}، ${when}`,
    heading: 'أُلغيت جلسة',
    intro: (customer, service, when, by) =>
      by === 'specialist'
        ? `ألغيت جلسة "${service}" الخاصة بـ ${customer} في ${when}.`
        : by === 'customer'
          ? `ألغى ${customer} جلسته "${service}" في ${when}.`
          : `أُلغيت جلسة "${service}" الخاصة بـ ${customer} في ${when}.`,
    reason: 'السبب',
    refund: (amount) => `يُعاد إلى العميل ${amount}؛ وتُسترجع حصتك منه وحصة رسوم المنصة بالتناسب.`,
    noRefund: 'وفقًا لسياسة الإلغاء الخاصة بك، لا يُستحق أي مبلغ مسترد.',
    freed: 'لم يعد الموعد محجوزًا لهذا الحجز: يمكن لغيره حجزه إن كان ما زال ضمن ساعات عملك.',
  },
  specialistReminder: {
    subject: (customer, when) => `تذكير: ${customer}، ${when}`,
    heading: 'جلسة تقترب',
    intro: (customer, service, relative) => `تبدأ جلستك "${service}" مع ${customer} ${relative}.`,
    what: 'تذكيرات الجلسات',
  },
  specialistRefund: {
    subject: (amount, customer) => `صدر استرداد: ${amount} إلى ${customer}`,
    heading: 'صدر مبلغ مسترد',
    intro: (amount, customer, service, when) => `يُعاد ${amount} إلى ${customer} مقابل "${service}" في ${when}.`,
    latePayment: 'وصلت الدفعة بعد انتهاء مدة الاحتفاظ بالموعد وبعد أن حجزه شخص آخر، لذا تُعاد كاملة. ولا يُحوَّل إليك شيء منها.',
  },
  specialistAgenda: {
    subject: (count, date) => `اليوم، ${date}: ${count === 1 ? 'جلسة واحدة' : `${count} جلسات`}`,
    heading: (date) => `جلساتك في ${date}`,
    intro: (count) => (count === 1 ? 'لديك جلسة واحدة اليوم.' : `لديك ${count} جلسات اليوم.`),
    line: (time, customer, service) => `${time} — ${customer}، ${service}`,
    what: 'جدول اليوم',
  },

  account: {
    hours: (n) => (n === 1 ? 'ساعة واحدة' : `${n} ساعات`),
    footer: (brand) => `تصلك هذه الرسالة بسبب حساب الدخول الخاص بك في ${brand}. لن نطلب منك كلمة المرور عبر البريد الإلكتروني أبدًا.`,
  },
  customerAccessLink: {
    subject: (specialist) => `حجوزاتك مع ${specialist}`,
    heading: 'حجوزاتك',
    intro: (specialist, email) => `طلب شخص ما — نأمل أن تكون أنت — عرض حجوزات ${email} مع ${specialist}.`,
    once: (minutes) => `يعمل الرابط مرة واحدة خلال ${minutes} دقيقة، ويفتح حجوزاتك لمدة ساعة؛ ولا يعمل إلا أحدث رابط.`,
    notYou: 'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لا يمكن لأحد رؤية حجوزاتك دون هذا الرابط.',
    action: 'عرض حجوزاتي',
    footer: (specialist) => `تصلك هذه الرسالة لأن هذا العنوان طلب عرض حجوزاته مع ${specialist}.`,
  },
  accountSuspended: {
    subject: (brand) => `صفحتك على ${brand} لا تقبل الحجوزات`,
    heading: 'صفحتك لا تقبل الحجوزات',
    intro: (brand) => `علّق أحد مشغّلي ${brand} صفحتك: إلى أن يُعاد تفعيلها لا يستطيع العملاء حجز جلسات جديدة ولا شراء باقات، وتقول صفحة حجزك إنك لا تقبل حجوزات حاليًا (من دون ذكر السبب).`,
    kept: 'تبقى الحجوزات التي تمت كما هي مع مدفوعاتها، ويمكنك الاستمرار في تسجيل الدخول إلى وحدة التحكم.',
    reason: 'السبب',
    action: 'فتح وحدة التحكم',
  },
  accountReactivated: {
    subject: (brand) => `صفحتك على ${brand} تقبل الحجوزات من جديد`,
    heading: 'صفحتك تقبل الحجوزات من جديد',
    intro: (brand) => `أعاد أحد مشغّلي ${brand} تفعيل صفحتك: يمكن للعملاء حجز جلساتك وشراء باقاتك من جديد.`,
    action: 'فتح وحدة التحكم',
  },
  accountPasswordReset: {
    subject: (brand) => `اختر كلمة مرور جديدة لـ ${brand}`,
    heading: 'اختر كلمة مرور جديدة',
    intro: (brand, email) => `طلب أحدهم — ونأمل أن يكون أنت — إعادة تعيين كلمة مرور حساب ${brand} ذي البريد ${email}.`,
    once: (valid) => `يعمل الرابط مرة واحدة خلال ${valid}؛ ولا يعمل إلا أحدث رابط. اختيار كلمة مرور جديدة يسجّل خروجك من كل مكان آخر.`,
    notYou: 'إن لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
    action: 'اختيار كلمة مرور جديدة',
  },
  accountEmailVerification: {
    subject: (brand) => `أكّد بريدك الإلكتروني لدى ${brand}`,
    heading: 'أكّد بريدك الإلكتروني',
    intro: (brand, email) => `يُرجى تأكيد أن ${email} يخصك: فهو بريد الدخول إلى حسابك الجديد في ${brand}.`,
    why: 'إلى أن تؤكده، يمكن حجز خدماتك المجانية دون المدفوعة: فالعملاء لا يدفعون إلا لمختصين يمكننا التواصل معهم.',
    once: (valid) => `يعمل الرابط مرة واحدة خلال ${valid}. ويمكنك إرسال رابط جديد من لوحة التحكم.`,
    notYou: 'إن لم تكن قد سجّلت، فتجاهل هذه الرسالة: لن يحدث شيء دون التأكيد.',
    action: 'تأكيد بريدي الإلكتروني',
  },

  relative: {
    inDays: (days) => (days <= 1 ? 'بعد يوم تقريبًا' : `بعد ${days} أيام`),
    inHours: (hours) => (hours === 1 ? 'بعد ساعة تقريبًا' : hours % 24 === 0 && hours >= 48 ? `بعد ${hours / 24} أيام` : hours === 24 ? 'بعد يوم تقريبًا' : `بعد ${hours} ساعات تقريبًا`),
  },

  unsubscribePage: {
    title: 'إلغاء الاشتراك',
    ask: (what, from) => `إيقاف ${what} من ${from}؟`,
    confirm: 'إلغاء الاشتراك',
    everything: (from) => `إيقاف كل رسائل ${from} التي لا تتعلق بتغيير في حجز`,
    done: (what, from) => `تم: لن تصلك ${what} من ${from} بعد الآن.`,
    doneAll: (from) => `تم: لن تصلك من ${from} إلا الرسائل المتعلقة بتغييرات حجوزاتك.`,
    transactional: 'تظل رسائل تأكيد حجوزاتك وتغييرها وإلغائها تُرسل إليك: فهي جزء من الحجز.',
    invalid: 'رابط إلغاء الاشتراك هذا غير صالح. يُرجى استخدام الرابط الوارد في أحدث رسالة.',
    kinds: { reminder: 'التذكيرات', feedback: 'رسائل التقييمات', agenda: 'جدول اليوم', credits: 'تذكيرات رصيد باقتك', '*': 'الرسائل الاختيارية' },
  },
};

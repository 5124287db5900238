/**
 * Every word of every email, in English. Another language is another file of this shape
 * (`Strings`), registered in `locales/index.ts`: templates never hold text of their own. Values
 * are plain text — the layout escapes them for HTML.
 */
export const en = {
  common: {
    greeting: (name: string) => `Hello ${name},`,
    session: 'Session',
    with: 'With',
    customer: 'Customer',
    when: 'When',
    where: 'Where',
    duration: 'Duration',
    minutes: (n: number) => `${n} minutes`,
    timesIn: (zone: string) => `Times are in ${zone}.`,
    notes: 'Their note',
    manage: 'View or change your booking',
    view: 'View your booking',
    addToCalendar: 'Download the calendar file',
    join: 'Join the session',
    receipt: 'View your receipt',
    promoCode: 'Promo code',
    /** What a promo code took off: `WELCOME (€9.00 off)`. */
    promoOff: (code: string, off: string) => `${code} (${off} off)`,
    invite: 'The attached invitation adds it to your calendar and keeps it up to date.',
    cancelInvite: 'The attached cancellation removes it from your calendar.',
    place: {
      video: 'Video call',
      videoLink: (url: string) => `Video call: ${url}`,
      videoLater: (minutes: number) => `Video call — the link is on your booking page from ${minutes} minutes before the start.`,
      link: (url: string) => `Online: ${url}`,
      phone: (detail: string) => `By phone: ${detail}`,
      phoneUnknown: 'By phone',
      inPerson: (detail: string) => `In person: ${detail}`,
      inPersonUnknown: 'In person',
    },
    footerCustomer: (specialist: string) => `You receive this email because you booked a session with ${specialist}.`,
    footerSpecialist: 'You receive this email because you offer sessions with Slotwise.',
    footerPackage: (specialist: string) => `You receive this email because you have a package of sessions with ${specialist}.`,
    unsubscribe: 'Unsubscribe',
    unsubscribeLine: (what: string) => `Don’t want ${what}? Unsubscribe: `,
  },

  customerConfirmed: {
    subject: (service: string, when: string) => `Confirmed: ${service}, ${when}`,
    heading: 'You’re booked',
    intro: (service: string, specialist: string) => `Your ${service} with ${specialist} is confirmed.`,
  },
  customerPaymentReceived: {
    subject: (amount: string, service: string) => `Payment received: ${amount} for ${service}`,
    heading: 'Payment received',
    intro: (amount: string, specialist: string) => `We received your payment of ${amount} for your session with ${specialist}. Thank you.`,
    amount: 'Amount',
  },
  customerRescheduled: {
    subject: (service: string, when: string) => `Moved: ${service}, now ${when}`,
    heading: 'Your session has moved',
    intro: (service: string, by: 'customer' | 'specialist' | 'system' | 'operator', specialist: string) =>
      by === 'specialist' ? `${specialist} moved your ${service} to a new time.` : `Your ${service} with ${specialist} is now at a new time.`,
    previously: 'Previously',
  },
  customerCancelled: {
    subject: (service: string, when: string) => `Cancelled: ${service}, ${when}`,
    heading: 'Your session is cancelled',
    intro: (service: string, when: string, by: 'customer' | 'specialist' | 'system' | 'operator', specialist: string) =>
      by === 'customer'
        ? `Your ${service} on ${when} is cancelled, as you asked.`
        : by === 'specialist'
          ? `${specialist} cancelled your ${service} on ${when}.`
          : `Your ${service} on ${when} is cancelled.`,
    reason: 'Reason',
    refund: (amount: string) => `A refund of ${amount} is on its way to your original payment method. Banks usually show it within 5–10 business days.`,
    refundTest: (amount: string) => `A refund of ${amount} is recorded. This is test mode: no money moved, so nothing reaches a card.`,
    noRefund: 'Under the cancellation policy of this session, no refund is due.',
    creditReturned: 'The credit you booked with is back in your package.',
    creditKept: 'Under the cancellation policy of this session, the credit you booked with is not returned.',
    creditRevoked: 'The credit you booked with does not come back: the package it came from was refunded.',
  },
  customerHoldExpired: {
    subject: (service: string) => `Not booked: ${service}`,
    heading: 'Your booking was not completed',
    intro: (service: string, when: string) => `We held ${when} for your ${service}, but the payment did not complete in time, so the time was released. Nothing was charged.`,
    again: 'You are welcome to book again.',
  },
  customerLateRefund: {
    subject: (amount: string) => `Refund of ${amount}: the time was no longer free`,
    heading: 'Your payment is being refunded',
    intro: (amount: string, service: string, when: string) =>
      `Your payment for ${service} on ${when} arrived after we had stopped holding the time, and someone else had booked it meanwhile. We are refunding the full ${amount} to your original payment method.`,
    again: 'You are welcome to book another time.',
  },
  customerReminder: {
    subject: (service: string, when: string) => `Reminder: ${service}, ${when}`,
    heading: 'Your session is coming up',
    intro: (service: string, specialist: string, relative: string) => `Your ${service} with ${specialist} starts ${relative}.`,
    what: 'reminders like this one',
  },
  customerStarting: {
    subject: (service: string) => `Starting soon: ${service}`,
    heading: 'Your session starts soon',
    intro: (service: string, specialist: string, time: string) => `Your ${service} with ${specialist} starts at ${time}.`,
    joinHint: 'Use the button below to join. The link works until the session ends.',
    noLinkYet: 'Open your booking page to join: the link appears there as soon as the meeting is ready.',
    what: 'reminders like this one',
  },
  customerMeetingReady: {
    subject: (service: string) => `Your video link for ${service}`,
    heading: 'Your video link is ready',
    intro: (service: string, when: string) => `The video call for your ${service} on ${when} is ready.`,
  },
  customerFollowUp: {
    subject: (specialist: string) => `How was your session with ${specialist}?`,
    heading: 'Thank you for your session',
    intro: (service: string, specialist: string) => `We hope your ${service} with ${specialist} went well.`,
    ask: 'Would you tell us how it went? It takes a minute and helps others choose.',
    sharedNotes: (specialist: string) => `${specialist}'s notes from your session:`,
    recording: 'Watch the recording',
    feedback: 'Review your session',
    what: 'emails asking for feedback',
  },
  customerReviewAnswered: {
    subject: (specialist: string) => `${specialist} answered your review`,
    heading: 'Your review has an answer',
    intro: (specialist: string, service: string, when: string) => `${specialist} answered the review you wrote of your ${service} on ${when}.`,
    answer: (specialist: string) => `${specialist}’s answer:`,
    yourReview: 'Your review',
    rating: (stars: number) => `${stars} of 5`,
    public: 'The answer is public, beside your review.',
    action: 'See it on your booking page',
  },

  package: {
    package: 'Package',
    sessions: 'Sessions',
    covers: 'For',
    validFor: 'Valid for',
    days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
    expires: 'Credits expire',
    left: 'Credits left',
    paid: 'Paid',
    free: 'Free',
    code: 'Your credits code',
    credits: (n: number) => (n === 1 ? '1 credit' : `${n} credits`),
    howToBook: (specialist: string) =>
      `Book with a credit wherever ${specialist} takes bookings: give your credits code when asked for it. Keep it to yourself: it spends your credits.`,
    see: 'See your credits',
    book: 'Book with a credit',
  },
  customerPackagePurchased: {
    subject: (pkg: string) => `Your package: ${pkg}`,
    heading: 'Your package is ready',
    intro: (pkg: string, specialist: string, paid: string | null) =>
      paid ? `Thank you for buying ${pkg} from ${specialist}. We received your payment of ${paid}.` : `You claimed ${pkg} from ${specialist}.`,
    credits: (credits: string, expires: string) => `You have ${credits} to book sessions with until ${expires}.`,
  },
  customerCreditsExpiring: {
    subject: (credits: string, pkg: string, when: string) => `${credits} of ${pkg} expire ${when}`,
    heading: 'Your credits expire soon',
    intro: (credits: string, pkg: string, specialist: string, relative: string, expires: string) =>
      `${credits} of your ${pkg} with ${specialist} can still be used, and expire ${relative}: on ${expires}.`,
    use: 'Book your sessions before then: credits that expire cannot be spent or refunded.',
  },
  customerCreditsLow: {
    subject: (remaining: number, pkg: string) => (remaining === 0 ? `No credits left: ${pkg}` : `1 credit left: ${pkg}`),
    heading: (remaining: number): string => (remaining === 0 ? 'You have used all your credits' : 'You have one credit left'),
    intro: (remaining: number, pkg: string, specialist: string, expires: string) =>
      remaining === 0
        ? `Your last credit of ${pkg} with ${specialist} is booked.`
        : `Your ${pkg} with ${specialist} has one credit left, to use until ${expires}.`,
    more: (specialist: string) => `For more sessions, buy another package from ${specialist}.`,
  },
  customerPackageRefunded: {
    subject: (amount: string, pkg: string) => `Refund of ${amount}: ${pkg}`,
    heading: 'Your refund was issued',
    intro: (specialist: string, amount: string, pkg: string) => `${specialist} refunded ${amount} of your ${pkg}.`,
    removed: (n: number) => (n === 1 ? '1 unused credit was removed from your package.' : `${n} unused credits were removed from your package.`),
    unchanged: 'Your credits are unchanged.',
    booked: 'Sessions you already booked stay booked.',
    arrives: 'Refunds usually reach your account in 5–10 business days.',
    arrivesTest: 'This is test mode: no money moved, so nothing reaches an account.',
    refunded: 'Refunded',
  },

  specialistNewBooking: {
    subject: (customer: string, when: string) => `New booking: ${customer}, ${when}`,
    heading: 'New booking',
    intro: (customer: string, service: string) => `${customer} booked ${service}.`,
    paid: (amount: string) => `Paid: ${amount}.`,
    credit: 'Paid with a package credit.',
  },
  specialistRescheduled: {
    subject: (customer: string, when: string) => `Moved: ${customer}, now ${when}`,
    heading: 'A session moved',
    intro: (customer: string, service: string, by: 'customer' | 'specialist' | 'system' | 'operator') =>
      by === 'specialist' ? `You moved ${customer}’s ${service} to a new time.` : `${customer} moved their ${service} to a new time.`,
    previously: 'Previously',
  },
  specialistCancelled: {
    subject: (customer: string, when: string) => `Cancelled: ${customer}, ${when}`,
    heading: 'A session was cancelled',
    intro: (customer: string, service: string, when: string, by: 'customer' | 'specialist' | 'system' | 'operator') =>
      by === 'specialist' ? `You cancelled ${customer}’s ${service} on ${when}.` : by === 'customer' ? `${customer} cancelled their ${service} on ${when}.` : `${customer}’s ${service} on ${when} was cancelled.`,
    reason: 'Reason',
    refund: (amount: string) => `The customer is refunded ${amount}; your share of it and the platform fee’s share are reversed in proportion.`,
    noRefund: 'No refund is due under your cancellation policy.',
    freed: 'The time is no longer held for this booking: others can book it if it is still within your hours.',
  },
  specialistReminder: {
    subject: (customer: string, when: string) => `Reminder: ${customer}, ${when}`,
    heading: 'A session is coming up',
    intro: (customer: string, service: string, relative: string) => `Your ${service} with ${customer} starts ${relative}.`,
    what: 'session reminders',
  },
  specialistRefund: {
    subject: (amount: string, customer: string) => `Refund issued: ${amount} to ${customer}`,
    heading: 'A refund was issued',
    intro: (amount: string, customer: string, service: string, when: string) => `${amount} is being refunded to ${customer} for ${service} on ${when}.`,
    latePayment: 'Their payment arrived after the hold lapsed and the time had been booked by someone else, so it is returned in full. Nothing is paid out to you for it.',
  },
  specialistAgenda: {
    subject: (count: number, date: string) => `Today, ${date}: ${count} ${count === 1 ? 'session' : 'sessions'}`,
    heading: (date: string) => `Your sessions on ${date}`,
    intro: (count: number) => (count === 1 ? 'You have one session today.' : `You have ${count} sessions today.`),
    line: (time: string, customer: string, service: string) => `${time} — ${customer}, ${service}`,
    what: 'the daily agenda',
  },

  account: {
    hours: (n: number) => (n === 1 ? '1 hour' : `${n} hours`),
    footer: (brand: string) => `You receive this email because of your ${brand} login. We never ask for your password by email.`,
  },
  customerAccessLink: {
    subject: (specialist: string) => `Your bookings with ${specialist}`,
    heading: 'Your bookings',
    intro: (specialist: string, email: string) => `Someone — hopefully you — asked to see the bookings of ${email} with ${specialist}.`,
    once: (minutes: number) => `The link works once, within ${minutes} minutes, and opens your bookings for an hour; only the newest link works.`,
    notYou: 'If you did not ask for this, ignore this email: nobody can see your bookings without this link.',
    action: 'See my bookings',
    footer: (specialist: string) => `You receive this email because this address asked for its bookings with ${specialist}.`,
  },
  accountSuspended: {
    subject: (brand: string) => `Your ${brand} page is not taking bookings`,
    heading: 'Your page is not taking bookings',
    intro: (brand: string) => `An operator of ${brand} suspended your page: customers cannot book new sessions or buy packages until it is reactivated, and your booking page says you are not taking bookings right now (never why).`,
    kept: 'Bookings already made stay as they are, with their payments, and you can still sign in to your console.',
    reason: 'Reason',
    action: 'Open your console',
  },
  accountReactivated: {
    subject: (brand: string) => `Your ${brand} page takes bookings again`,
    heading: 'Your page takes bookings again',
    intro: (brand: string) => `An operator of ${brand} reactivated your page: customers can book your sessions and buy your packages again.`,
    action: 'Open your console',
  },
  accountPasswordReset: {
    subject: (brand: string) => `Choose a new ${brand} password`,
    heading: 'Choose a new password',
    intro: (brand: string, email: string) => `Someone — hopefully you — asked to reset the password of the ${brand} login ${email}.`,
    once: (valid: string) => `The link works once, within ${valid}; only the newest link works. Choosing a new password logs you out everywhere else.`,
    notYou: 'If you did not ask for this, ignore this email: your password stays as it is.',
    action: 'Choose a new password',
  },
  accountEmailVerification: {
    subject: (brand: string) => `Confirm your email for ${brand}`,
    heading: 'Confirm your email',
    intro: (brand: string, email: string) => `Please confirm that ${email} is yours: it is the login of your new ${brand} account.`,
    why: 'Until you confirm it, your free services can be booked but paid ones cannot: customers pay only specialists we can reach.',
    once: (valid: string) => `The link works once, within ${valid}. You can send a new one from your console.`,
    notYou: 'If you did not sign up, ignore this email: nothing happens without the confirmation.',
    action: 'Confirm my email',
  },

  relative: {
    inDays: (days: number) => (days <= 1 ? 'in about a day' : `in ${days} days`),
    inHours: (hours: number) => (hours === 1 ? 'in about an hour' : hours % 24 === 0 && hours >= 48 ? `in ${hours / 24} days` : hours === 24 ? 'in about a day' : `in about ${hours} hours`),
  },

  unsubscribePage: {
    title: 'Unsubscribe',
    ask: (what: string, from: string) => `Stop ${what} from ${from}?`,
    confirm: 'Unsubscribe',
    everything: (from: string) => `Stop every email from ${from} that is not about a booking change`,
    done: (what: string, from: string) => `Done: you will not receive ${what} from ${from} any more.`,
    doneAll: (from: string) => `Done: you will only receive emails about changes to your bookings with ${from}.`,
    transactional: 'Confirmations, changes and cancellations of your bookings are still sent: they are part of the booking.',
    invalid: 'This unsubscribe link is not valid. Please use the link from the latest email.',
    kinds: { reminder: 'reminders', feedback: 'emails about reviews', agenda: 'the daily agenda', credits: 'reminders about your package credits', '*': 'optional emails' } as Record<string, string>,
  },
};

export type Strings = typeof en;

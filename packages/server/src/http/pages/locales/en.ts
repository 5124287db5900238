/**
 * Every word of the pages a customer opens on the server — a receipt, their credits, a
 * specialist's booking page — in English. Another language is another file of this shape
 * (`PageWords`), registered in `index.ts`. Values are plain text: the pages escape them.
 * Counts and minutes come from the emails' words (`services/mail/locales`), the unsubscribe
 * page's too, so a customer reads the same words in both.
 */
export const en = {
  receipt: {
    title: (id: string) => `Receipt ${id}`,
    heading: 'Receipt',
    number: (id: string, paid: string) => `Receipt number ${id} · paid ${paid}`,
    paidTo: 'Paid to',
    /** The session's price before a promo code (shown only with one). */
    price: 'Price',
    promo: (code: string) => `Promo code ${code}`,
    amountPaid: 'Amount paid',
    refund: (status: 'pending' | 'succeeded' | 'failed') => `Refund (${status})`,
    total: 'Total',
    footer: (booking: string) => `Booking ${booking}.`,
    byStripe: 'Payments are processed by Stripe.',
    testMode: 'TEST MODE: no money moved.',
  },
  credits: {
    title: (specialist: string) => `Your credits with ${specialist}`,
    toSpend: (credits: string) => `${credits} to spend`,
    none: 'No credits left to spend',
    expired: (when: string) => `expired ${when}`,
    left: (credits: string, when: string) => `${credits} left, until ${when}`,
    howTo: (specialist: string) => `To book with a credit, give your credits code where ${specialist} takes bookings:`,
    keep: 'Keep this page’s address to yourself: it shows your code, and the code spends your credits. Credits that expire cannot be spent.',
  },
  booking: {
    title: (name: string) => `${name} — book a session`,
    description: (name: string) => `Book a session with ${name}.`,
    sessions: 'Sessions',
    minutes: (n: number) => `${n} min`,
    free: 'Free',
    /** Under a group service: how many people one session takes (2 or more). */
    group: (n: number) => `Group session · up to ${n} people`,
    noSessions: (name: string) => `${name} has no sessions open for booking right now.`,
    bookTime: 'Book a time',
    zoneNote: 'Open times are shown in your own time zone.',
    noScript: 'Booking needs JavaScript: turn it on for this page to see open times and book.',
    notAccepting: (name: string) => `${name} is not taking bookings right now.`,
    missingTitle: 'No such page — Slotwise',
    reviews: 'Reviews',
    rating: (average: string, count: number) => `${average} out of 5 · ${count === 1 ? '1 review' : `${count} reviews`}`,
    stars: (n: number) => `${n} out of 5`,
    response: (name: string) => `Response from ${name}:`,
    missingHeading: 'No booking page here',
    missing: (handle: string) => `No specialist uses the address “${handle}”. Check the link you were given, or ask the specialist for their booking page.`,
  },
};

export type PageWords = typeof en;

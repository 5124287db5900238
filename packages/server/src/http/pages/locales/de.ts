import type { PageWords } from './en.js';

/** The customer's pages in German (Sie). Keys: `en.ts`. */
export const de: PageWords = {
  receipt: {
    title: (id) => `Beleg ${id}`,
    heading: 'Beleg',
    number: (id, paid) => `Belegnummer ${id} · bezahlt am ${paid}`,
    paidTo: 'Bezahlt an',
    amountPaid: 'Bezahlter Betrag',
    refund: (status) => `Erstattung (${{ pending: 'ausstehend', succeeded: 'erfolgt', failed: 'fehlgeschlagen' }[status]})`,
    total: 'Gesamt',
    footer: (booking) => `Buchung ${booking}. Zahlungen werden von Stripe abgewickelt.`,
    testMode: 'TESTMODUS: Es wurde kein Geld bewegt.',
  },
  credits: {
    title: (specialist) => `Ihr Guthaben bei ${specialist}`,
    toSpend: (credits) => `${credits} verfügbar`,
    none: 'Kein Guthaben mehr verfügbar',
    expired: (when) => `abgelaufen am ${when}`,
    left: (credits, when) => `${credits} übrig, bis ${when}`,
    howTo: (specialist) => `Um mit einem Guthaben zu buchen, geben Sie Ihren Guthabencode dort an, wo ${specialist} Buchungen annimmt:`,
    keep: 'Behalten Sie die Adresse dieser Seite für sich: Sie zeigt Ihren Code, und mit dem Code wird Ihr Guthaben eingelöst. Abgelaufenes Guthaben kann nicht mehr verwendet werden.',
  },
  booking: {
    title: (name) => `${name} – Termin buchen`,
    description: (name) => `Buchen Sie einen Termin bei ${name}.`,
    sessions: 'Termine',
    minutes: (n) => `${n} Min.`,
    free: 'Kostenlos',
    noSessions: (name) => `${name} bietet gerade keine buchbaren Termine an.`,
    bookTime: 'Zeit buchen',
    zoneNote: 'Freie Zeiten werden in Ihrer eigenen Zeitzone angezeigt.',
    noScript: 'Zum Buchen wird JavaScript benötigt: Schalten Sie es für diese Seite ein, um freie Zeiten zu sehen und zu buchen.',
    notAccepting: (name) => `${name} nimmt gerade keine Buchungen an.`,
    missingTitle: 'Seite nicht gefunden – Slotwise',
    reviews: 'Bewertungen',
    rating: (average, count) => `${average} von 5 · ${count === 1 ? '1 Bewertung' : `${count} Bewertungen`}`,
    stars: (n) => `${n} von 5`,
    response: (name) => `Antwort von ${name}:`,
    missingHeading: 'Hier ist keine Buchungsseite',
    missing: (handle) => `Keine Fachperson verwendet die Adresse „${handle}“. Prüfen Sie den Link, den Sie erhalten haben, oder fragen Sie die Fachperson nach ihrer Buchungsseite.`,
  },
};

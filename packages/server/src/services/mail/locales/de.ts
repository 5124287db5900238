import type { Strings } from './en.js';

/** Every word of every email, in German (Sie). Shape and meaning: `en.ts`. */
export const de: Strings = {
  common: {
    greeting: (name) => `Hallo ${name},`,
    session: 'Sitzung',
    with: 'Mit',
    customer: 'Kunde/Kundin',
    when: 'Wann',
    where: 'Wo',
    duration: 'Dauer',
    minutes: (n) => `${n} Minuten`,
    timesIn: (zone) => `Alle Zeiten in ${zone}.`,
    notes: 'Notiz',
    manage: 'Buchung ansehen oder ändern',
    view: 'Buchung ansehen',
    addToCalendar: 'Kalenderdatei herunterladen',
    join: 'An der Sitzung teilnehmen',
    receipt: 'Quittung ansehen',
    promoCode: 'Rabattcode',
    promoOff: (code, off) => `${code} (${off} Rabatt)`,
    invite: 'Mit der angehängten Einladung tragen Sie den Termin in Ihren Kalender ein; sie hält ihn auch aktuell.',
    cancelInvite: 'Die angehängte Absage entfernt den Termin aus Ihrem Kalender.',
    place: {
      video: 'Videoanruf',
      videoLink: (url) => `Videoanruf: ${url}`,
      videoLater: (minutes: number) => `Videoanruf – der Link steht ab ${minutes} Minuten vor Beginn auf Ihrer Buchungsseite.`,
      link: (url) => `Online: ${url}`,
      phone: (detail) => `Telefonisch: ${detail}`,
      phoneUnknown: 'Telefonisch',
      inPerson: (detail) => `Vor Ort: ${detail}`,
      inPersonUnknown: 'Vor Ort',
    },
    footerCustomer: (specialist) => `Sie erhalten diese E-Mail, weil Sie eine Sitzung bei ${specialist} gebucht haben.`,
    footerSpecialist: 'Sie erhalten diese E-Mail, weil Sie Sitzungen über Slotwise anbieten.',
    footerPackage: (specialist) => `Sie erhalten diese E-Mail, weil Sie ein Sitzungspaket bei ${specialist} haben.`,
    unsubscribe: 'Abbestellen',
    unsubscribeLine: (what) => `Sie möchten keine ${what} mehr erhalten? Abbestellen: `,
  },

  customerConfirmed: {
    subject: (service, when) => `Bestätigt: ${service}, ${when}`,
    heading: 'Ihre Buchung steht',
    intro: (service, specialist) => `Ihre Buchung „${service}“ bei ${specialist} ist bestätigt.`,
  },
  customerPaymentReceived: {
    subject: (amount, service) => `Zahlung erhalten: ${amount} für ${service}`,
    heading: 'Zahlung erhalten',
    intro: (amount, specialist) => `Wir haben Ihre Zahlung von ${amount} für Ihre Sitzung bei ${specialist} erhalten. Vielen Dank.`,
    amount: 'Betrag',
  },
  customerRescheduled: {
    subject: (service, when) => `Verschoben: ${service}, jetzt ${when}`,
    heading: 'Ihre Sitzung wurde verschoben',
    intro: (service, by, specialist) =>
      by === 'specialist' ? `${specialist} hat Ihre Sitzung „${service}“ auf einen neuen Termin verschoben.` : `Ihre Sitzung „${service}“ bei ${specialist} findet zu einem neuen Termin statt.`,
    previously: 'Bisher',
  },
  customerCancelled: {
    subject: (service, when) => `Storniert: ${service}, ${when}`,
    heading: 'Ihre Sitzung wurde storniert',
    intro: (service, when, by, specialist) =>
      by === 'customer'
        ? `Ihre Sitzung „${service}“ am ${when} ist wie gewünscht storniert.`
        : by === 'specialist'
          ? `${specialist} hat Ihre Sitzung „${service}“ am ${when} storniert.`
          : `Ihre Sitzung „${service}“ am ${when} ist storniert.`,
    reason: 'Grund',
    refund: (amount) => `Eine Erstattung von ${amount} ist auf dem Weg zu Ihrem ursprünglichen Zahlungsmittel. Banken zeigen sie meist innerhalb von 5–10 Werktagen an.`,
    refundTest: (amount) => `Eine Erstattung von ${amount} ist verbucht. Dies ist der Testmodus: Es wurde kein Geld bewegt, also kommt nichts auf einer Karte an.`,
    noRefund: 'Nach den Stornobedingungen dieser Sitzung besteht kein Anspruch auf Erstattung.',
    creditReturned: 'Das Guthaben, mit dem Sie gebucht haben, ist wieder in Ihrem Paket.',
    creditKept: 'Nach den Stornobedingungen dieser Sitzung wird das Guthaben, mit dem Sie gebucht haben, nicht zurückgebucht.',
    creditRevoked: 'Das Guthaben, mit dem Sie gebucht haben, wird nicht zurückgegeben: Das Paket, aus dem es stammt, wurde erstattet.',
  },
  customerHoldExpired: {
    subject: (service) => `Nicht gebucht: ${service}`,
    heading: 'Ihre Buchung wurde nicht abgeschlossen',
    intro: (service, when) =>
      `Wir haben ${when} für Ihre Sitzung „${service}“ reserviert, aber die Zahlung wurde nicht rechtzeitig abgeschlossen, deshalb wurde der Termin wieder freigegeben. Es wurde nichts berechnet.`,
    again: 'Sie können gern erneut buchen.',
  },
  customerLateRefund: {
    subject: (amount) => `Erstattung von ${amount}: Der Termin war nicht mehr frei`,
    heading: 'Ihre Zahlung wird erstattet',
    intro: (amount, service, when) =>
      `Ihre Zahlung für „${service}“ am ${when} ist eingegangen, nachdem die Reservierung abgelaufen war, und der Termin wurde inzwischen anderweitig gebucht. Wir erstatten die vollen ${amount} auf Ihr ursprüngliches Zahlungsmittel.`,
    again: 'Sie können gern einen anderen Termin buchen.',
  },
  customerReminder: {
    subject: (service, when) => `Erinnerung: ${service}, ${when}`,
    heading: 'Ihre Sitzung steht bevor',
    intro: (service, specialist, relative) => `Ihre Sitzung „${service}“ bei ${specialist} beginnt ${relative}.`,
    what: 'Erinnerungen wie diese',
  },
  customerStarting: {
    subject: (service) => `Beginnt gleich: ${service}`,
    heading: 'Ihre Sitzung beginnt gleich',
    intro: (service, specialist, time) => `Ihre Sitzung „${service}“ bei ${specialist} beginnt um ${time}.`,
    joinHint: 'Über die Schaltfläche unten nehmen Sie teil. Der Link funktioniert bis zum Ende der Sitzung.',
    noLinkYet: 'Öffnen Sie Ihre Buchungsseite, um teilzunehmen: Der Link erscheint dort, sobald das Meeting bereit ist.',
    what: 'Erinnerungen wie diese',
  },
  customerMeetingReady: {
    subject: (service) => `Ihr Videolink für ${service}`,
    heading: 'Ihr Videolink ist bereit',
    intro: (service, when) => `Der Videoanruf für Ihre Sitzung „${service}“ am ${when} ist bereit.`,
  },
  customerFollowUp: {
    subject: (specialist) => `Wie war Ihre Sitzung bei ${specialist}?`,
    heading: 'Danke für Ihre Sitzung',
    intro: (service, specialist) => `Wir hoffen, Ihre Sitzung „${service}“ bei ${specialist} war hilfreich.`,
    ask: 'Möchten Sie uns sagen, wie es war? Es dauert nur eine Minute und hilft anderen bei der Wahl.',
    sharedNotes: (specialist) => `Notizen von ${specialist} zu Ihrer Sitzung:`,
    recording: 'Aufzeichnung ansehen',
    feedback: 'Sitzung bewerten',
    what: 'E-Mails mit der Bitte um Feedback',
  },
  customerReviewAnswered: {
    subject: (specialist) => `${specialist} hat auf Ihre Bewertung geantwortet`,
    heading: 'Ihre Bewertung hat eine Antwort',
    intro: (specialist, service, when) => `${specialist} hat auf Ihre Bewertung von ${service} am ${when} geantwortet.`,
    answer: (specialist) => `Die Antwort von ${specialist}:`,
    yourReview: 'Ihre Bewertung',
    rating: (stars) => `${stars} von 5`,
    public: 'Die Antwort ist öffentlich, neben Ihrer Bewertung.',
    action: 'Auf Ihrer Buchungsseite ansehen',
  },

  package: {
    package: 'Paket',
    sessions: 'Sitzungen',
    covers: 'Für',
    validFor: 'Gültig für',
    days: (n) => (n === 1 ? '1 Tag' : `${n} Tage`),
    expires: 'Guthaben verfällt',
    left: 'Verbleibendes Guthaben',
    paid: 'Bezahlt',
    free: 'Kostenlos',
    code: 'Ihr Guthabencode',
    credits: (n) => (n === 1 ? '1 Guthaben' : `${n} Guthaben`),
    howToBook: (specialist) =>
      `Buchen Sie mit einem Guthaben überall, wo ${specialist} Buchungen annimmt: Geben Sie Ihren Guthabencode an, wenn danach gefragt wird. Behalten Sie ihn für sich – mit ihm wird Ihr Guthaben eingelöst.`,
    see: 'Guthaben ansehen',
    book: 'Mit einem Guthaben buchen',
  },
  customerPackagePurchased: {
    subject: (pkg) => `Ihr Paket: ${pkg}`,
    heading: 'Ihr Paket ist bereit',
    intro: (pkg, specialist, paid) =>
      paid ? `Vielen Dank für den Kauf von „${pkg}“ bei ${specialist}. Wir haben Ihre Zahlung von ${paid} erhalten.` : `Sie haben „${pkg}“ von ${specialist} erhalten.`,
    credits: (credits, expires) => `Sie haben ${credits}, um bis ${expires} Sitzungen zu buchen.`,
  },
  customerCreditsExpiring: {
    subject: (credits, pkg, when) => `${credits} aus ${pkg} verfallen ${when}`,
    heading: 'Ihr Guthaben verfällt bald',
    intro: (credits, pkg, specialist, relative, expires) =>
      `${credits} aus Ihrem Paket „${pkg}“ bei ${specialist} können noch genutzt werden und verfallen ${relative}: am ${expires}.`,
    use: 'Buchen Sie Ihre Sitzungen vorher: Verfallenes Guthaben kann weder eingelöst noch erstattet werden.',
  },
  customerCreditsLow: {
    subject: (remaining, pkg) => (remaining === 0 ? `Kein Guthaben mehr: ${pkg}` : `Noch 1 Guthaben: ${pkg}`),
    heading: (remaining) => (remaining === 0 ? 'Sie haben Ihr ganzes Guthaben genutzt' : 'Sie haben noch ein Guthaben'),
    intro: (remaining, pkg, specialist, expires) =>
      remaining === 0 ? `Ihr letztes Guthaben aus „${pkg}“ bei ${specialist} ist gebucht.` : `Ihr Paket „${pkg}“ bei ${specialist} hat noch ein Guthaben, einlösbar bis ${expires}.`,
    more: (specialist) => `Für weitere Sitzungen kaufen Sie ein neues Paket bei ${specialist}.`,
  },
  customerPackageRefunded: {
    subject: (amount, pkg) => `Erstattung von ${amount}: ${pkg}`,
    heading: 'Ihre Erstattung wurde veranlasst',
    intro: (specialist, amount, pkg) => `${specialist} hat Ihnen ${amount} für Ihr Paket „${pkg}“ erstattet.`,
    removed: (n) => (n === 1 ? '1 nicht genutztes Guthaben wurde aus Ihrem Paket entfernt.' : `${n} nicht genutzte Guthaben wurden aus Ihrem Paket entfernt.`),
    unchanged: 'Ihr Guthaben bleibt unverändert.',
    booked: 'Bereits gebuchte Sitzungen bleiben gebucht.',
    arrives: 'Erstattungen erreichen Ihr Konto in der Regel innerhalb von 5–10 Werktagen.',
    arrivesTest: 'Dies ist der Testmodus: Es wurde kein Geld bewegt, also kommt nichts auf einem Konto an.',
    refunded: 'Erstattet',
  },

  specialistNewBooking: {
    subject: (customer, when) => `Neue Buchung: ${customer}, ${when}`,
    heading: 'Neue Buchung',
    intro: (customer, service) => `${customer} hat „${service}“ gebucht.`,
    paid: (amount) => `Bezahlt: ${amount}.`,
    credit: 'Mit einem Paketguthaben bezahlt.',
  },
  specialistRescheduled: {
    subject: (customer, when) => `Verschoben: ${customer}, jetzt ${when}`,
    heading: 'Eine Sitzung wurde verschoben',
    intro: (customer, service, by) =>
      by === 'specialist' ? `Sie haben „${service}“ mit ${customer} auf einen neuen Termin verschoben.` : `${customer} hat „${service}“ auf einen neuen Termin verschoben.`,
    previously: 'Bisher',
  },
  specialistCancelled: {
    subject: (customer, when) => `Storniert: ${customer}, ${when}`,
    heading: 'Eine Sitzung wurde storniert',
    intro: (customer, service, when, by) =>
      by === 'specialist'
        ? `Sie haben „${service}“ mit ${customer} am ${when} storniert.`
        : by === 'customer'
          ? `${customer} hat „${service}“ am ${when} storniert.`
          : `„${service}“ mit ${customer} am ${when} wurde storniert.`,
    reason: 'Grund',
    refund: (amount) => `Die Kundin bzw. der Kunde erhält ${amount} zurück; Ihr Anteil daran und der Anteil der Plattformgebühr werden anteilig zurückgebucht.`,
    noRefund: 'Nach Ihren Stornobedingungen besteht kein Anspruch auf Erstattung.',
    freed: 'Der Termin ist für diese Buchung nicht mehr reserviert: Andere können ihn buchen, sofern er noch in Ihren Zeiten liegt.',
  },
  specialistReminder: {
    subject: (customer, when) => `Erinnerung: ${customer}, ${when}`,
    heading: 'Eine Sitzung steht bevor',
    intro: (customer, service, relative) => `Ihre Sitzung „${service}“ mit ${customer} beginnt ${relative}.`,
    what: 'Sitzungserinnerungen',
  },
  specialistRefund: {
    subject: (amount, customer) => `Erstattung veranlasst: ${amount} an ${customer}`,
    heading: 'Eine Erstattung wurde veranlasst',
    intro: (amount, customer, service, when) => `${amount} werden an ${customer} für „${service}“ am ${when} erstattet.`,
    latePayment:
      'Die Zahlung ging ein, nachdem die Reservierung abgelaufen und der Termin anderweitig gebucht war, daher wird sie vollständig zurückgezahlt. Dafür wird nichts an Sie ausgezahlt.',
  },
  specialistAgenda: {
    subject: (count, date) => `Heute, ${date}: ${count} ${count === 1 ? 'Sitzung' : 'Sitzungen'}`,
    heading: (date) => `Ihre Sitzungen am ${date}`,
    intro: (count) => (count === 1 ? 'Sie haben heute eine Sitzung.' : `Sie haben heute ${count} Sitzungen.`),
    line: (time, customer, service) => `${time} – ${customer}, ${service}`,
    what: 'die Tagesübersicht',
  },

  account: {
    hours: (n) => (n === 1 ? '1 Stunde' : `${n} Stunden`),
    footer: (brand) => `Sie erhalten diese E-Mail wegen Ihres ${brand}-Logins. Wir fragen Sie nie per E-Mail nach Ihrem Passwort.`,
  },
  customerAccessLink: {
    subject: (specialist) => `Ihre Buchungen bei ${specialist}`,
    heading: 'Ihre Buchungen',
    intro: (specialist, email) => `Jemand – hoffentlich Sie – möchte die Buchungen von ${email} bei ${specialist} sehen.`,
    once: (minutes) => `Der Link funktioniert einmal, innerhalb von ${minutes} Minuten, und öffnet Ihre Buchungen für eine Stunde; nur der neueste Link gilt.`,
    notYou: 'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ohne diesen Link kann niemand Ihre Buchungen sehen.',
    action: 'Meine Buchungen ansehen',
    footer: (specialist) => `Sie erhalten diese E-Mail, weil für diese Adresse die Buchungen bei ${specialist} angefordert wurden.`,
  },
  accountSuspended: {
    subject: (brand) => `Ihre ${brand}-Seite nimmt keine Buchungen an`,
    heading: 'Ihre Seite nimmt keine Buchungen an',
    intro: (brand) => `Ein Betreiber von ${brand} hat Ihre Seite gesperrt: Bis zur Wiederfreigabe können Kunden keine neuen Sitzungen buchen und keine Pakete kaufen, und Ihre Buchungsseite sagt, dass Sie gerade keine Buchungen annehmen (nie, warum).`,
    kept: 'Bereits gemachte Buchungen bleiben, wie sie sind, mit ihren Zahlungen, und Sie können sich weiterhin in Ihrer Konsole anmelden.',
    reason: 'Grund',
    action: 'Konsole öffnen',
  },
  accountReactivated: {
    subject: (brand) => `Ihre ${brand}-Seite nimmt wieder Buchungen an`,
    heading: 'Ihre Seite nimmt wieder Buchungen an',
    intro: (brand) => `Ein Betreiber von ${brand} hat Ihre Seite wieder freigegeben: Kunden können Ihre Sitzungen wieder buchen und Ihre Pakete kaufen.`,
    action: 'Konsole öffnen',
  },
  accountPasswordReset: {
    subject: (brand) => `Neues ${brand}-Passwort festlegen`,
    heading: 'Neues Passwort festlegen',
    intro: (brand, email) => `Jemand – hoffentlich Sie – hat das Zurücksetzen des Passworts für das ${brand}-Login ${email} angefordert.`,
    once: (valid) => `Der Link funktioniert einmal, innerhalb von ${valid}; nur der neueste Link gilt. Mit einem neuen Passwort werden Sie überall sonst abgemeldet.`,
    notYou: 'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.',
    action: 'Neues Passwort festlegen',
  },
  accountEmailVerification: {
    subject: (brand) => `Bestätigen Sie Ihre E-Mail-Adresse für ${brand}`,
    heading: 'E-Mail-Adresse bestätigen',
    intro: (brand, email) => `Bitte bestätigen Sie, dass ${email} Ihnen gehört: Es ist das Login Ihres neuen ${brand}-Kontos.`,
    why: 'Bis zur Bestätigung können Ihre kostenlosen Angebote gebucht werden, bezahlte jedoch nicht: Kundinnen und Kunden zahlen nur an Fachpersonen, die wir erreichen können.',
    once: (valid) => `Der Link funktioniert einmal, innerhalb von ${valid}. Einen neuen können Sie über Ihre Konsole senden.`,
    notYou: 'Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail: Ohne Bestätigung geschieht nichts.',
    action: 'E-Mail-Adresse bestätigen',
  },

  relative: {
    inDays: (days) => (days <= 1 ? 'in etwa einem Tag' : `in ${days} Tagen`),
    inHours: (hours) =>
      hours === 1 ? 'in etwa einer Stunde' : hours % 24 === 0 && hours >= 48 ? `in ${hours / 24} Tagen` : hours === 24 ? 'in etwa einem Tag' : `in etwa ${hours} Stunden`,
  },

  unsubscribePage: {
    title: 'Abbestellen',
    ask: (what, from) => `Keine ${what} mehr von ${from} erhalten?`,
    confirm: 'Abbestellen',
    everything: (from) => `Keine E-Mails mehr von ${from}, die nicht eine Änderung einer Buchung betreffen`,
    done: (what, from) => `Erledigt: Sie erhalten keine ${what} mehr von ${from}.`,
    doneAll: (from) => `Erledigt: Sie erhalten von ${from} nur noch E-Mails zu Änderungen Ihrer Buchungen.`,
    transactional: 'Bestätigungen, Änderungen und Stornierungen Ihrer Buchungen werden weiterhin gesendet: Sie gehören zur Buchung.',
    invalid: 'Dieser Abmeldelink ist ungültig. Bitte verwenden Sie den Link aus der neuesten E-Mail.',
    kinds: { reminder: 'Erinnerungen', feedback: 'E-Mails zu Bewertungen', agenda: 'Tagesübersichten', credits: 'Erinnerungen zu Ihrem Paketguthaben', '*': 'optionalen E-Mails' },
  },
};

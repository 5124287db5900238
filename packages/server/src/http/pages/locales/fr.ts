import type { PageWords } from './en.js';

/** The customer's pages in French (vous). Keys: `en.ts`. */
export const fr: PageWords = {
  receipt: {
    title: (id) => `Reçu ${id}`,
    heading: 'Reçu',
    number: (id, paid) => `Reçu n° ${id} · payé le ${paid}`,
    paidTo: 'Payé à',
    amountPaid: 'Montant payé',
    refund: (status) => `Remboursement (${{ pending: 'en cours', succeeded: 'effectué', failed: 'échoué' }[status]})`,
    total: 'Total',
    footer: (booking) => `Réservation ${booking}. Les paiements sont traités par Stripe.`,
    testMode: 'MODE TEST : aucun argent n’a été débité.',
  },
  credits: {
    title: (specialist) => `Vos crédits chez ${specialist}`,
    toSpend: (credits) => `${credits} à utiliser`,
    none: 'Plus aucun crédit à utiliser',
    expired: (when) => `expiré le ${when}`,
    left: (credits, when) => `${credits} restant(s), jusqu’au ${when}`,
    howTo: (specialist) => `Pour réserver avec un crédit, indiquez votre code de crédits là où ${specialist} prend des réservations :`,
    keep: 'Gardez l’adresse de cette page pour vous : elle affiche votre code, et ce code utilise vos crédits. Les crédits expirés ne peuvent plus être utilisés.',
  },
  booking: {
    title: (name) => `${name} — réserver une séance`,
    description: (name) => `Réservez une séance avec ${name}.`,
    sessions: 'Séances',
    minutes: (n) => `${n} min`,
    free: 'Gratuit',
    noSessions: (name) => `${name} n’a aucune séance ouverte à la réservation pour le moment.`,
    bookTime: 'Réserver un créneau',
    zoneNote: 'Les créneaux libres sont affichés dans votre propre fuseau horaire.',
    noScript: 'La réservation nécessite JavaScript : activez-le pour cette page afin de voir les créneaux libres et de réserver.',
    notAccepting: (name) => `${name} ne prend pas de réservations pour le moment.`,
    missingTitle: 'Page introuvable — Slotwise',
    reviews: 'Avis',
    rating: (average, count) => `${average} sur 5 · ${count} avis`,
    stars: (n) => `${n} sur 5`,
    response: (name) => `Réponse de ${name} :`,
    missingHeading: 'Aucune page de réservation ici',
    missing: (handle) => `Aucun spécialiste n’utilise l’adresse « ${handle} ». Vérifiez le lien reçu, ou demandez au spécialiste l’adresse de sa page de réservation.`,
  },
};

import type { Strings } from './en.js';

/** Every word of every email, in French (vous). Shape and meaning: `en.ts`. */
export const fr: Strings = {
  common: {
    greeting: (name) => `Bonjour ${name},`,
    session: 'Séance',
    with: 'Avec',
    customer: 'Client',
    when: 'Quand',
    where: 'Où',
    duration: 'Durée',
    minutes: (n) => `${n} minutes`,
    timesIn: (zone) => `Les horaires sont indiqués en ${zone}.`,
    notes: 'Sa note',
    manage: 'Voir ou modifier votre réservation',
    view: 'Voir votre réservation',
    addToCalendar: 'Télécharger le fichier de calendrier',
    join: 'Rejoindre la séance',
    receipt: 'Voir votre reçu',
    promoCode: 'Code promo',
    promoOff: (code, off) => `${code} (${off} de réduction)`,
    invite: 'L’invitation jointe ajoute la séance à votre calendrier et la tient à jour.',
    cancelInvite: 'L’annulation jointe la retire de votre calendrier.',
    place: {
      video: 'Appel vidéo',
      videoLink: (url) => `Appel vidéo : ${url}`,
      videoLater: (minutes: number) => `Appel vidéo — le lien est sur votre page de réservation dès ${minutes} minutes avant le début.`,
      link: (url) => `En ligne : ${url}`,
      phone: (detail) => `Par téléphone : ${detail}`,
      phoneUnknown: 'Par téléphone',
      inPerson: (detail) => `En personne : ${detail}`,
      inPersonUnknown: 'En personne',
    },
    footerCustomer: (specialist) => `Vous recevez cet e-mail car vous avez réservé une séance avec ${specialist}.`,
    footerSpecialist: 'Vous recevez cet e-mail car vous proposez des séances avec Slotwise.',
    footerPackage: (specialist) => `Vous recevez cet e-mail car vous avez un forfait de séances avec ${specialist}.`,
    unsubscribe: 'Se désabonner',
    unsubscribeLine: (what) => `Vous ne souhaitez plus recevoir ${what} ? Se désabonner : `,
  },

  customerConfirmed: {
    subject: (service, when) => `Confirmé : ${service}, ${when}`,
    heading: 'Votre réservation est confirmée',
    intro: (service, specialist) => `Votre séance « ${service} » avec ${specialist} est confirmée.`,
  },
  customerPaymentReceived: {
    subject: (amount, service) => `Paiement reçu : ${amount} pour ${service}`,
    heading: 'Paiement reçu',
    intro: (amount, specialist) => `Nous avons bien reçu votre paiement de ${amount} pour votre séance avec ${specialist}. Merci.`,
    amount: 'Montant',
  },
  customerRescheduled: {
    subject: (service, when) => `Déplacé : ${service}, désormais ${when}`,
    heading: 'Votre séance a été déplacée',
    intro: (service, by, specialist) =>
      by === 'specialist' ? `${specialist} a déplacé votre séance « ${service} » à un nouvel horaire.` : `Votre séance « ${service} » avec ${specialist} a lieu à un nouvel horaire.`,
    previously: 'Auparavant',
  },
  customerCancelled: {
    subject: (service, when) => `Annulé : ${service}, ${when}`,
    heading: 'Votre séance est annulée',
    intro: (service, when, by, specialist) =>
      by === 'customer'
        ? `Votre séance « ${service} » du ${when} est annulée, comme vous l’avez demandé.`
        : by === 'specialist'
          ? `${specialist} a annulé votre séance « ${service} » du ${when}.`
          : `Votre séance « ${service} » du ${when} est annulée.`,
    reason: 'Motif',
    refund: (amount) => `Un remboursement de ${amount} est en cours vers votre moyen de paiement d’origine. Les banques l’affichent généralement sous 5 à 10 jours ouvrés.`,
    refundTest: (amount) => `Un remboursement de ${amount} est enregistré. C’est le mode test : aucun argent n’a été débité, rien n’arrive donc sur une carte.`,
    noRefund: 'Selon les conditions d’annulation de cette séance, aucun remboursement n’est dû.',
    creditReturned: 'Le crédit utilisé pour réserver a été restitué à votre forfait.',
    creditKept: 'Selon les conditions d’annulation de cette séance, le crédit utilisé pour réserver n’est pas restitué.',
    creditRevoked: 'Le crédit utilisé pour réserver ne revient pas : le forfait dont il venait a été remboursé.',
  },
  customerHoldExpired: {
    subject: (service) => `Non réservé : ${service}`,
    heading: 'Votre réservation n’a pas abouti',
    intro: (service, when) =>
      `Nous avons retenu le ${when} pour votre séance « ${service} », mais le paiement n’a pas abouti à temps ; le créneau a donc été libéré. Rien n’a été débité.`,
    again: 'Vous pouvez réserver à nouveau quand vous le souhaitez.',
  },
  customerLateRefund: {
    subject: (amount) => `Remboursement de ${amount} : le créneau n’était plus libre`,
    heading: 'Votre paiement est remboursé',
    intro: (amount, service, when) =>
      `Votre paiement pour « ${service} » du ${when} est arrivé après la fin de la réservation provisoire, et quelqu’un d’autre a réservé ce créneau entre-temps. Nous vous remboursons l’intégralité des ${amount} sur votre moyen de paiement d’origine.`,
    again: 'Vous pouvez réserver un autre horaire quand vous le souhaitez.',
  },
  customerReminder: {
    subject: (service, when) => `Rappel : ${service}, ${when}`,
    heading: 'Votre séance approche',
    intro: (service, specialist, relative) => `Votre séance « ${service} » avec ${specialist} commence ${relative}.`,
    what: 'des rappels comme celui-ci',
  },
  customerStarting: {
    subject: (service) => `Bientôt : ${service}`,
    heading: 'Votre séance commence bientôt',
    intro: (service, specialist, time) => `Votre séance « ${service} » avec ${specialist} commence à ${time}.`,
    joinHint: 'Utilisez le bouton ci-dessous pour rejoindre la séance. Le lien fonctionne jusqu’à la fin de la séance.',
    noLinkYet: 'Ouvrez votre page de réservation pour rejoindre la séance : le lien y apparaît dès que la réunion est prête.',
    what: 'des rappels comme celui-ci',
  },
  customerMeetingReady: {
    subject: (service) => `Votre lien vidéo pour ${service}`,
    heading: 'Votre lien vidéo est prêt',
    intro: (service, when) => `L’appel vidéo de votre séance « ${service} » du ${when} est prêt.`,
  },
  customerFollowUp: {
    subject: (specialist) => `Comment s’est passée votre séance avec ${specialist} ?`,
    heading: 'Merci pour votre séance',
    intro: (service, specialist) => `Nous espérons que votre séance « ${service} » avec ${specialist} s’est bien passée.`,
    ask: 'Voulez-vous nous dire comment elle s’est passée ? Cela prend une minute et aide d’autres personnes à choisir.',
    sharedNotes: (specialist) => `Les notes de ${specialist} sur votre séance :`,
    recording: 'Voir l’enregistrement',
    feedback: 'Évaluer votre séance',
    what: 'des demandes d’avis',
  },
  customerReviewAnswered: {
    subject: (specialist) => `${specialist} a répondu à votre avis`,
    heading: 'Votre avis a reçu une réponse',
    intro: (specialist, service, when) => `${specialist} a répondu à l’avis que vous avez laissé sur votre ${service} du ${when}.`,
    answer: (specialist) => `La réponse de ${specialist} :`,
    yourReview: 'Votre avis',
    rating: (stars) => `${stars} sur 5`,
    public: 'La réponse est publique, à côté de votre avis.',
    action: 'La voir sur votre page de réservation',
  },

  package: {
    package: 'Forfait',
    sessions: 'Séances',
    covers: 'Pour',
    validFor: 'Valable',
    days: (n) => (n === 1 ? '1 jour' : `${n} jours`),
    expires: 'Expiration des crédits',
    left: 'Crédits restants',
    paid: 'Payé',
    free: 'Gratuit',
    code: 'Votre code de crédits',
    credits: (n) => (n === 1 ? '1 crédit' : `${n} crédits`),
    howToBook: (specialist) =>
      `Réservez avec un crédit partout où ${specialist} prend des réservations : indiquez votre code de crédits lorsqu’il vous est demandé. Gardez-le pour vous : il permet de dépenser vos crédits.`,
    see: 'Voir vos crédits',
    book: 'Réserver avec un crédit',
  },
  customerPackagePurchased: {
    subject: (pkg) => `Votre forfait : ${pkg}`,
    heading: 'Votre forfait est prêt',
    intro: (pkg, specialist, paid) =>
      paid ? `Merci d’avoir acheté « ${pkg} » auprès de ${specialist}. Nous avons bien reçu votre paiement de ${paid}.` : `Vous avez obtenu « ${pkg} » auprès de ${specialist}.`,
    credits: (credits, expires) => `Vous disposez de ${credits} pour réserver des séances jusqu’au ${expires}.`,
  },
  customerCreditsExpiring: {
    subject: (credits, pkg, when) => `${credits} de ${pkg} expirent ${when}`,
    heading: 'Vos crédits expirent bientôt',
    intro: (credits, pkg, specialist, relative, expires) =>
      `${credits} de votre forfait « ${pkg} » avec ${specialist} peuvent encore être utilisés et expirent ${relative} : le ${expires}.`,
    use: 'Réservez vos séances d’ici là : les crédits expirés ne peuvent être ni utilisés ni remboursés.',
  },
  customerCreditsLow: {
    subject: (remaining, pkg) => (remaining === 0 ? `Plus aucun crédit : ${pkg}` : `Plus qu’un crédit : ${pkg}`),
    heading: (remaining) => (remaining === 0 ? 'Vous avez utilisé tous vos crédits' : 'Il vous reste un crédit'),
    intro: (remaining, pkg, specialist, expires) =>
      remaining === 0
        ? `Votre dernier crédit de « ${pkg} » avec ${specialist} est réservé.`
        : `Il reste un crédit à votre forfait « ${pkg} » avec ${specialist}, à utiliser avant le ${expires}.`,
    more: (specialist) => `Pour d’autres séances, achetez un nouveau forfait auprès de ${specialist}.`,
  },
  customerPackageRefunded: {
    subject: (amount, pkg) => `Remboursement de ${amount} : ${pkg}`,
    heading: 'Votre remboursement a été émis',
    intro: (specialist, amount, pkg) => `${specialist} vous a remboursé ${amount} sur votre forfait « ${pkg} ».`,
    removed: (n) => (n === 1 ? '1 crédit non utilisé a été retiré de votre forfait.' : `${n} crédits non utilisés ont été retirés de votre forfait.`),
    unchanged: 'Vos crédits restent inchangés.',
    booked: 'Les séances déjà réservées restent réservées.',
    arrives: 'Les remboursements arrivent généralement sur votre compte sous 5 à 10 jours ouvrés.',
    arrivesTest: 'C’est le mode test : aucun argent n’a été débité, rien n’arrive donc sur un compte.',
    refunded: 'Remboursé',
  },

  specialistNewBooking: {
    subject: (customer, when) => `Nouvelle réservation : ${customer}, ${when}`,
    heading: 'Nouvelle réservation',
    intro: (customer, service) => `${customer} a réservé « ${service} ».`,
    paid: (amount) => `Payé : ${amount}.`,
    credit: 'Payé avec un crédit de forfait.',
  },
  specialistRescheduled: {
    subject: (customer, when) => `Déplacé : ${customer}, désormais ${when}`,
    heading: 'Une séance a été déplacée',
    intro: (customer, service, by) =>
      by === 'specialist' ? `Vous avez déplacé la séance « ${service} » de ${customer} à un nouvel horaire.` : `${customer} a déplacé sa séance « ${service} » à un nouvel horaire.`,
    previously: 'Auparavant',
  },
  specialistCancelled: {
    subject: (customer, when) => `Annulé : ${customer}, ${when}`,
    heading: 'Une séance a été annulée',
    intro: (customer, service, when, by) =>
      by === 'specialist'
        ? `Vous avez annulé la séance « ${service} » de ${customer} du ${when}.`
        : by === 'customer'
          ? `${customer} a annulé sa séance « ${service} » du ${when}.`
          : `La séance « ${service} » de ${customer} du ${when} a été annulée.`,
    reason: 'Motif',
    refund: (amount) => `Le client est remboursé de ${amount} ; votre part et celle des frais de plateforme sont reprises au prorata.`,
    noRefund: 'Selon vos conditions d’annulation, aucun remboursement n’est dû.',
    freed: 'Le créneau n’est plus retenu pour cette réservation : d’autres peuvent le réserver s’il reste dans vos horaires.',
  },
  specialistReminder: {
    subject: (customer, when) => `Rappel : ${customer}, ${when}`,
    heading: 'Une séance approche',
    intro: (customer, service, relative) => `Votre séance « ${service} » avec ${customer} commence ${relative}.`,
    what: 'des rappels de séance',
  },
  specialistRefund: {
    subject: (amount, customer) => `Remboursement effectué : ${amount} à ${customer}`,
    heading: 'Un remboursement a été effectué',
    intro: (amount, customer, service, when) => `${amount} sont remboursés à ${customer} pour « ${service} » du ${when}.`,
    latePayment:
      'Son paiement est arrivé après l’expiration de la réservation provisoire, alors que le créneau avait été réservé par quelqu’un d’autre ; il est donc intégralement restitué. Rien ne vous est versé pour celui-ci.',
  },
  specialistAgenda: {
    subject: (count, date) => `Aujourd’hui, ${date} : ${count} ${count === 1 ? 'séance' : 'séances'}`,
    heading: (date) => `Vos séances du ${date}`,
    intro: (count) => (count === 1 ? 'Vous avez une séance aujourd’hui.' : `Vous avez ${count} séances aujourd’hui.`),
    line: (time, customer, service) => `${time} — ${customer}, ${service}`,
    what: 'l’agenda du jour',
  },

  account: {
    hours: (n) => (n === 1 ? '1 heure' : `${n} heures`),
    footer: (brand) => `Vous recevez cet e-mail en raison de votre compte ${brand}. Nous ne vous demandons jamais votre mot de passe par e-mail.`,
  },
  customerAccessLink: {
    subject: (specialist) => `Vos réservations avec ${specialist}`,
    heading: 'Vos réservations',
    intro: (specialist, email) => `Quelqu’un – vous, nous l’espérons – a demandé à voir les réservations de ${email} avec ${specialist}.`,
    once: (minutes) => `Le lien fonctionne une seule fois, dans les ${minutes} minutes, et ouvre vos réservations pendant une heure ; seul le lien le plus récent fonctionne.`,
    notYou: 'Si vous n’avez rien demandé, ignorez cet e-mail : personne ne peut voir vos réservations sans ce lien.',
    action: 'Voir mes réservations',
    footer: (specialist) => `Vous recevez cet e-mail parce que cette adresse a demandé ses réservations avec ${specialist}.`,
  },
  accountSuspended: {
    subject: (brand) => `Votre page ${brand} ne prend plus de réservations`,
    heading: 'Votre page ne prend plus de réservations',
    intro: (brand) => `Un opérateur de ${brand} a suspendu votre page : jusqu’à sa réactivation, les clients ne peuvent ni réserver de nouvelles séances ni acheter de forfaits, et votre page de réservation indique que vous ne prenez pas de réservations pour le moment (jamais pourquoi).`,
    kept: 'Les réservations déjà faites restent telles quelles, avec leurs paiements, et vous pouvez toujours vous connecter à votre console.',
    reason: 'Motif',
    action: 'Ouvrir votre console',
  },
  accountReactivated: {
    subject: (brand) => `Votre page ${brand} prend de nouveau des réservations`,
    heading: 'Votre page prend de nouveau des réservations',
    intro: (brand) => `Un opérateur de ${brand} a réactivé votre page : les clients peuvent de nouveau réserver vos séances et acheter vos forfaits.`,
    action: 'Ouvrir votre console',
  },
  accountPasswordReset: {
    subject: (brand) => `Choisissez un nouveau mot de passe ${brand}`,
    heading: 'Choisissez un nouveau mot de passe',
    intro: (brand, email) => `Quelqu’un — vous, espérons-le — a demandé à réinitialiser le mot de passe du compte ${brand} ${email}.`,
    once: (valid) => `Le lien fonctionne une seule fois, pendant ${valid} ; seul le lien le plus récent est valable. Choisir un nouveau mot de passe vous déconnecte partout ailleurs.`,
    notYou: 'Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé.',
    action: 'Choisir un nouveau mot de passe',
  },
  accountEmailVerification: {
    subject: (brand) => `Confirmez votre adresse e-mail pour ${brand}`,
    heading: 'Confirmez votre adresse e-mail',
    intro: (brand, email) => `Veuillez confirmer que ${email} vous appartient : c’est l’identifiant de votre nouveau compte ${brand}.`,
    why: 'Tant qu’elle n’est pas confirmée, vos services gratuits peuvent être réservés, mais pas les payants : les clients ne paient que des spécialistes que nous pouvons joindre.',
    once: (valid) => `Le lien fonctionne une seule fois, pendant ${valid}. Vous pouvez en envoyer un nouveau depuis votre console.`,
    notYou: 'Si vous ne vous êtes pas inscrit, ignorez cet e-mail : rien ne se passe sans confirmation.',
    action: 'Confirmer mon adresse e-mail',
  },

  relative: {
    inDays: (days) => (days <= 1 ? 'dans environ un jour' : `dans ${days} jours`),
    inHours: (hours) =>
      hours === 1 ? 'dans environ une heure' : hours % 24 === 0 && hours >= 48 ? `dans ${hours / 24} jours` : hours === 24 ? 'dans environ un jour' : `dans environ ${hours} heures`,
  },

  unsubscribePage: {
    title: 'Se désabonner',
    ask: (what, from) => `Ne plus recevoir ${what} de ${from} ?`,
    confirm: 'Se désabonner',
    everything: (from) => `Ne plus recevoir aucun e-mail de ${from} qui ne concerne pas une modification de réservation`,
    done: (what, from) => `C’est fait : vous ne recevrez plus ${what} de ${from}.`,
    doneAll: (from) => `C’est fait : vous ne recevrez plus de ${from} que les e-mails concernant des modifications de vos réservations.`,
    transactional: 'Les confirmations, modifications et annulations de vos réservations restent envoyées : elles font partie de la réservation.',
    invalid: 'Ce lien de désabonnement n’est pas valide. Veuillez utiliser le lien du dernier e-mail reçu.',
    kinds: { reminder: 'les rappels', feedback: 'les e-mails sur les avis', agenda: 'l’agenda du jour', credits: 'les rappels sur vos crédits de forfait', '*': 'les e-mails facultatifs' },
  },
};

import type { PageWords } from './en.js';

/** The customer's pages in Portuguese (você, Brazilian). Keys: `en.ts`. */
export const pt: PageWords = {
  receipt: {
    title: (id) => `Recibo ${id}`,
    heading: 'Recibo',
    number: (id, paid) => `Recibo nº ${id} · pago em ${paid}`,
    paidTo: 'Pago a',
    amountPaid: 'Valor pago',
    refund: (status) => `Reembolso (${{ pending: 'pendente', succeeded: 'concluído', failed: 'falhou' }[status]})`,
    total: 'Total',
    footer: (booking) => `Reserva ${booking}. Os pagamentos são processados pela Stripe.`,
    testMode: 'MODO DE TESTE: nenhum dinheiro foi movimentado.',
  },
  credits: {
    title: (specialist) => `Seus créditos com ${specialist}`,
    toSpend: (credits) => `${credits} para usar`,
    none: 'Nenhum crédito restante para usar',
    expired: (when) => `expirou em ${when}`,
    left: (credits, when) => `${credits} restante(s), até ${when}`,
    howTo: (specialist) => `Para reservar com um crédito, informe seu código de créditos onde ${specialist} aceita reservas:`,
    keep: 'Guarde o endereço desta página só para você: ele mostra seu código, e o código gasta seus créditos. Créditos expirados não podem ser usados.',
  },
  booking: {
    title: (name) => `${name} — reserve uma sessão`,
    description: (name) => `Reserve uma sessão com ${name}.`,
    sessions: 'Sessões',
    minutes: (n) => `${n} min`,
    free: 'Gratuito',
    noSessions: (name) => `${name} não tem sessões abertas para reserva no momento.`,
    bookTime: 'Reservar um horário',
    zoneNote: 'Os horários livres aparecem no seu próprio fuso horário.',
    noScript: 'Para reservar é preciso JavaScript: ative-o nesta página para ver os horários livres e reservar.',
    notAccepting: (name) => `${name} não está aceitando reservas no momento.`,
    missingTitle: 'Página não encontrada — Slotwise',
    reviews: 'Avaliações',
    rating: (average, count) => `${average} de 5 · ${count === 1 ? '1 avaliação' : `${count} avaliações`}`,
    stars: (n) => `${n} de 5`,
    response: (name) => `Resposta de ${name}:`,
    missingHeading: 'Não há página de reservas aqui',
    missing: (handle) => `Nenhum especialista usa o endereço “${handle}”. Confira o link que você recebeu ou peça ao especialista a página de reservas.`,
  },
};

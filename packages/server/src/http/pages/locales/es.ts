import type { PageWords } from './en.js';

/** The customer's pages in Spanish (usted). Keys: `en.ts`. */
export const es: PageWords = {
  receipt: {
    title: (id) => `Recibo ${id}`,
    heading: 'Recibo',
    number: (id, paid) => `Recibo n.º ${id} · pagado el ${paid}`,
    paidTo: 'Pagado a',
    amountPaid: 'Importe pagado',
    refund: (status) => `Reembolso (${{ pending: 'pendiente', succeeded: 'realizado', failed: 'fallido' }[status]})`,
    total: 'Total',
    footer: (booking) => `Reserva ${booking}. Los pagos los procesa Stripe.`,
    testMode: 'MODO DE PRUEBA: no se movió dinero.',
  },
  credits: {
    title: (specialist) => `Sus créditos con ${specialist}`,
    toSpend: (credits) => `${credits} por usar`,
    none: 'No le quedan créditos por usar',
    expired: (when) => `caducó el ${when}`,
    left: (credits, when) => `quedan ${credits}, hasta el ${when}`,
    howTo: (specialist) => `Para reservar con un crédito, indique su código de créditos donde ${specialist} acepta reservas:`,
    keep: 'No comparta la dirección de esta página: muestra su código, y el código gasta sus créditos. Los créditos caducados no se pueden usar.',
  },
  booking: {
    title: (name) => `${name}: reserve una sesión`,
    description: (name) => `Reserve una sesión con ${name}.`,
    sessions: 'Sesiones',
    minutes: (n) => `${n} min`,
    free: 'Gratis',
    noSessions: (name) => `${name} no tiene sesiones abiertas a reservas en este momento.`,
    bookTime: 'Reservar una hora',
    zoneNote: 'Las horas libres se muestran en su propia zona horaria.',
    noScript: 'Para reservar se necesita JavaScript: actívelo en esta página para ver las horas libres y reservar.',
    notAccepting: (name) => `${name} no acepta reservas en este momento.`,
    missingTitle: 'Página no encontrada — Slotwise',
    reviews: 'Reseñas',
    rating: (average, count) => `${average} de 5 · ${count === 1 ? '1 reseña' : `${count} reseñas`}`,
    stars: (n) => `${n} de 5`,
    response: (name) => `Respuesta de ${name}:`,
    missingHeading: 'Aquí no hay ninguna página de reservas',
    missing: (handle) => `Ningún especialista usa la dirección «${handle}». Revise el enlace que recibió o pida al especialista su página de reservas.`,
  },
};

import type { Strings } from './en.js';

/** Every word of every email, in Spanish (usted). Shape and meaning: `en.ts`. */
export const es: Strings = {
  common: {
    greeting: (name) => `Hola, ${name}:`,
    session: 'Sesión',
    with: 'Con',
    customer: 'Cliente',
    when: 'Cuándo',
    where: 'Dónde',
    duration: 'Duración',
    minutes: (n) => `${n} minutos`,
    timesIn: (zone) => `Los horarios están en ${zone}.`,
    notes: 'Su nota',
    manage: 'Ver o cambiar su reserva',
    view: 'Ver su reserva',
    addToCalendar: 'Descargar el archivo de calendario',
    join: 'Unirse a la sesión',
    receipt: 'Ver su recibo',
    promoCode: 'Código promocional',
    promoOff: (code, off) => `${code} (${off} de descuento)`,
    invite: 'La invitación adjunta añade la sesión a su calendario y la mantiene actualizada.',
    cancelInvite: 'La cancelación adjunta la quita de su calendario.',
    place: {
      video: 'Videollamada',
      videoLink: (url) => `Videollamada: ${url}`,
      videoLater: (minutes: number) => `Videollamada: el enlace está en su página de reserva desde ${minutes} minutos antes del inicio.`,
      link: (url) => `En línea: ${url}`,
      phone: (detail) => `Por teléfono: ${detail}`,
      phoneUnknown: 'Por teléfono',
      inPerson: (detail) => `En persona: ${detail}`,
      inPersonUnknown: 'En persona',
    },
    footerCustomer: (specialist) => `Recibe este correo porque reservó una sesión con ${specialist}.`,
    footerSpecialist: 'Recibe este correo porque ofrece sesiones con Slotwise.',
    footerPackage: (specialist) => `Recibe este correo porque tiene un paquete de sesiones con ${specialist}.`,
    unsubscribe: 'Darse de baja',
    unsubscribeLine: (what) => `¿No desea recibir ${what}? Darse de baja: `,
  },

  customerConfirmed: {
    subject: (service, when) => `Confirmada: ${service}, ${when}`,
    heading: 'Su reserva está confirmada',
    intro: (service, specialist) => `Su sesión «${service}» con ${specialist} está confirmada.`,
  },
  customerPaymentReceived: {
    subject: (amount, service) => `Pago recibido: ${amount} por ${service}`,
    heading: 'Pago recibido',
    intro: (amount, specialist) => `Hemos recibido su pago de ${amount} por su sesión con ${specialist}. Gracias.`,
    amount: 'Importe',
  },
  customerRescheduled: {
    subject: (service, when) => `Cambio de hora: ${service}, ahora ${when}`,
    heading: 'Su sesión ha cambiado de hora',
    intro: (service, by, specialist) =>
      by === 'specialist' ? `${specialist} ha cambiado su sesión «${service}» a una nueva hora.` : `Su sesión «${service}» con ${specialist} es ahora a una nueva hora.`,
    previously: 'Antes',
  },
  customerCancelled: {
    subject: (service, when) => `Cancelada: ${service}, ${when}`,
    heading: 'Su sesión está cancelada',
    intro: (service, when, by, specialist) =>
      by === 'customer'
        ? `Su sesión «${service}» del ${when} está cancelada, tal como pidió.`
        : by === 'specialist'
          ? `${specialist} ha cancelado su sesión «${service}» del ${when}.`
          : `Su sesión «${service}» del ${when} está cancelada.`,
    reason: 'Motivo',
    refund: (amount) => `Un reembolso de ${amount} está en camino a su método de pago original. Los bancos suelen mostrarlo en un plazo de 5 a 10 días hábiles.`,
    refundTest: (amount) => `Se ha registrado un reembolso de ${amount}. Esto es el modo de prueba: no se movió dinero, así que nada llega a ninguna tarjeta.`,
    noRefund: 'Según la política de cancelación de esta sesión, no corresponde ningún reembolso.',
    creditReturned: 'El crédito con el que reservó ha vuelto a su paquete.',
    creditKept: 'Según la política de cancelación de esta sesión, el crédito con el que reservó no se devuelve.',
    creditRevoked: 'El crédito con el que reservó no se devuelve: el paquete del que venía fue reembolsado.',
  },
  customerHoldExpired: {
    subject: (service) => `No reservada: ${service}`,
    heading: 'Su reserva no se completó',
    intro: (service, when) =>
      `Le guardamos ${when} para su sesión «${service}», pero el pago no se completó a tiempo, así que el horario se liberó. No se ha cobrado nada.`,
    again: 'Puede volver a reservar cuando quiera.',
  },
  customerLateRefund: {
    subject: (amount) => `Reembolso de ${amount}: el horario ya no estaba libre`,
    heading: 'Le estamos reembolsando su pago',
    intro: (amount, service, when) =>
      `Su pago por «${service}» del ${when} llegó después de que dejáramos de reservarle el horario, y otra persona lo reservó mientras tanto. Le reembolsamos los ${amount} completos a su método de pago original.`,
    again: 'Puede reservar otro horario cuando quiera.',
  },
  customerReminder: {
    subject: (service, when) => `Recordatorio: ${service}, ${when}`,
    heading: 'Su sesión se acerca',
    intro: (service, specialist, relative) => `Su sesión «${service}» con ${specialist} empieza ${relative}.`,
    what: 'recordatorios como este',
  },
  customerStarting: {
    subject: (service) => `Empieza pronto: ${service}`,
    heading: 'Su sesión empieza pronto',
    intro: (service, specialist, time) => `Su sesión «${service}» con ${specialist} empieza a las ${time}.`,
    joinHint: 'Use el botón de abajo para unirse. El enlace funciona hasta que termine la sesión.',
    noLinkYet: 'Abra su página de reserva para unirse: el enlace aparecerá allí en cuanto la reunión esté lista.',
    what: 'recordatorios como este',
  },
  customerMeetingReady: {
    subject: (service) => `Su enlace de vídeo para ${service}`,
    heading: 'Su enlace de vídeo está listo',
    intro: (service, when) => `La videollamada de su sesión «${service}» del ${when} está lista.`,
  },
  customerFollowUp: {
    subject: (specialist) => `¿Qué tal su sesión con ${specialist}?`,
    heading: 'Gracias por su sesión',
    intro: (service, specialist) => `Esperamos que su sesión «${service}» con ${specialist} haya ido bien.`,
    ask: '¿Nos cuenta qué tal fue? Solo le llevará un minuto y ayuda a otras personas a elegir.',
    sharedNotes: (specialist) => `Notas de ${specialist} sobre su sesión:`,
    recording: 'Ver la grabación',
    feedback: 'Reseñar su sesión',
    what: 'correos que piden su opinión',
  },
  customerReviewAnswered: {
    subject: (specialist) => `${specialist} respondió a su opinión`,
    heading: 'Su opinión tiene una respuesta',
    intro: (specialist, service, when) => `${specialist} respondió a la opinión que escribió sobre su ${service} del ${when}.`,
    answer: (specialist) => `La respuesta de ${specialist}:`,
    yourReview: 'Su opinión',
    rating: (stars) => `${stars} de 5`,
    public: 'La respuesta es pública, junto a su opinión.',
    action: 'Verla en su página de reserva',
  },

  package: {
    package: 'Paquete',
    sessions: 'Sesiones',
    covers: 'Para',
    validFor: 'Válido durante',
    days: (n) => (n === 1 ? '1 día' : `${n} días`),
    expires: 'Los créditos caducan',
    left: 'Créditos restantes',
    paid: 'Pagado',
    free: 'Gratis',
    code: 'Su código de créditos',
    credits: (n) => (n === 1 ? '1 crédito' : `${n} créditos`),
    howToBook: (specialist) =>
      `Reserve con un crédito dondequiera que ${specialist} acepte reservas: indique su código de créditos cuando se le pida. No lo comparta: sirve para gastar sus créditos.`,
    see: 'Ver sus créditos',
    book: 'Reservar con un crédito',
  },
  customerPackagePurchased: {
    subject: (pkg) => `Su paquete: ${pkg}`,
    heading: 'Su paquete está listo',
    intro: (pkg, specialist, paid) =>
      paid ? `Gracias por comprar «${pkg}» a ${specialist}. Hemos recibido su pago de ${paid}.` : `Ha obtenido «${pkg}» de ${specialist}.`,
    credits: (credits, expires) => `Tiene ${credits} para reservar sesiones hasta el ${expires}.`,
  },
  customerCreditsExpiring: {
    subject: (credits, pkg, when) => `${credits} de ${pkg} caducan ${when}`,
    heading: 'Sus créditos caducan pronto',
    intro: (credits, pkg, specialist, relative, expires) =>
      `${credits} de su paquete «${pkg}» con ${specialist} aún se pueden usar y caducan ${relative}: el ${expires}.`,
    use: 'Reserve sus sesiones antes de esa fecha: los créditos caducados no se pueden usar ni reembolsar.',
  },
  customerCreditsLow: {
    subject: (remaining, pkg) => (remaining === 0 ? `Sin créditos: ${pkg}` : `Queda 1 crédito: ${pkg}`),
    heading: (remaining) => (remaining === 0 ? 'Ha usado todos sus créditos' : 'Le queda un crédito'),
    intro: (remaining, pkg, specialist, expires) =>
      remaining === 0 ? `Su último crédito de «${pkg}» con ${specialist} está reservado.` : `A su paquete «${pkg}» con ${specialist} le queda un crédito, para usar hasta el ${expires}.`,
    more: (specialist) => `Para más sesiones, compre otro paquete a ${specialist}.`,
  },
  customerPackageRefunded: {
    subject: (amount, pkg) => `Reembolso de ${amount}: ${pkg}`,
    heading: 'Tu reembolso se ha emitido',
    intro: (specialist, amount, pkg) => `${specialist} te ha reembolsado ${amount} de tu paquete «${pkg}».`,
    removed: (n) => (n === 1 ? 'Se retiró de tu paquete 1 crédito sin usar.' : `Se retiraron de tu paquete ${n} créditos sin usar.`),
    unchanged: 'Tus créditos no cambian.',
    booked: 'Las sesiones que ya reservaste siguen reservadas.',
    arrives: 'Los reembolsos suelen llegar a tu cuenta en un plazo de 5 a 10 días hábiles.',
    arrivesTest: 'Esto es el modo de prueba: no se movió dinero, así que nada llega a ninguna cuenta.',
    refunded: 'Reembolsado',
  },

  specialistNewBooking: {
    subject: (customer, when) => `Nueva reserva: ${customer}, ${when}`,
    heading: 'Nueva reserva',
    intro: (customer, service) => `${customer} ha reservado «${service}».`,
    paid: (amount) => `Pagado: ${amount}.`,
    credit: 'Pagado con un crédito de paquete.',
  },
  specialistRescheduled: {
    subject: (customer, when) => `Cambio de hora: ${customer}, ahora ${when}`,
    heading: 'Una sesión ha cambiado de hora',
    intro: (customer, service, by) =>
      by === 'specialist' ? `Ha cambiado la sesión «${service}» de ${customer} a una nueva hora.` : `${customer} ha cambiado su sesión «${service}» a una nueva hora.`,
    previously: 'Antes',
  },
  specialistCancelled: {
    subject: (customer, when) => `Cancelada: ${customer}, ${when}`,
    heading: 'Se ha cancelado una sesión',
    intro: (customer, service, when, by) =>
      by === 'specialist'
        ? `Ha cancelado la sesión «${service}» de ${customer} del ${when}.`
        : by === 'customer'
          ? `${customer} ha cancelado su sesión «${service}» del ${when}.`
          : `Se ha cancelado la sesión «${service}» de ${customer} del ${when}.`,
    reason: 'Motivo',
    refund: (amount) => `Al cliente se le reembolsan ${amount}; su parte y la de la comisión de la plataforma se revierten en proporción.`,
    noRefund: 'Según su política de cancelación, no corresponde ningún reembolso.',
    freed: 'El horario ya no está reservado para esta cita: otros pueden reservarlo si sigue dentro de su horario.',
  },
  specialistReminder: {
    subject: (customer, when) => `Recordatorio: ${customer}, ${when}`,
    heading: 'Se acerca una sesión',
    intro: (customer, service, relative) => `Su sesión «${service}» con ${customer} empieza ${relative}.`,
    what: 'recordatorios de sesiones',
  },
  specialistRefund: {
    subject: (amount, customer) => `Reembolso emitido: ${amount} a ${customer}`,
    heading: 'Se ha emitido un reembolso',
    intro: (amount, customer, service, when) => `Se están reembolsando ${amount} a ${customer} por «${service}» del ${when}.`,
    latePayment:
      'Su pago llegó después de que caducara la reserva provisional y otra persona hubiera reservado el horario, así que se devuelve íntegro. No se le abona nada por él.',
  },
  specialistAgenda: {
    subject: (count, date) => `Hoy, ${date}: ${count} ${count === 1 ? 'sesión' : 'sesiones'}`,
    heading: (date) => `Sus sesiones del ${date}`,
    intro: (count) => (count === 1 ? 'Hoy tiene una sesión.' : `Hoy tiene ${count} sesiones.`),
    line: (time, customer, service) => `${time} — ${customer}, ${service}`,
    what: 'la agenda diaria',
  },

  account: {
    hours: (n) => (n === 1 ? '1 hora' : `${n} horas`),
    footer: (brand) => `Recibe este correo por su cuenta de ${brand}. Nunca le pediremos su contraseña por correo.`,
  },
  customerAccessLink: {
    subject: (specialist) => `Sus reservas con ${specialist}`,
    heading: 'Sus reservas',
    intro: (specialist, email) => `Alguien (esperamos que usted) ha pedido ver las reservas de ${email} con ${specialist}.`,
    once: (minutes) => `El enlace funciona una sola vez, en los próximos ${minutes} minutos, y abre sus reservas durante una hora; solo funciona el enlace más reciente.`,
    notYou: 'Si usted no lo ha pedido, ignore este correo: nadie puede ver sus reservas sin este enlace.',
    action: 'Ver mis reservas',
    footer: (specialist) => `Recibe este correo porque esta dirección pidió ver sus reservas con ${specialist}.`,
  },
  accountSuspended: {
    subject: (brand) => `Su página de ${brand} no acepta reservas`,
    heading: 'Su página no acepta reservas',
    intro: (brand) => `Un operador de ${brand} suspendió su página: hasta que se reactive, los clientes no pueden reservar sesiones nuevas ni comprar paquetes, y su página de reservas dice que ahora no acepta reservas (nunca el motivo).`,
    kept: 'Las reservas ya hechas siguen igual, con sus pagos, y puede seguir entrando en su consola.',
    reason: 'Motivo',
    action: 'Abrir su consola',
  },
  accountReactivated: {
    subject: (brand) => `Su página de ${brand} vuelve a aceptar reservas`,
    heading: 'Su página vuelve a aceptar reservas',
    intro: (brand) => `Un operador de ${brand} reactivó su página: los clientes pueden volver a reservar sus sesiones y comprar sus paquetes.`,
    action: 'Abrir su consola',
  },
  accountPasswordReset: {
    subject: (brand) => `Elija una nueva contraseña de ${brand}`,
    heading: 'Elija una nueva contraseña',
    intro: (brand, email) => `Alguien —esperamos que usted— ha pedido restablecer la contraseña de la cuenta de ${brand} ${email}.`,
    once: (valid) => `El enlace funciona una vez, durante ${valid}; solo vale el enlace más reciente. Al elegir una nueva contraseña se cerrará su sesión en todos los demás sitios.`,
    notYou: 'Si no lo ha pedido usted, ignore este correo: su contraseña sigue igual.',
    action: 'Elegir una nueva contraseña',
  },
  accountEmailVerification: {
    subject: (brand) => `Confirme su correo para ${brand}`,
    heading: 'Confirme su correo',
    intro: (brand, email) => `Confirme que ${email} es suyo: es el acceso de su nueva cuenta de ${brand}.`,
    why: 'Hasta que lo confirme, se pueden reservar sus servicios gratuitos, pero no los de pago: los clientes solo pagan a especialistas con quienes podemos contactar.',
    once: (valid) => `El enlace funciona una vez, durante ${valid}. Puede enviar uno nuevo desde su consola.`,
    notYou: 'Si no se ha registrado, ignore este correo: sin la confirmación no ocurre nada.',
    action: 'Confirmar mi correo',
  },

  relative: {
    inDays: (days) => (days <= 1 ? 'en aproximadamente un día' : `en ${days} días`),
    inHours: (hours) =>
      hours === 1 ? 'en aproximadamente una hora' : hours % 24 === 0 && hours >= 48 ? `en ${hours / 24} días` : hours === 24 ? 'en aproximadamente un día' : `en aproximadamente ${hours} horas`,
  },

  unsubscribePage: {
    title: 'Darse de baja',
    ask: (what, from) => `¿Dejar de recibir ${what} de ${from}?`,
    confirm: 'Darse de baja',
    everything: (from) => `Dejar de recibir todos los correos de ${from} que no traten de un cambio en una reserva`,
    done: (what, from) => `Hecho: ya no recibirá ${what} de ${from}.`,
    doneAll: (from) => `Hecho: de ${from} solo recibirá correos sobre cambios en sus reservas.`,
    transactional: 'Las confirmaciones, cambios y cancelaciones de sus reservas se siguen enviando: forman parte de la reserva.',
    invalid: 'Este enlace para darse de baja no es válido. Use el enlace del correo más reciente.',
    kinds: { reminder: 'recordatorios', feedback: 'correos sobre opiniones', agenda: 'la agenda diaria', credits: 'recordatorios sobre sus créditos del paquete', '*': 'correos opcionales' },
  },
};

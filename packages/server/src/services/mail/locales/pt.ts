import type { Strings } from './en.js';

/** Every word of every email, in Portuguese (você). Shape and meaning: `en.ts`. */
export const pt: Strings = {
  common: {
    greeting: (name) => `Olá, ${name},`,
    session: 'Sessão',
    with: 'Com',
    customer: 'Cliente',
    when: 'Quando',
    where: 'Onde',
    duration: 'Duração',
    minutes: (n) => `${n} minutos`,
    timesIn: (zone) => `Os horários estão em ${zone}.`,
    notes: 'Observação',
    manage: 'Ver ou alterar sua reserva',
    view: 'Ver sua reserva',
    addToCalendar: 'Baixar o arquivo de calendário',
    join: 'Entrar na sessão',
    receipt: 'Ver seu recibo',
    promoCode: 'Código promocional',
    promoOff: (code, off) => `${code} (${off} de desconto)`,
    invite: 'O convite anexo adiciona a sessão ao seu calendário e a mantém atualizada.',
    cancelInvite: 'O cancelamento anexo remove a sessão do seu calendário.',
    place: {
      video: 'Chamada de vídeo',
      videoLink: (url) => `Chamada de vídeo: ${url}`,
      videoLater: (minutes: number) => `Chamada de vídeo — o link fica na sua página de reserva a partir de ${minutes} minutos antes do início.`,
      link: (url) => `On-line: ${url}`,
      phone: (detail) => `Por telefone: ${detail}`,
      phoneUnknown: 'Por telefone',
      inPerson: (detail) => `Presencial: ${detail}`,
      inPersonUnknown: 'Presencial',
    },
    footerCustomer: (specialist) => `Você recebe este e-mail porque reservou uma sessão com ${specialist}.`,
    footerSpecialist: 'Você recebe este e-mail porque oferece sessões pelo Slotwise.',
    footerPackage: (specialist) => `Você recebe este e-mail porque tem um pacote de sessões com ${specialist}.`,
    unsubscribe: 'Cancelar inscrição',
    unsubscribeLine: (what) => `Não quer mais receber ${what}? Cancele a inscrição: `,
  },

  customerConfirmed: {
    subject: (service, when) => `Confirmada: ${service}, ${when}`,
    heading: 'Sua reserva está confirmada',
    intro: (service, specialist) => `Sua sessão "${service}" com ${specialist} está confirmada.`,
  },
  customerPaymentReceived: {
    subject: (amount, service) => `Pagamento recebido: ${amount} por ${service}`,
    heading: 'Pagamento recebido',
    intro: (amount, specialist) => `Recebemos seu pagamento de ${amount} pela sua sessão com ${specialist}. Obrigado.`,
    amount: 'Valor',
  },
  customerRescheduled: {
    subject: (service, when) => `Remarcada: ${service}, agora ${when}`,
    heading: 'Sua sessão foi remarcada',
    intro: (service, by, specialist) =>
      by === 'specialist' ? `${specialist} remarcou sua sessão "${service}" para um novo horário.` : `Sua sessão "${service}" com ${specialist} agora está em um novo horário.`,
    previously: 'Antes',
  },
  customerCancelled: {
    subject: (service, when) => `Cancelada: ${service}, ${when}`,
    heading: 'Sua sessão foi cancelada',
    intro: (service, when, by, specialist) =>
      by === 'customer'
        ? `Sua sessão "${service}" de ${when} foi cancelada, como você pediu.`
        : by === 'specialist'
          ? `${specialist} cancelou sua sessão "${service}" de ${when}.`
          : `Sua sessão "${service}" de ${when} foi cancelada.`,
    reason: 'Motivo',
    refund: (amount) => `Um reembolso de ${amount} está a caminho do seu meio de pagamento original. Os bancos costumam mostrá-lo em 5 a 10 dias úteis.`,
    refundTest: (amount) => `Um reembolso de ${amount} foi registrado. Este é o modo de teste: nenhum dinheiro foi movimentado, então nada chega a um cartão.`,
    noRefund: 'Pela política de cancelamento desta sessão, não há reembolso.',
    creditReturned: 'O crédito usado na reserva voltou para o seu pacote.',
    creditKept: 'Pela política de cancelamento desta sessão, o crédito usado na reserva não é devolvido.',
    creditRevoked: 'O crédito usado no agendamento não volta: o pacote de onde ele veio foi reembolsado.',
  },
  customerHoldExpired: {
    subject: (service) => `Não reservada: ${service}`,
    heading: 'Sua reserva não foi concluída',
    intro: (service, when) =>
      `Guardamos ${when} para sua sessão "${service}", mas o pagamento não foi concluído a tempo, então o horário foi liberado. Nada foi cobrado.`,
    again: 'Você pode reservar novamente quando quiser.',
  },
  customerLateRefund: {
    subject: (amount) => `Reembolso de ${amount}: o horário não estava mais livre`,
    heading: 'Seu pagamento está sendo reembolsado',
    intro: (amount, service, when) =>
      `Seu pagamento por "${service}" de ${when} chegou depois que paramos de reservar o horário, e outra pessoa o reservou nesse meio-tempo. Estamos reembolsando o valor total de ${amount} no seu meio de pagamento original.`,
    again: 'Você pode reservar outro horário quando quiser.',
  },
  customerReminder: {
    subject: (service, when) => `Lembrete: ${service}, ${when}`,
    heading: 'Sua sessão está chegando',
    intro: (service, specialist, relative) => `Sua sessão "${service}" com ${specialist} começa ${relative}.`,
    what: 'lembretes como este',
  },
  customerStarting: {
    subject: (service) => `Começa em breve: ${service}`,
    heading: 'Sua sessão começa em breve',
    intro: (service, specialist, time) => `Sua sessão "${service}" com ${specialist} começa às ${time}.`,
    joinHint: 'Use o botão abaixo para entrar. O link funciona até o fim da sessão.',
    noLinkYet: 'Abra sua página de reserva para entrar: o link aparece lá assim que a reunião estiver pronta.',
    what: 'lembretes como este',
  },
  customerMeetingReady: {
    subject: (service) => `Seu link de vídeo para ${service}`,
    heading: 'Seu link de vídeo está pronto',
    intro: (service, when) => `A chamada de vídeo da sua sessão "${service}" de ${when} está pronta.`,
  },
  customerFollowUp: {
    subject: (specialist) => `Como foi sua sessão com ${specialist}?`,
    heading: 'Obrigado pela sua sessão',
    intro: (service, specialist) => `Esperamos que sua sessão "${service}" com ${specialist} tenha sido boa.`,
    ask: 'Pode nos contar como foi? Leva um minuto e ajuda outras pessoas a escolher.',
    sharedNotes: (specialist) => `Anotações de ${specialist} sobre sua sessão:`,
    recording: 'Ver a gravação',
    feedback: 'Avaliar sua sessão',
    what: 'e-mails pedindo sua opinião',
  },
  customerReviewAnswered: {
    subject: (specialist) => `${specialist} respondeu à sua avaliação`,
    heading: 'A sua avaliação tem uma resposta',
    intro: (specialist, service, when) => `${specialist} respondeu à avaliação que escreveu sobre a sua ${service} de ${when}.`,
    answer: (specialist) => `A resposta de ${specialist}:`,
    yourReview: 'A sua avaliação',
    rating: (stars) => `${stars} de 5`,
    public: 'A resposta é pública, ao lado da sua avaliação.',
    action: 'Ver na sua página de reserva',
  },

  package: {
    package: 'Pacote',
    sessions: 'Sessões',
    covers: 'Para',
    validFor: 'Válido por',
    days: (n) => (n === 1 ? '1 dia' : `${n} dias`),
    expires: 'Os créditos expiram',
    left: 'Créditos restantes',
    paid: 'Pago',
    free: 'Gratuito',
    code: 'Seu código de créditos',
    credits: (n) => (n === 1 ? '1 crédito' : `${n} créditos`),
    howToBook: (specialist) =>
      `Reserve com um crédito onde quer que ${specialist} aceite reservas: informe seu código de créditos quando for pedido. Guarde-o só para você: ele gasta seus créditos.`,
    see: 'Ver seus créditos',
    book: 'Agendar com um crédito',
  },
  customerPackagePurchased: {
    subject: (pkg) => `Seu pacote: ${pkg}`,
    heading: 'Seu pacote está pronto',
    intro: (pkg, specialist, paid) =>
      paid ? `Obrigado por comprar "${pkg}" de ${specialist}. Recebemos seu pagamento de ${paid}.` : `Você resgatou "${pkg}" de ${specialist}.`,
    credits: (credits, expires) => `Você tem ${credits} para reservar sessões até ${expires}.`,
  },
  customerCreditsExpiring: {
    subject: (credits, pkg, when) => `${credits} de ${pkg} expiram ${when}`,
    heading: 'Seus créditos expiram em breve',
    intro: (credits, pkg, specialist, relative, expires) =>
      `${credits} do seu pacote "${pkg}" com ${specialist} ainda podem ser usados e expiram ${relative}: em ${expires}.`,
    use: 'Reserve suas sessões antes disso: créditos expirados não podem ser usados nem reembolsados.',
  },
  customerCreditsLow: {
    subject: (remaining, pkg) => (remaining === 0 ? `Sem créditos: ${pkg}` : `Resta 1 crédito: ${pkg}`),
    heading: (remaining) => (remaining === 0 ? 'Você usou todos os seus créditos' : 'Resta um crédito'),
    intro: (remaining, pkg, specialist, expires) =>
      remaining === 0 ? `Seu último crédito de "${pkg}" com ${specialist} foi reservado.` : `Seu pacote "${pkg}" com ${specialist} tem um crédito restante, para usar até ${expires}.`,
    more: (specialist) => `Para mais sessões, compre outro pacote de ${specialist}.`,
  },
  customerPackageRefunded: {
    subject: (amount, pkg) => `Reembolso de ${amount}: ${pkg}`,
    heading: 'O seu reembolso foi emitido',
    intro: (specialist, amount, pkg) => `${specialist} reembolsou ${amount} do seu pacote "${pkg}".`,
    removed: (n) => (n === 1 ? '1 crédito não utilizado foi retirado do seu pacote.' : `${n} créditos não utilizados foram retirados do seu pacote.`),
    unchanged: 'Os seus créditos não mudam.',
    booked: 'As sessões que já reservou continuam reservadas.',
    arrives: 'Os reembolsos costumam chegar à sua conta em 5 a 10 dias úteis.',
    arrivesTest: 'Este é o modo de teste: nenhum dinheiro foi movimentado, então nada chega a uma conta.',
    refunded: 'Reembolsado',
  },

  specialistNewBooking: {
    subject: (customer, when) => `Nova reserva: ${customer}, ${when}`,
    heading: 'Nova reserva',
    intro: (customer, service) => `${customer} reservou "${service}".`,
    paid: (amount) => `Pago: ${amount}.`,
    credit: 'Pago com um crédito de pacote.',
  },
  specialistRescheduled: {
    subject: (customer, when) => `Remarcada: ${customer}, agora ${when}`,
    heading: 'Uma sessão foi remarcada',
    intro: (customer, service, by) =>
      by === 'specialist' ? `Você remarcou a sessão "${service}" de ${customer} para um novo horário.` : `${customer} remarcou a sessão "${service}" para um novo horário.`,
    previously: 'Antes',
  },
  specialistCancelled: {
    subject: (customer, when) => `Cancelada: ${customer}, ${when}`,
    heading: 'Uma sessão foi cancelada',
    intro: (customer, service, when, by) =>
      by === 'specialist'
        ? `Você cancelou a sessão "${service}" de ${customer} de ${when}.`
        : by === 'customer'
          ? `${customer} cancelou a sessão "${service}" de ${when}.`
          : `A sessão "${service}" de ${customer} de ${when} foi cancelada.`,
    reason: 'Motivo',
    refund: (amount) => `O cliente recebe ${amount} de volta; sua parte e a parte da taxa da plataforma são estornadas proporcionalmente.`,
    noRefund: 'Pela sua política de cancelamento, não há reembolso.',
    freed: 'O horário não está mais reservado para este agendamento: outras pessoas podem reservá-lo se ainda estiver dentro do seu horário.',
  },
  specialistReminder: {
    subject: (customer, when) => `Lembrete: ${customer}, ${when}`,
    heading: 'Uma sessão está chegando',
    intro: (customer, service, relative) => `Sua sessão "${service}" com ${customer} começa ${relative}.`,
    what: 'lembretes de sessão',
  },
  specialistRefund: {
    subject: (amount, customer) => `Reembolso emitido: ${amount} para ${customer}`,
    heading: 'Um reembolso foi emitido',
    intro: (amount, customer, service, when) => `${amount} estão sendo reembolsados a ${customer} por "${service}" de ${when}.`,
    latePayment:
      'O pagamento chegou depois que a reserva provisória expirou e o horário foi reservado por outra pessoa, então é devolvido integralmente. Nada é repassado a você por ele.',
  },
  specialistAgenda: {
    subject: (count, date) => `Hoje, ${date}: ${count} ${count === 1 ? 'sessão' : 'sessões'}`,
    heading: (date) => `Suas sessões em ${date}`,
    intro: (count) => (count === 1 ? 'Você tem uma sessão hoje.' : `Você tem ${count} sessões hoje.`),
    line: (time, customer, service) => `${time} — ${customer}, ${service}`,
    what: 'a agenda diária',
  },

  account: {
    hours: (n) => (n === 1 ? '1 hora' : `${n} horas`),
    footer: (brand) => `Você recebe este e-mail por causa do seu login no ${brand}. Nunca pedimos sua senha por e-mail.`,
  },
  customerAccessLink: {
    subject: (specialist) => `Seus agendamentos com ${specialist}`,
    heading: 'Seus agendamentos',
    intro: (specialist, email) => `Alguém — esperamos que você — pediu para ver os agendamentos de ${email} com ${specialist}.`,
    once: (minutes) => `O link funciona uma vez, em até ${minutes} minutos, e abre seus agendamentos por uma hora; só o link mais recente funciona.`,
    notYou: 'Se você não pediu isso, ignore este e-mail: ninguém consegue ver seus agendamentos sem este link.',
    action: 'Ver meus agendamentos',
    footer: (specialist) => `Você recebe este e-mail porque este endereço pediu para ver seus agendamentos com ${specialist}.`,
  },
  accountSuspended: {
    subject: (brand) => `Sua página do ${brand} não está aceitando reservas`,
    heading: 'Sua página não está aceitando reservas',
    intro: (brand) => `Um operador do ${brand} suspendeu sua página: até ela ser reativada, os clientes não podem reservar novas sessões nem comprar pacotes, e sua página de reservas diz que você não está aceitando reservas no momento (nunca o motivo).`,
    kept: 'As reservas já feitas continuam como estão, com seus pagamentos, e você ainda pode entrar no seu console.',
    reason: 'Motivo',
    action: 'Abrir seu console',
  },
  accountReactivated: {
    subject: (brand) => `Sua página do ${brand} voltou a aceitar reservas`,
    heading: 'Sua página voltou a aceitar reservas',
    intro: (brand) => `Um operador do ${brand} reativou sua página: os clientes podem voltar a reservar suas sessões e comprar seus pacotes.`,
    action: 'Abrir seu console',
  },
  accountPasswordReset: {
    subject: (brand) => `Escolha uma nova senha do ${brand}`,
    heading: 'Escolha uma nova senha',
    intro: (brand, email) => `Alguém — esperamos que você — pediu para redefinir a senha do login ${email} no ${brand}.`,
    once: (valid) => `O link funciona uma vez, dentro de ${valid}; só o link mais recente vale. Ao escolher uma nova senha, você sai de todos os outros lugares.`,
    notYou: 'Se não foi você que pediu, ignore este e-mail: sua senha continua a mesma.',
    action: 'Escolher uma nova senha',
  },
  accountEmailVerification: {
    subject: (brand) => `Confirme seu e-mail no ${brand}`,
    heading: 'Confirme seu e-mail',
    intro: (brand, email) => `Confirme que ${email} é seu: é o login da sua nova conta no ${brand}.`,
    why: 'Até você confirmar, seus serviços gratuitos podem ser reservados, mas os pagos não: os clientes só pagam especialistas que conseguimos contatar.',
    once: (valid) => `O link funciona uma vez, dentro de ${valid}. Você pode enviar um novo pelo seu console.`,
    notYou: 'Se você não se cadastrou, ignore este e-mail: nada acontece sem a confirmação.',
    action: 'Confirmar meu e-mail',
  },

  relative: {
    inDays: (days) => (days <= 1 ? 'em cerca de um dia' : `em ${days} dias`),
    inHours: (hours) =>
      hours === 1 ? 'em cerca de uma hora' : hours % 24 === 0 && hours >= 48 ? `em ${hours / 24} dias` : hours === 24 ? 'em cerca de um dia' : `em cerca de ${hours} horas`,
  },

  unsubscribePage: {
    title: 'Cancelar inscrição',
    ask: (what, from) => `Parar de receber ${what} de ${from}?`,
    confirm: 'Cancelar inscrição',
    everything: (from) => `Parar de receber todos os e-mails de ${from} que não sejam sobre uma alteração de reserva`,
    done: (what, from) => `Pronto: você não receberá mais ${what} de ${from}.`,
    doneAll: (from) => `Pronto: você só receberá de ${from} e-mails sobre alterações nas suas reservas.`,
    transactional: 'Confirmações, alterações e cancelamentos das suas reservas continuam sendo enviados: fazem parte da reserva.',
    invalid: 'Este link de cancelamento de inscrição não é válido. Use o link do e-mail mais recente.',
    kinds: { reminder: 'lembretes', feedback: 'e-mails sobre avaliações', agenda: 'a agenda diária', credits: 'lembretes sobre os créditos do seu pacote', '*': 'e-mails opcionais' },
  },
};

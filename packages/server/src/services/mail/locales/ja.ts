import type { Strings } from './en.js';

/** Every word of every email, in Japanese (です・ます). Shape and meaning: `en.ts`. */
export const ja: Strings = {
  common: {
    greeting: (name) => `${name} 様`,
    session: 'セッション',
    with: '担当',
    customer: 'お客様',
    when: '日時',
    where: '場所',
    duration: '所要時間',
    minutes: (n) => `${n} 分`,
    timesIn: (zone) => `時刻は ${zone} で表示しています。`,
    notes: 'メモ',
    manage: '予約の確認・変更',
    view: '予約を確認',
    addToCalendar: 'カレンダーファイルをダウンロード',
    join: 'セッションに参加',
    receipt: '領収書を見る',
    promoCode: 'プロモコード',
    promoOff: (code, off) => `${code}（${off}割引）`,
    invite: '添付の招待状でカレンダーに追加でき、変更も自動で反映されます。',
    cancelInvite: '添付のキャンセル通知でカレンダーから削除されます。',
    place: {
      video: 'ビデオ通話',
      videoLink: (url) => `ビデオ通話: ${url}`,
      videoLater: (minutes: number) => `ビデオ通話 — リンクは開始の${minutes}分前から予約ページに表示されます。`,
      link: (url) => `オンライン: ${url}`,
      phone: (detail) => `電話: ${detail}`,
      phoneUnknown: '電話',
      inPerson: (detail) => `対面: ${detail}`,
      inPersonUnknown: '対面',
    },
    footerCustomer: (specialist) => `${specialist} さんのセッションをご予約いただいたため、このメールをお送りしています。`,
    footerSpecialist: 'Slotwise でセッションを提供されているため、このメールをお送りしています。',
    footerPackage: (specialist) => `${specialist} さんのセッションパッケージをお持ちのため、このメールをお送りしています。`,
    unsubscribe: '配信停止',
    unsubscribeLine: (what) => `${what}が不要な場合は、こちらから配信を停止できます: `,
  },

  customerConfirmed: {
    subject: (service, when) => `予約確定: ${service}、${when}`,
    heading: 'ご予約が確定しました',
    intro: (service, specialist) => `${specialist} さんとの「${service}」のご予約が確定しました。`,
  },
  customerPaymentReceived: {
    subject: (amount, service) => `お支払いを受領しました: ${service} の ${amount}`,
    heading: 'お支払いを受領しました',
    intro: (amount, specialist) => `${specialist} さんとのセッションのお支払い ${amount} を受領しました。ありがとうございます。`,
    amount: '金額',
  },
  customerRescheduled: {
    subject: (service, when) => `日時変更: ${service}、新しい日時 ${when}`,
    heading: 'セッションの日時が変更されました',
    intro: (service, by, specialist) =>
      by === 'specialist' ? `${specialist} さんが「${service}」の日時を変更しました。` : `${specialist} さんとの「${service}」は新しい日時になりました。`,
    previously: '変更前',
  },
  customerCancelled: {
    subject: (service, when) => `キャンセル: ${service}、${when}`,
    heading: 'セッションはキャンセルされました',
    intro: (service, when, by, specialist) =>
      by === 'customer'
        ? `ご依頼どおり、${when} の「${service}」をキャンセルしました。`
        : by === 'specialist'
          ? `${specialist} さんが ${when} の「${service}」をキャンセルしました。`
          : `${when} の「${service}」はキャンセルされました。`,
    reason: '理由',
    refund: (amount) => `${amount} を元のお支払い方法に返金する手続き中です。通常、銀行での反映には 5〜10 営業日かかります。`,
    refundTest: (amount) => `${amount} の返金を記録しました。これはテストモードです。実際のお金は動いていないため、カードには何も返金されません。`,
    noRefund: 'このセッションのキャンセルポリシーにより、返金はありません。',
    creditReturned: 'ご予約に使ったクレジットはパッケージに戻りました。',
    creditKept: 'このセッションのキャンセルポリシーにより、ご予約に使ったクレジットは戻りません。',
    creditRevoked: '予約に使ったクレジットは戻りません。そのクレジットのパッケージは返金済みです。',
  },
  customerHoldExpired: {
    subject: (service) => `予約未完了: ${service}`,
    heading: 'ご予約は完了しませんでした',
    intro: (service, when) => `「${service}」のために ${when} を確保していましたが、期限内にお支払いが完了しなかったため、枠を解放しました。料金は請求されていません。`,
    again: 'あらためてご予約いただけます。',
  },
  customerLateRefund: {
    subject: (amount) => `${amount} の返金: 枠がすでに埋まっていました`,
    heading: 'お支払いを返金します',
    intro: (amount, service, when) =>
      `${when} の「${service}」のお支払いが枠の確保期限を過ぎてから届き、その間に別の方が予約されていました。${amount} の全額を元のお支払い方法に返金します。`,
    again: '別の日時でご予約いただけます。',
  },
  customerReminder: {
    subject: (service, when) => `リマインダー: ${service}、${when}`,
    heading: 'セッションが近づいています',
    intro: (service, specialist, relative) => `${specialist} さんとの「${service}」は${relative}に始まります。`,
    what: 'このようなリマインダー',
  },
  customerStarting: {
    subject: (service) => `まもなく開始: ${service}`,
    heading: 'まもなくセッションが始まります',
    intro: (service, specialist, time) => `${specialist} さんとの「${service}」は ${time} に始まります。`,
    joinHint: '下のボタンから参加してください。リンクはセッション終了まで有効です。',
    noLinkYet: '予約ページを開いて参加してください。ミーティングの準備ができ次第、リンクが表示されます。',
    what: 'このようなリマインダー',
  },
  customerMeetingReady: {
    subject: (service) => `「${service}」のビデオリンク`,
    heading: 'ビデオリンクの準備ができました',
    intro: (service, when) => `${when} の「${service}」のビデオ通話の準備ができました。`,
  },
  customerFollowUp: {
    subject: (specialist) => `${specialist} さんとのセッションはいかがでしたか？`,
    heading: 'セッションへのご参加ありがとうございました',
    intro: (service, specialist) => `${specialist} さんとの「${service}」が有意義な時間であったことを願っています。`,
    ask: 'ご感想をお聞かせいただけますか？ 1 分ほどで終わり、ほかの方の参考になります。',
    sharedNotes: (specialist) => `${specialist} さんからのセッションのメモ:`,
    recording: '録画を見る',
    feedback: 'セッションをレビューする',
    what: 'フィードバックのお願いメール',
  },
  customerReviewAnswered: {
    subject: (specialist) => `${specialist}さんがあなたのレビューに返信しました`,
    heading: 'レビューに返信がありました',
    intro: (specialist, service, when) => `${when}の${service}についてあなたが書いたレビューに、${specialist}さんが返信しました。`,
    answer: (specialist) => `${specialist}さんの返信:`,
    yourReview: 'あなたのレビュー',
    rating: (stars) => `5段階中${stars}`,
    public: '返信はあなたのレビューの横に公開されています。',
    action: '予約ページで見る',
  },

  package: {
    package: 'パッケージ',
    sessions: 'セッション数',
    covers: '対象',
    validFor: '有効期間',
    days: (n) => `${n} 日`,
    expires: 'クレジットの有効期限',
    left: '残りクレジット',
    paid: 'お支払い',
    free: '無料',
    code: 'クレジットコード',
    credits: (n) => `${n} クレジット`,
    howToBook: (specialist) =>
      `${specialist} さんが予約を受け付けている場所ならどこでも、クレジットで予約できます。求められたらクレジットコードを入力してください。コードはクレジットの利用に使われるため、他の人には教えないでください。`,
    see: 'クレジットを見る',
    book: 'クレジットで予約する',
  },
  customerPackagePurchased: {
    subject: (pkg) => `パッケージ: ${pkg}`,
    heading: 'パッケージの準備ができました',
    intro: (pkg, specialist, paid) =>
      paid ? `${specialist} さんの「${pkg}」をご購入いただきありがとうございます。お支払い ${paid} を受領しました。` : `${specialist} さんの「${pkg}」を受け取りました。`,
    credits: (credits, expires) => `${expires} まで、${credits}でセッションを予約できます。`,
  },
  customerCreditsExpiring: {
    subject: (credits, pkg, when) => `「${pkg}」の ${credits}が${when}に期限切れになります`,
    heading: 'クレジットの有効期限が近づいています',
    intro: (credits, pkg, specialist, relative, expires) =>
      `${specialist} さんの「${pkg}」の ${credits}はまだ使えますが、${relative}（${expires}）に期限切れになります。`,
    use: 'それまでにセッションをご予約ください。期限切れのクレジットは使用も返金もできません。',
  },
  customerCreditsLow: {
    subject: (remaining, pkg) => (remaining === 0 ? `クレジット残りなし: ${pkg}` : `クレジット残り 1: ${pkg}`),
    heading: (remaining) => (remaining === 0 ? 'クレジットをすべて使いました' : 'クレジットが残り 1 つです'),
    intro: (remaining, pkg, specialist, expires) =>
      remaining === 0
        ? `${specialist} さんの「${pkg}」の最後のクレジットで予約しました。`
        : `${specialist} さんの「${pkg}」のクレジットは残り 1 つで、${expires} まで使えます。`,
    more: (specialist) => `さらにセッションを受けるには、${specialist} さんから新しいパッケージをご購入ください。`,
  },
  customerPackageRefunded: {
    subject: (amount, pkg) => `${amount} の返金: ${pkg}`,
    heading: '返金を行いました',
    intro: (specialist, amount, pkg) => `${specialist} が「${pkg}」の ${amount} を返金しました。`,
    removed: (n) => `未使用のクレジット ${n} 回分をパッケージから取り消しました。`,
    unchanged: 'クレジットに変更はありません。',
    booked: '予約済みのセッションはそのまま有効です。',
    arrives: '返金は通常 5〜10 営業日でお客様の口座に反映されます。',
    arrivesTest: 'これはテストモードです。実際のお金は動いていないため、口座には何も返金されません。',
    refunded: '返金額',
  },

  specialistNewBooking: {
    subject: (customer, when) => `新しい予約: ${customer}、${when}`,
    heading: '新しい予約',
    intro: (customer, service) => `${customer} さんが「${service}」を予約しました。`,
    paid: (amount) => `お支払い: ${amount}。`,
    credit: 'パッケージのクレジットで支払われました。',
  },
  specialistRescheduled: {
    subject: (customer, when) => `日時変更: ${customer}、新しい日時 ${when}`,
    heading: 'セッションの日時が変更されました',
    intro: (customer, service, by) =>
      by === 'specialist' ? `${customer} さんの「${service}」の日時を変更しました。` : `${customer} さんが「${service}」の日時を変更しました。`,
    previously: '変更前',
  },
  specialistCancelled: {
    subject: (customer, when) => `キャンセル: ${customer}、${when}`,
    heading: 'セッションがキャンセルされました',
    intro: (customer, service, when, by) =>
      by === 'specialist'
        ? `${customer} さんの ${when} の「${service}」をキャンセルしました。`
        : by === 'customer'
          ? `${customer} さんが ${when} の「${service}」をキャンセルしました。`
          : `${customer} さんの ${when} の「${service}」はキャンセルされました。`,
    reason: '理由',
    refund: (amount) => `お客様には ${amount} が返金されます。あなたの取り分とプラットフォーム手数料の取り分は、比例して差し戻されます。`,
    noRefund: 'あなたのキャンセルポリシーにより、返金はありません。',
    freed: 'この枠はこの予約のために確保されなくなりました。受付時間内であれば、他の方が予約できます。',
  },
  specialistReminder: {
    subject: (customer, when) => `リマインダー: ${customer}、${when}`,
    heading: 'セッションが近づいています',
    intro: (customer, service, relative) => `${customer} さんとの「${service}」は${relative}に始まります。`,
    what: 'セッションのリマインダー',
  },
  specialistRefund: {
    subject: (amount, customer) => `返金しました: ${customer} さんへ ${amount}`,
    heading: '返金が行われました',
    intro: (amount, customer, service, when) => `${when} の「${service}」について、${customer} さんに ${amount} を返金しています。`,
    latePayment: 'お支払いが枠の確保期限を過ぎ、別の方が予約した後に届いたため、全額返金されます。この分のお支払いはあなたには送金されません。',
  },
  specialistAgenda: {
    subject: (count, date) => `本日 ${date}: セッション ${count} 件`,
    heading: (date) => `${date} のセッション`,
    intro: (count) => `本日のセッションは ${count} 件です。`,
    line: (time, customer, service) => `${time} — ${customer} さん、${service}`,
    what: '毎日の予定表',
  },

  account: {
    hours: (n) => `${n} 時間`,
    footer: (brand) => `${brand} のログインに関するメールです。メールでパスワードをお尋ねすることは決してありません。`,
  },
  customerAccessLink: {
    subject: (specialist) => `${specialist} でのご予約`,
    heading: 'ご予約一覧',
    intro: (specialist, email) => `${email} の ${specialist} でのご予約を表示するリクエストがありました（ご本人によるものであれば問題ありません）。`,
    once: (minutes) => `このリンクは ${minutes} 分以内に一度だけ使用でき、ご予約を 1 時間表示します。有効なのは最新のリンクのみです。`,
    notYou: 'お心当たりがない場合は、このメールを無視してください。このリンクがなければ、誰もご予約を見ることはできません。',
    action: '予約を確認する',
    footer: (specialist) => `このメールは、このアドレスで ${specialist} でのご予約の表示がリクエストされたためお送りしています。`,
  },
  accountSuspended: {
    subject: (brand) => `${brand}のページは現在予約を受け付けていません`,
    heading: 'ページは予約を受け付けていません',
    intro: (brand) => `${brand}の運営者があなたのページを一時停止しました。再開されるまで、お客様は新しいセッションの予約やパッケージの購入ができません。予約ページには、現在予約を受け付けていないこと（理由は表示されません）が表示されます。`,
    kept: 'すでに入っている予約とその支払いはそのままです。コンソールには引き続きサインインできます。',
    reason: '理由',
    action: 'コンソールを開く',
  },
  accountReactivated: {
    subject: (brand) => `${brand}のページで予約の受付を再開しました`,
    heading: '予約の受付を再開しました',
    intro: (brand) => `${brand}の運営者があなたのページを再開しました。お客様は再びセッションの予約やパッケージの購入ができます。`,
    action: 'コンソールを開く',
  },
  accountPasswordReset: {
    subject: (brand) => `${brand} の新しいパスワードを設定してください`,
    heading: '新しいパスワードを設定',
    intro: (brand, email) => `${brand} のログイン ${email} のパスワード再設定が依頼されました（ご本人によるものであれば問題ありません）。`,
    once: (valid) => `リンクは ${valid} 以内に 1 回だけ使えます。有効なのは最新のリンクだけです。新しいパスワードを設定すると、ほかのすべての場所からログアウトされます。`,
    notYou: 'お心当たりがない場合は、このメールを無視してください。パスワードは変わりません。',
    action: '新しいパスワードを設定',
  },
  accountEmailVerification: {
    subject: (brand) => `${brand} のメールアドレスを確認してください`,
    heading: 'メールアドレスの確認',
    intro: (brand, email) => `${email} があなたのものであることを確認してください。新しい ${brand} アカウントのログインです。`,
    why: '確認が済むまで、無料のサービスは予約できますが、有料のサービスは予約できません。お客様のお支払い先は、連絡の取れるスペシャリストに限られるためです。',
    once: (valid) => `リンクは ${valid} 以内に 1 回だけ使えます。新しいリンクはコンソールから送信できます。`,
    notYou: '登録したお心当たりがない場合は、このメールを無視してください。確認しなければ何も起こりません。',
    action: 'メールアドレスを確認',
  },

  relative: {
    inDays: (days) => (days <= 1 ? '約 1 日後' : `${days} 日後`),
    inHours: (hours) => (hours === 1 ? '約 1 時間後' : hours % 24 === 0 && hours >= 48 ? `${hours / 24} 日後` : hours === 24 ? '約 1 日後' : `約 ${hours} 時間後`),
  },

  unsubscribePage: {
    title: '配信停止',
    ask: (what, from) => `${from} からの${what}を停止しますか？`,
    confirm: '配信を停止',
    everything: (from) => `${from} からの、予約の変更以外に関するメールをすべて停止する`,
    done: (what, from) => `完了しました。${from} からの${what}は今後届きません。`,
    doneAll: (from) => `完了しました。${from} からは、予約の変更に関するメールだけが届きます。`,
    transactional: '予約の確定・変更・キャンセルのお知らせは予約の一部のため、引き続きお送りします。',
    invalid: 'この配信停止リンクは無効です。最新のメールのリンクをお使いください。',
    kinds: { reminder: 'リマインダー', feedback: 'レビューに関するメール', agenda: '毎日の予定表', credits: 'パッケージのクレジットに関するお知らせ', '*': '任意のメール' },
  },
};

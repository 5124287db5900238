import type { PageWords } from './en.js';

/** The customer's pages in Japanese (です・ます). Keys: `en.ts`. */
export const ja: PageWords = {
  receipt: {
    title: (id) => `領収書 ${id}`,
    heading: '領収書',
    number: (id, paid) => `領収書番号 ${id} ・ お支払い日時 ${paid}`,
    paidTo: 'お支払い先',
    amountPaid: 'お支払い金額',
    refund: (status) => `返金（${{ pending: '処理中', succeeded: '完了', failed: '失敗' }[status]}）`,
    total: '合計',
    footer: (booking) => `予約 ${booking}。お支払いは Stripe が処理しています。`,
    testMode: 'テストモード：実際のお金は動いていません。',
  },
  credits: {
    title: (specialist) => `${specialist} さんのクレジット`,
    toSpend: (credits) => `使えるクレジット：${credits}`,
    none: '使えるクレジットは残っていません',
    expired: (when) => `${when} に期限切れ`,
    left: (credits, when) => `残り ${credits}（${when} まで）`,
    howTo: (specialist) => `クレジットで予約するには、${specialist} さんの予約受付の場所でクレジットコードを入力してください：`,
    keep: 'このページのアドレスは他の人に教えないでください。コードが表示されており、そのコードでクレジットが使われます。期限切れのクレジットは使えません。',
  },
  booking: {
    title: (name) => `${name} — セッションを予約`,
    description: (name) => `${name} さんのセッションを予約できます。`,
    sessions: 'セッション',
    minutes: (n) => `${n} 分`,
    free: '無料',
    noSessions: (name) => `${name} さんには現在予約できるセッションがありません。`,
    bookTime: '時間を予約',
    zoneNote: '空き時間はあなたのタイムゾーンで表示されます。',
    noScript: '予約には JavaScript が必要です。このページで有効にすると、空き時間を見て予約できます。',
    notAccepting: (name) => `${name} さんは現在予約を受け付けていません。`,
    missingTitle: 'ページが見つかりません — Slotwise',
    reviews: 'レビュー',
    rating: (average, count) => `5点中${average}点 · レビュー${count}件`,
    stars: (n) => `5点中${n}点`,
    response: (name) => `${name}からの返信:`,
    missingHeading: 'ここには予約ページがありません',
    missing: (handle) => `「${handle}」というアドレスを使っているスペシャリストはいません。受け取ったリンクを確認するか、スペシャリストに予約ページを尋ねてください。`,
  },
};

import type { Rich } from './rich.js';

/** English strings of the payment step. */
export const payment = {
  paymentHeading: 'Payment',
  amountToPay: <T>(amount: T): Rich<T> => ['Amount to pay: ', amount],
  payWithin: <T>(countdown: T): Rich<T> => ['Complete payment within ', countdown],
  confirmingPayment: 'Confirming your payment…',
  paymentUnconfirmed: <T>(until: T): Rich<T> => [
    'We have not received the confirmation of your payment yet. Your time stays held until ',
    until,
    '; if your payment went through, the booking is confirmed and you get an email. You will not be charged twice.',
  ],
  testModeTitle: 'Test mode — no real payment.',
  testModeText: "This site runs Slotwise's offline test payments: no card is needed and no money moves.",
  payTest: 'Pay (test)',
  declineTest: 'Decline (test)',
  loadingPaymentForm: 'Loading the secure payment form…',
  stripeFailed: <T>(retry: T): Rich<T> => ["We could not load Stripe's payment form. Check your connection and ", retry],
  stripeRetry: 'try again',
  paying: 'Paying…',
  payAmount: (amount: string) => `Pay ${amount}`,
  refundedLate: 'Your payment arrived after the time we held for you was released, so it is refunded in full.',
  releasedUnpaid: 'The time we held for you has been released, and you have not been charged.',
  chooseAnotherTime: 'Choose another time',
  cardDeclinedTest: 'Your card was declined (test). No money moved.',
  paymentFailed: 'The payment did not go through. Please try again.',
  // A package bought through the payment step.
  paymentForPackage: (name: string, count: number) => `${name} · ${count === 1 ? '1 session' : `${count} sessions`}`,
  paymentPurchasePending: 'We have not received the confirmation of your payment yet. If it went through, your credits appear here and you get an email. You will not be charged twice.',
};

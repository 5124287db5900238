/**
 * The parts of `<slotwise-booking>` that not every first paint needs — the details form with the
 * confirmation and its "Add to calendar" links (fetched once a day is chosen), the payment step
 * (with Stripe's loader), the manage view and the rating with the newest reviews — loaded on first need, so the script-tag build keeps them in
 * chunks of their own and the first paint does not wait for them. An element rendered before its
 * chunk arrived upgrades when it is defined; Lit keeps the properties set on it meanwhile.
 * Each part is imported once per page, however many widgets ask.
 */
const PARTS = {
  details: () => Promise.all([import('../details-form/details-form.js'), import('../confirmation/confirmation.js')]),
  payment: () => import('../payment/payment.js'),
  manage: () => import('../manage/manage.js'),
  reviews: () => import('../reviews/reviews.js'),
} as const;

export type LazyPart = keyof typeof PARTS;

const loading = new Map<LazyPart, Promise<unknown>>();

/** Starts loading `part` (once); resolves when its elements are defined. A failed load is tried again next time. */
export function loadPart(part: LazyPart): Promise<unknown> {
  let promise = loading.get(part);
  if (!promise) {
    promise = PARTS[part]();
    promise.catch(() => loading.delete(part));
    loading.set(part, promise);
  }
  return promise;
}

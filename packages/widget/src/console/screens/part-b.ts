/**
 * The screens of the console's second part, by route name, each loaded on first visit (its own
 * chunk): the shell's route table can spread these in. Each module defines
 * `slotwise-console-<name>`, which takes the session from `consoleContext` and `route` (the hash
 * route after its name, e.g. `bk_123` for `#/bookings/bk_123`).
 */
export const screensPartB = {
  bookings: () => import('./bookings/bookings.js'),
  money: () => import('./money/money.js'),
  packages: () => import('./packages/packages.js'),
  developers: () => import('./developers/developers.js'),
  /** Operator logins only; a specialist's login is told so. */
  operator: () => import('./operator/operator.js'),
} as const;

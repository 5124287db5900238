import type { AccountRole } from '@slotwise/sdk/contract';

export interface ConsoleScreen {
  /** The link text and the page's heading. */
  label: string;
  /** Loads the screen's module, which defines `slotwise-console-<name>` (a chunk of its own). */
  load: () => Promise<unknown>;
  /** Who may open it. */
  roles: readonly AccountRole[];
  /** Listed in the navigation (onboarding is reached from home, not the nav). */
  nav: boolean;
}

const specialist = ['specialist'] as const;

/** Dispatched (bubbling, composed) by the Notifications screen with how many are still unread: the navigation's count follows. */
export const UNREAD_EVENT = 'slotwise-console-unread';

/**
 * Every console screen, in navigation order. A screen is the element `slotwise-console-<name>`
 * in `screens/<name>/<name>.ts`; the shell gives it `route` = the path after its name.
 */
export const screens: Record<string, ConsoleScreen> = {
  home: { label: 'Home', load: () => import('./screens/home/home.js'), roles: ['specialist', 'operator'], nav: true },
  onboarding: { label: 'Get bookable', load: () => import('./screens/onboarding/onboarding.js'), roles: specialist, nav: false },
  notifications: { label: 'Notifications', load: () => import('./screens/notifications/notifications.js'), roles: specialist, nav: true },
  bookings: { label: 'Bookings', load: () => import('./screens/bookings/bookings.js'), roles: specialist, nav: true },
  services: { label: 'Services', load: () => import('./screens/services/services.js'), roles: specialist, nav: true },
  availability: { label: 'Availability', load: () => import('./screens/availability/availability.js'), roles: specialist, nav: true },
  money: { label: 'Money', load: () => import('./screens/money/money.js'), roles: specialist, nav: true },
  packages: { label: 'Packages', load: () => import('./screens/packages/packages.js'), roles: specialist, nav: true },
  'promo-codes': { label: 'Promo codes', load: () => import('./screens/promo-codes/promo-codes.js'), roles: specialist, nav: true },
  reviews: { label: 'Reviews', load: () => import('./screens/reviews/reviews.js'), roles: specialist, nav: true },
  developers: { label: 'Developers', load: () => import('./screens/developers/developers.js'), roles: specialist, nav: true },
  operator: { label: 'Operator', load: () => import('./screens/operator/operator.js'), roles: ['operator'], nav: true },
  settings: { label: 'Settings', load: () => import('./screens/settings/settings.js'), roles: specialist, nav: true },
};

/** The screens `role` may open, by name. */
export function screensFor(role: AccountRole): [string, ConsoleScreen][] {
  return Object.entries(screens).filter(([, screen]) => screen.roles.includes(role));
}

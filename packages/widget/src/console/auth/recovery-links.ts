/**
 * The console's pages reached from emailed links or from the login form, which work whether or
 * not someone is logged in: `#/forgot`, `#/reset?token=…`, `#/verify?token=…` (the server's emails
 * link to `<api>/console#/reset?token=…` and `#/verify?token=…`, see the server's `mail/links.ts`).
 */
export const RECOVERY_SCREENS = ['forgot', 'reset', 'verify'] as const;
export type RecoveryScreen = (typeof RECOVERY_SCREENS)[number];

export function isRecoveryScreen(screen: string): screen is RecoveryScreen {
  return (RECOVERY_SCREENS as readonly string[]).includes(screen);
}

/** The event a recovery page sends to the shell with a sentence for the next page (e.g. after a reset logs in). */
export const FLASH_EVENT = 'slotwise-console-flash';

/** Asks the shell to show `message` on the page of `screen` (the one the sender navigates to). */
export function flash(from: Element, screen: string, message: string): void {
  from.dispatchEvent(new CustomEvent(FLASH_EVENT, { detail: { screen, message }, bubbles: true, composed: true }));
}

export interface Flash {
  screen: string;
  message: string;
}

/** A recovery page is a page of its own: its heading takes focus when it opens, as the shell's pages do. */
export function focusHeading(page: Element & { renderRoot: ParentNode }): void {
  page.renderRoot.querySelector<HTMLElement>('h1')?.focus();
}

/**
 * The email typed in the login form when "Forgot your password?" was followed: the forgot page
 * starts with it, so nobody types it twice. In this page's memory only (never the address bar).
 */
export const carried = { email: '' };

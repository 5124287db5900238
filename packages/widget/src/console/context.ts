import { createContext } from '@lit/context';
import type { SlotwiseClient } from '@slotwise/sdk';
import type { Account, Profile } from '@slotwise/sdk/contract';

/**
 * What `<slotwise-console>` shares with every screen inside it. The value is replaced, never
 * mutated, so screens re-render when the login or the profile changes.
 *
 * Screens talk to the API only through `client` (the public SDK, with the login's access token;
 * the shell refreshes it before it expires and on a 401, and logs out when the refresh fails).
 */
export interface ConsoleSession {
  /** The public SDK, authorised as the logged-in account (`me.*`, and `operator.*` for an operator). */
  readonly client: SlotwiseClient;
  /** Where the API lives, without a trailing slash (for links the browser opens itself, e.g. a CSV). */
  readonly apiBase: string;
  readonly account: Account;
  /** The specialist's profile; null for an operator. */
  readonly profile: Profile | null;
  /** Reads the profile again (after a screen changed it) and shares the new one. */
  refreshProfile(): Promise<void>;
  /** Goes to a console route, e.g. `bookings/bk_123` (no leading `#/`). */
  navigate(route: string): void;
  /** A short, polite status line (`role="status"`) that says what just happened. */
  announce(message: string): void;
  /**
   * Fetches a file the API serves beside the SDK's JSON calls (an export's CSV, by `exportCsvUrl`)
   * with the login's credentials: a plain link cannot carry the access token, which stays in memory.
   */
  fetchFile(url: string): Promise<Response>;
  /** Ends the login (on the server too) and shows `notice` on the login page, e.g. what closing the account did. */
  logOut(notice?: string): Promise<void>;
}

export const consoleContext = createContext<ConsoleSession | undefined>(Symbol.for('@slotwise/widget:console'));

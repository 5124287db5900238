import { createClient, type SlotwiseClient } from '@slotwise/sdk';
import type { AuthTokens } from '@slotwise/sdk/contract';

/** Refresh this long before the access token expires, so no call races its expiry. */
export const REFRESH_AHEAD_MS = 60_000;

export interface TokenKeeperOptions {
  /** Where the API lives, without a trailing slash. */
  apiBase: string;
  /** Told when a login starts or ends; `reason` says why a login ended without the user asking. */
  onChange(tokens: AuthTokens | undefined, reason?: string): void;
  storage?: Storage;
}

/**
 * Keeps one login's tokens. Invariants: the access token lives only in memory (a script on the
 * page cannot find it in storage); the refresh token is kept in `localStorage` under
 * `slotwise.console.<api origin>` so a reload stays logged in; refresh tokens are single use, so
 * only one refresh runs at a time and every caller waits for it. The access token is refreshed a
 * minute before it expires and once on a 401 (the call is then retried once); a failed refresh
 * ends the login with a sentence. Tabs take turns to refresh (see `trade`).
 */
export class TokenKeeper {
  /** The public SDK for the login's account; it asks for the current access token on every call. */
  readonly client: SlotwiseClient;
  /** For calls without a login (sign-up, login, refresh). */
  readonly anonymous: SlotwiseClient;
  readonly storageKey: string;
  private tokens: AuthTokens | undefined;
  private refreshing: Promise<boolean> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly storage: Storage;

  constructor(private readonly options: TokenKeeperOptions) {
    this.storage = options.storage ?? localStorage;
    this.storageKey = `slotwise.console.${new URL(options.apiBase).origin}`;
    this.anonymous = createClient({ baseURL: options.apiBase });
    this.client = createClient({ baseURL: options.apiBase, apiKey: () => this.tokens?.accessToken, fetch: this.fetchRetrying });
  }

  get account() {
    return this.tokens?.account;
  }

  /** Starts a login from fresh tokens (after login or sign-up). */
  accept(tokens: AuthTokens): void {
    this.tokens = tokens;
    this.storage.setItem(this.storageKey, tokens.refreshToken);
    this.schedule();
    this.options.onChange(tokens);
  }

  /** Picks up the login a previous page load kept; false when there was none or it had ended. */
  resume(): Promise<boolean> {
    return this.storage.getItem(this.storageKey) ? this.refresh() : Promise.resolve(false);
  }

  /** Trades the refresh token for new tokens; concurrent callers share one attempt. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.trade().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Ends the login on the server and here. */
  async logout(): Promise<void> {
    const refreshToken = this.storage.getItem(this.storageKey);
    this.end();
    // Ending it here matters most; the server forgets an unused refresh token when it expires anyway.
    if (refreshToken) await this.anonymous.auth.logout({ refreshToken }).catch(() => undefined);
    this.options.onChange(undefined);
  }

  /** GETs `url` with the access token, refreshed once on a 401 as the client's calls are (for files, e.g. a CSV export). */
  fetchFile(url: string): Promise<Response> {
    const bearer = this.bearer();
    return this.fetchRetrying(url, bearer ? { headers: { authorization: bearer } } : undefined);
  }

  /** Stops the refresh timer (the element left the page). */
  dispose(): void {
    clearTimeout(this.timer);
  }

  /**
   * Other tabs of the console share the stored refresh token, and spending one twice ends the
   * whole login: a Web Lock named after the storage key lets one tab at a time read and trade it.
   */
  private trade(): Promise<boolean> {
    return typeof navigator.locks?.request === 'function' ? navigator.locks.request(this.storageKey, () => this.tradeNow()).then((traded) => traded) : this.tradeNow();
  }

  private async tradeNow(): Promise<boolean> {
    const refreshToken = this.storage.getItem(this.storageKey);
    if (!refreshToken) return false;
    const hadLogin = this.tokens !== undefined;
    try {
      const tokens = await this.anonymous.auth.refresh({ refreshToken });
      this.tokens = tokens;
      this.storage.setItem(this.storageKey, tokens.refreshToken);
      this.schedule();
      if (!hadLogin) this.options.onChange(tokens);
      return true;
    } catch {
      this.end();
      // A stored login that can no longer be resumed (it expired, or was ended elsewhere) ended too:
      // say so, on a reload as in the middle of work, rather than show a bare login form.
      this.options.onChange(undefined, 'Your login has ended. Log in again to go on.');
      return false;
    }
  }

  private bearer(): string | undefined {
    return this.tokens && `Bearer ${this.tokens.accessToken}`;
  }

  private end(): void {
    clearTimeout(this.timer);
    this.tokens = undefined;
    this.storage.removeItem(this.storageKey);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.tokens) return;
    const wait = Date.parse(this.tokens.accessTokenExpiresAt) - Date.now() - REFRESH_AHEAD_MS;
    this.timer = setTimeout(() => void this.refresh(), Math.max(0, wait));
  }

  /** `fetch` for the client: a 401 on a call that carried the access token refreshes once and retries once. */
  private readonly fetchRetrying = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    const headers = new Headers(init?.headers);
    if (response.status !== 401 || !headers.has('authorization')) return response;
    // A token already replaced by another call's refresh needs no second refresh, only the retry.
    if (headers.get('authorization') === this.bearer() && !(await this.refresh())) return response;
    const bearer = this.bearer();
    if (!bearer) return response;
    headers.set('authorization', bearer);
    return fetch(input, { ...init, headers });
  };
}

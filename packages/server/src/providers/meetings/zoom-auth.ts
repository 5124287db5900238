import { MeetingProviderError } from '../../services/meetings/port.js';

export interface ZoomCredentials {
  accountId: string;
  clientId: string;
  clientSecret: string;
}

export interface ZoomTokenSourceOptions extends ZoomCredentials {
  /** Zoom's OAuth server. @default 'https://zoom.us' */
  oauthBase: string;
  fetch: typeof fetch;
  clock: () => number;
  /** A token is replaced this long before Zoom said it expires. */
  marginMs: number;
  timeoutMs: number;
}

export interface ZoomTokenSource {
  /** A token that is good for at least `marginMs` more: the cached one, or a new one. */
  get(): Promise<string>;
  /** Zoom refused `token` (a 401): forget it, unless a newer one already replaced it. */
  reject(token: string): void;
}

/** `Basic base64(id:secret)`, from UTF-8 bytes (`btoa` alone takes Latin-1 only). */
const basic = (id: string, secret: string) => `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${id}:${secret}`)))}`;

/**
 * Server-to-Server OAuth: the account's credentials buy an access token (`grant_type=
 * account_credentials`; no refresh token), good for `expires_in` seconds (an hour). One token is
 * cached per provider and shared by concurrent calls — one request to Zoom however many meetings
 * are made at once — and replaced shortly before it expires or as soon as Zoom refuses it.
 */
export function zoomTokenSource(options: ZoomTokenSourceOptions): ZoomTokenSource {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    let response: Response;
    try {
      response = await options.fetch(`${options.oauthBase}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: basic(options.clientId, options.clientSecret),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        // Zoom takes these in the query or the form body; the body keeps the account id out of access logs.
        body: new URLSearchParams({ grant_type: 'account_credentials', account_id: options.accountId }).toString(),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new MeetingProviderError(`Zoom's token endpoint could not be reached: ${(error as Error).message}`, { retryable: true, cause: error });
    }
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON: an HTML error page from a proxy; the status says enough
    }
    if (!response.ok) {
      const reason = typeof body.reason === 'string' ? body.reason : `HTTP ${response.status}`;
      const code = typeof body.error === 'string' ? body.error : undefined;
      // Wrong credentials fail the same way every time; a rate limit or an outage passes.
      const retryable = response.status === 429 || response.status >= 500;
      const message = retryable
        ? `Zoom's token endpoint is not answering (${reason}).`
        : `Zoom refused the account credentials (${reason}); check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET.`;
      throw new MeetingProviderError(message, {
        retryable,
        status: response.status,
        ...(code === undefined ? {} : { code }),
      });
    }
    const token = body.access_token;
    const expiresIn = Number(body.expires_in);
    if (typeof token !== 'string' || !token || !Number.isFinite(expiresIn)) {
      throw new MeetingProviderError('Zoom answered the token request without a token.', { retryable: true, status: response.status });
    }
    cached = { token, expiresAt: options.clock() + expiresIn * 1000 };
    return token;
  };

  return {
    async get() {
      if (cached && options.clock() < cached.expiresAt - options.marginMs) return cached.token;
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    reject(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

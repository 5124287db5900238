import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMeeting, deleteMeeting, getMeeting, listMeetings, updateMeeting, type MeetingsState, type ZoomMeetingObject } from './meetings.js';
import { checkBearer, issueToken, type IssuedToken, type OAuthState } from './oauth.js';
import { zoomWebhooks } from './webhooks.js';

export interface FakeZoomOptions {
  accountId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Seconds each access token lives. @default 3600 (Zoom's) */
  tokenTtlSeconds?: number;
  /** Epoch milliseconds now, for token expiry and timestamps. @default Date.now */
  clock?: () => number;
}

export interface RecordedZoomRequest {
  method: string;
  /** Without the query. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: string;
  status: number;
}

/** An answer the test forces on the next matching API requests (the token endpoint included when `path` says so). */
export interface Outage {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Which requests: a method and path prefix such as `POST /v2/users`; every API request when omitted. */
  match?: string;
}

const HOST = '127.0.0.1';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** What Zoom answers when a rate limit is hit (per-second "QPS" limit). */
export const RATE_LIMITED: Outage = {
  status: 429,
  body: { code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' },
  headers: { 'x-ratelimit-category': 'Light', 'x-ratelimit-type': 'QPS', 'x-ratelimit-limit': '80' },
};

/**
 * Starts a fake of Zoom's OAuth server and REST API (v2) on 127.0.0.1, faithful on the wire for
 * what Slotwise uses: Server-to-Server OAuth (`POST /oauth/token`, Basic client credentials,
 * `account_credentials`, tokens that expire), Bearer checks on every API call (401 code 124),
 * meetings created (201), listed, read, patched (204) and deleted (204), Zoom's error documents
 * (`{ code, message }`: 300 validation, 1001 no such user, 3001 no such meeting) and its OAuth
 * errors (`{ reason, error }`). The controls play Zoom having a bad day: `fail` answers the next
 * requests with a status (429, 5xx), `down` answers everything 503, `revokeTokens` makes every
 * issued token invalid.
 */
export async function startFakeZoom(options: FakeZoomOptions = {}) {
  const clock = options.clock ?? Date.now;
  const oauth: OAuthState = {
    accountId: options.accountId ?? `acct_${randomBytes(6).toString('hex')}`,
    clientId: options.clientId ?? `client_${randomBytes(6).toString('hex')}`,
    clientSecret: options.clientSecret ?? randomBytes(16).toString('hex'),
    ttlSeconds: options.tokenTtlSeconds ?? 3600,
    clock,
    tokens: [],
  };
  const state: MeetingsState = { hostId: `u_${randomBytes(8).toString('base64url')}`, hostEmail: 'host@example.com', meetings: new Map(), clock };
  const requests: RecordedZoomRequest[] = [];
  const outages: { outage: Outage; remaining: number }[] = [];
  let down = false;

  const route = (method: string, path: string, query: URLSearchParams, headers: Record<string, string>, body: string): { status: number; body?: unknown; headers?: Record<string, string> } => {
    if (down) return { status: 503, body: { code: 503, message: 'Service Unavailable' } };
    const forced = outages.find((o) => o.remaining > 0 && (!o.outage.match || `${method} ${path}`.startsWith(o.outage.match)) && (o.outage.match || path.startsWith('/v2/')));
    if (forced) {
      forced.remaining--;
      return forced.outage;
    }
    if (path === '/oauth/token') return method === 'POST' ? issueToken(oauth, headers.authorization, query, body) : { status: 405 };
    if (!path.startsWith('/v2/')) return { status: 404, body: { code: 404, message: 'Not found' } };
    const refused = checkBearer(oauth, headers.authorization);
    if (refused) return refused;
    let json: Record<string, unknown> = {};
    if (method === 'POST' || method === 'PATCH') {
      try {
        json = JSON.parse(body) as Record<string, unknown>;
        if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('not an object');
      } catch {
        return { status: 400, body: { code: 300, message: 'Request Body should be a valid JSON object.' } };
      }
    }
    const user = /^\/v2\/users\/([^/]+)\/meetings$/.exec(path);
    if (user && method === 'POST') return createMeeting(state, decodeURIComponent(user[1]!), json);
    if (user && method === 'GET') return listMeetings(state, decodeURIComponent(user[1]!), query);
    const meeting = /^\/v2\/meetings\/([^/]+)$/.exec(path);
    if (meeting && method === 'GET') return getMeeting(state, meeting[1]!);
    if (meeting && method === 'PATCH') return updateMeeting(state, meeting[1]!, json);
    if (meeting && method === 'DELETE') return deleteMeeting(state, meeting[1]!);
    return { status: 404, body: { code: 404, message: 'Not found' } };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${HOST}`);
      const body = await readBody(req);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const method = req.method ?? 'GET';
      const answer = route(method, url.pathname, url.searchParams, headers, body);
      requests.push({ method, path: url.pathname, query: url.searchParams, headers, body, status: answer.status });
      res.writeHead(answer.status, { ...(answer.body === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' }), ...answer.headers });
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://${HOST}:${port}`;

  return {
    /** Pass as `oauthBase` to the provider. */
    oauthBase: base,
    /** Pass as `apiBase`. */
    apiBase: `${base}/v2`,
    credentials: { accountId: oauth.accountId, clientId: oauth.clientId, clientSecret: oauth.clientSecret },
    hostId: state.hostId,
    requests,
    /** Tokens issued so far, in order. */
    tokens: oauth.tokens as readonly IssuedToken[],
    /** The meetings that exist now. */
    meetings: () => [...state.meetings.values()] as readonly ZoomMeetingObject[],
    meeting: (id: string | number) => state.meetings.get(Number(id)),
    /** API requests only (not the token endpoint). */
    apiCalls: () => requests.filter((r) => r.path.startsWith('/v2/')).map((r) => `${r.method} ${r.path} ${r.status}`),
    /** Answers the next `times` matching requests with `outage` instead. */
    fail(outage: Outage, times = 1) {
      outages.push({ outage, remaining: times });
    },
    /** Every request answers 503 until set back. */
    set down(value: boolean) {
      down = value;
    },
    get down() {
      return down;
    },
    /** Zoom's webhooks from this app: its Secret Token, URL validation, `recording.completed`. */
    webhooks: zoomWebhooks(clock),
    /** Deletes a meeting as its host would in Zoom's own app, behind Slotwise's back. */
    deleteByHand(id: string | number) {
      state.meetings.delete(Number(id));
    },
    /** Zoom stops accepting every token issued so far (as when the app's secret is regenerated). */
    revokeTokens() {
      for (const t of oauth.tokens) t.revoked = true;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export type FakeZoom = Awaited<ReturnType<typeof startFakeZoom>>;

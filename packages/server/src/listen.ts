import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** What `@hono/node-server` passes a fetch handler: the request and `{ incoming, outgoing }` (the app reads the socket's address there). */
type Fetch = (request: Request, env: unknown) => Response | Promise<Response>;
type Handler = (incoming: IncomingMessage, outgoing: ServerResponse) => void;

/**
 * A Node HTTP server listening before the API is loaded. `pnpm start` opens its socket first, so
 * that `/health` (liveness: the process answers) does not wait for the API's modules, the
 * database's migrations and the app's construction; until `serve` is called:
 * - `GET /health` answers 200 `{ status: 'ok' }`, as the app does;
 * - `GET /ready` answers 503 `{ status: 'starting' }`: ready means the database is migrated and the
 *   app serves, which only the app's own `/ready` says;
 * - every other request waits, and goes to the app once it serves (nothing is refused for being
 *   early), or gets 503 if the start fails (the process then exits).
 * Only these two paths are answered here (with the app's bodies, and no `request` log line: the
 * app's logging is not loaded yet).
 *
 * Opening the socket loads nothing but `node:http`: the early answers are written on Node's own
 * request and response. Hono's Node adapter (`@hono/node-server`, which also loads undici for
 * the global `Request`/`Response`) is loaded when `serve` is called — `main.ts` loads it as the
 * first of its start-up stages, so it is there by then — and requests keep waiting until it is.
 */
export interface Listener {
  readonly server: Server;
  /** `http://host:port`, with the port the system chose for 0. */
  readonly url: string;
  /**
   * From now on every request (those waiting included) goes to `fetch`; resolves once it does
   * (Hono's Node adapter loaded; rejects, and answers 503 from then on, if it cannot be). Meanwhile
   * requests wait, `/health` and `/ready` included: the app is built, `starting` is no longer true.
   */
  serve(fetch: Fetch): Promise<void>;
  /** The start failed: waiting and later requests get 503. */
  fail(): void;
}

function sendJson(outgoing: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  outgoing.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

const UNAVAILABLE = { status: 'unavailable', reason: 'The server could not start.' };

/**
 * How long a client may take to send a request: its headers, then the whole of it. Node's defaults
 * (60 s and 300 s) let one client hold a socket five minutes by sending a body a byte every 10 s;
 * every body here is at most 1 MiB. Node checks them every `CHECK_MS`, so a slow request is
 * answered 408 within that much after its time is up.
 */
export const REQUEST_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000, checkMs: 2_000 };

/** Opens the socket (rejects on an address in use or not allowed). @see Listener */
export function listen(options: { port: number; hostname: string; timeouts?: typeof REQUEST_TIMEOUTS }): Promise<Listener> {
  let app: Handler | undefined;
  let handedOver = false;
  let failed = false;
  let waiting: [IncomingMessage, ServerResponse][] = [];
  const release = () => {
    const queued = waiting;
    waiting = [];
    for (const [incoming, outgoing] of queued) (app ?? early)(incoming, outgoing);
  };
  const early: Handler = (incoming, outgoing) => {
    const path = (incoming.url ?? '/').split('?')[0];
    if (failed) return sendJson(outgoing, 503, UNAVAILABLE);
    if (handedOver) return void waiting.push([incoming, outgoing]);
    if (incoming.method === 'GET' && path === '/health') return sendJson(outgoing, 200, { status: 'ok' });
    if (incoming.method === 'GET' && path === '/ready') return sendJson(outgoing, 503, { status: 'starting', reason: 'The server is still starting (loading, migrating the database).' });
    waiting.push([incoming, outgoing]);
  };
  const timeouts = options.timeouts ?? REQUEST_TIMEOUTS;
  const server = createServer(
    { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: timeouts.checkMs },
    (incoming, outgoing) => (app ?? early)(incoming, outgoing),
  );
  return new Promise((ready, refused) => {
    server.once('error', refused);
    server.listen(options.port, options.hostname, () => {
      server.off('error', refused);
      ready({
        server,
        url: urlOf(server, options),
        serve(fetch) {
          handedOver = true;
          return import('@hono/node-server').then(
            // As `serve` of @hono/node-server builds its listener (the hostname names the requests' URLs).
            ({ getRequestListener }) => {
              app = getRequestListener(fetch, { hostname: options.hostname });
              release();
            },
            (error: unknown) => {
              failed = true;
              release();
              throw error;
            },
          );
        },
        fail() {
          failed = true;
          release();
        },
      });
    });
  });
}

/** The address callers use: a wildcard host becomes `localhost`, an IPv6 one gets brackets. */
function urlOf(server: Server, { port, hostname }: { port: number; hostname: string }): string {
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  const host = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
  return `http://${host}:${bound}`;
}

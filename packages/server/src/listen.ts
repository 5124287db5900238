import { serve, type ServerType } from '@hono/node-server';

/** What `@hono/node-server` passes a fetch handler: the request and `{ incoming, outgoing }` (the app reads the socket's address there). */
type Fetch = (request: Request, env: unknown) => Response | Promise<Response>;

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
 */
export interface Listener {
  readonly server: ServerType;
  /** `http://host:port`, with the port the system chose for 0. */
  readonly url: string;
  /** From now on every request (those waiting included) goes to `fetch`. */
  serve(fetch: Fetch): void;
  /** The start failed: waiting and later requests get 503. */
  fail(): void;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Opens the socket (rejects on an address in use or not allowed). @see Listener */
export function listen(options: { port: number; hostname: string }): Promise<Listener> {
  let app: Fetch | undefined;
  let failed = false;
  let loaded!: () => void;
  const serving = new Promise<void>((done) => (loaded = done));
  const early: Fetch = async (request, env) => {
    const path = new URL(request.url).pathname;
    if (!failed && request.method === 'GET' && path === '/health') return json(200, { status: 'ok' });
    if (!failed && request.method === 'GET' && path === '/ready') return json(503, { status: 'starting', reason: 'The server is still starting (loading, migrating the database).' });
    await serving;
    return app ? app(request, env) : json(503, { status: 'unavailable', reason: 'The server could not start.' });
  };
  return new Promise((ready, refused) => {
    const server = serve({ fetch: (request, env) => (app ?? early)(request, env), port: options.port, hostname: options.hostname }, () => {
      server.off('error', refused);
      ready({
        server,
        url: urlOf(server, options),
        serve(fetch) {
          app = fetch;
          loaded();
        },
        fail() {
          failed = true;
          loaded();
        },
      });
    });
    server.once('error', refused);
  });
}

/** The address callers use: a wildcard host becomes `localhost`, an IPv6 one gets brackets. */
function urlOf(server: ServerType, { port, hostname }: { port: number; hostname: string }): string {
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  const host = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
  return `http://${host}:${bound}`;
}

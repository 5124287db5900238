import { createClient } from '@libsql/client/web';
import { createDb, type Database } from './client.js';
import { retryingFetch, type RetryOptions } from './remote-retry.js';

export interface RemoteDatabaseOptions {
  /** Turso's database token (`DATABASE_AUTH_TOKEN`); absent for a server that needs none. */
  authToken?: string;
  /** How many times a write transaction is retried after `SQLITE_BUSY`. @default 3 */
  busyRetries?: number;
  /** Retries of transient HTTP failures (`db/remote-retry.ts`); `false` for none. */
  retry?: RetryOptions | false;
  /** The `fetch` that carries the requests (the platform's by default). */
  fetch?: typeof globalThis.fetch;
}

const REMOTE_URL = /^(libsql|https?|wss?):\/\//;

/**
 * A remote libSQL database (Turso, `sqld`) over libSQL's web client: HTTP/WebSocket only, no
 * native module and no `node:` import, so it runs in Workers without `nodejs_compat`. The same
 * `Database` as `createDb` (write queue, busy retries, commit listeners) over that client. Each
 * statement of a write transaction is a round trip while the database's write lock is held —
 * issue 12's batched write path is what removes that; until then this is the same interactive
 * path as on Node. Transient HTTP failures are retried where no write can be applied twice
 * (`retryingFetch`).
 *
 * @throws Error naming `DATABASE_URL` when the URL is not a remote one (a `file:` database
 *   needs the Node entry).
 */
export function createRemoteDb(url: string, options: RemoteDatabaseOptions = {}): Database {
  if (!REMOTE_URL.test(url)) {
    throw new Error(`DATABASE_URL must be a remote libSQL URL here (libsql://…, https://…): a file: database needs the Node entry; got "${url.replace(/\?.*$/, '')}".`);
  }
  const { retry, fetch = globalThis.fetch.bind(globalThis), ...rest } = options;
  const carrier = retry === false ? fetch : retryingFetch(fetch, retry);
  return createDb(url, { ...rest, createClient: (config) => createClient({ ...config, fetch: carrier }) });
}

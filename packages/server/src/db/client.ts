import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { databaseOver, type DatabaseOptions, type Database } from './database.js';
import * as schema from './schema.js';

export type { Connection, Database, DatabaseOptions, Drizzle, Tx } from './database.js';

/**
 * Opens a libSQL database: `file:` URLs on Node (embedded), `libsql:`/`https:` for Turso.
 * No module-level state: every app gets the database it is given. The edge entry uses
 * `createRemoteDb` (`db/remote.ts`) instead: this one may load libSQL's native Node build.
 */
export function createDb(url: string, options: DatabaseOptions = {}): Database {
  const timeout = options.timeout ?? 5000;
  return databaseOver(
    url,
    () => {
      const client = createClient({ url, authToken: options.authToken, timeout } as Parameters<typeof createClient>[0]);
      return { client, db: drizzle(client, { schema }) };
    },
    options,
  );
}

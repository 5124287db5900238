import type { Database } from './db/client.js';

/** Everything the app needs from the outside world; tests pass their own. */
export interface AppDeps {
  database: Database;
  /** Epoch milliseconds now. @default Date.now */
  clock: () => number;
  /** Logs unexpected errors. @default console.error */
  logError: (error: unknown) => void;
}

export interface AppEnv {
  Variables: { deps: AppDeps };
}

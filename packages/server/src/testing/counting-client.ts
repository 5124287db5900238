import { createClient, type Client } from '@libsql/client';

/** One call that reached the database: over Turso or D1, each is one network round trip. */
export interface DatabaseCall {
  kind: 'execute' | 'batch' | 'transaction';
  mode?: string;
  /** The statement's SQL; a batch's statements joined by ` ; `. */
  sql: string;
}

/**
 * The real libSQL client with every call it is asked for written to `calls`: for tests that count
 * what a request costs the database (`testApp({ createClient: countingClient(calls) })`).
 */
export function countingClient(calls: DatabaseCall[]) {
  return (config: Parameters<typeof createClient>[0]): Client => {
    const client = createClient(config);
    return new Proxy(client, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key === 'execute') return (stmt: string | { sql: string }, ...rest: unknown[]) => (calls.push({ kind: 'execute', sql: typeof stmt === 'string' ? stmt : stmt.sql }), (value as Function).call(target, stmt, ...rest));
        if (key === 'batch')
          return (stmts: ({ sql: string } | string)[], mode?: string) => (
            calls.push({ kind: 'batch', mode, sql: stmts.map((s) => (typeof s === 'string' ? s : s.sql)).join(' ; ') }), (value as Function).call(target, stmts, mode)
          );
        if (key === 'transaction') return (...args: unknown[]) => (calls.push({ kind: 'transaction', sql: '' }), (value as Function).apply(target, args));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
}

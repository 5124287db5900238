import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

/** libSQL's native SQLite binding (better-sqlite3's API), the one `@libsql/client` loads for `file:`. */
interface NativeStatement {
  safeIntegers(on: boolean): void;
  raw(on: boolean): void;
  columns(): { name: string; type: string | null }[];
  all(args: unknown): unknown[][];
  run(args: unknown): { changes: number; lastInsertRowid: number | bigint };
}
interface NativeDatabase {
  prepare(sql: string): NativeStatement;
  exec(sql: string): void;
  close(): void;
}
const require = createRequire(import.meta.url);
const NativeDatabase = createRequire(require.resolve('@libsql/client'))('libsql') as new (path: string, options: { timeout: number }) => NativeDatabase;

/*
 * A stand-in for Turso on this machine (there is no libSQL server on npm): the Hrana 2 protocol
 * over HTTP (`POST /v2/pipeline`, JSON), as `@libsql/client/web` speaks it, answered by a real
 * SQLite file. Each stream (baton) is its own connection, so `BEGIN IMMEDIATE … COMMIT` across
 * several HTTP round trips holds the file's write lock exactly as on a remote database. Enough of
 * the protocol for the client: execute, batch (ok/not/and/or conditions), sequence, store_sql,
 * close_sql, close. Tests only.
 */

type HranaValue = { type: 'null' } | { type: 'integer'; value: string } | { type: 'float'; value: number } | { type: 'text'; value: string } | { type: 'blob'; base64: string };
interface HranaStmt {
  sql?: string;
  sql_id?: number;
  args?: HranaValue[];
  named_args?: { name: string; value: HranaValue }[];
  want_rows?: boolean;
}
type Cond = { type: 'ok' | 'error'; step: number } | { type: 'not'; cond: Cond } | { type: 'and' | 'or'; conds: Cond[] } | { type: 'is_autocommit' };
type StreamRequest =
  | { type: 'close' }
  | { type: 'execute'; stmt: HranaStmt }
  | { type: 'batch'; batch: { steps: { condition?: Cond | null; stmt: HranaStmt }[] } }
  | { type: 'sequence'; sql?: string; sql_id?: number }
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number };

interface Stream {
  db: NativeDatabase;
  sqls: Map<number, string>;
}

const fromValue = (v: HranaValue): unknown => {
  switch (v.type) {
    case 'null':
      return null;
    case 'integer':
      return BigInt(v.value);
    case 'float':
      return v.value;
    case 'text':
      return v.value;
    case 'blob':
      return Buffer.from(v.base64, 'base64');
  }
};

const toValue = (v: unknown): HranaValue => {
  if (v === null || v === undefined) return { type: 'null' };
  if (typeof v === 'bigint') return { type: 'integer', value: v.toString() };
  if (typeof v === 'number') return { type: 'float', value: v };
  if (typeof v === 'string') return { type: 'text', value: v };
  return { type: 'blob', base64: Buffer.from(v as ArrayBuffer).toString('base64') };
};

/** One statement on the stream's connection, answered as Hrana's StmtResult. */
function run(db: NativeDatabase, sql: string, args: unknown) {
  const statement = db.prepare(sql);
  statement.safeIntegers(true);
  try {
    statement.raw(true); // throws for a statement that returns no rows
  } catch {
    const info = statement.run(args);
    return { cols: [], rows: [], affected_row_count: info.changes, last_insert_rowid: String(info.lastInsertRowid) };
  }
  const cols = statement.columns().map((c) => ({ name: c.name, decltype: c.type }));
  return { cols, rows: statement.all(args).map((row) => row.map(toValue)), affected_row_count: 0, last_insert_rowid: null };
}

const errorOf = (error: unknown) => ({ message: error instanceof Error ? error.message : String(error), code: (error as { code?: string }).code ?? 'UNKNOWN' });

/**
 * A Hrana-over-HTTP server on 127.0.0.1 for the SQLite file at `url` (`file:…`). With `authToken`,
 * every request must carry `Authorization: Bearer <authToken>` (as Turso's database tokens), else 401.
 */
export async function startHranaServer(
  url: string,
  options: { authToken?: string } = {},
): Promise<{ url: string; requests: () => number; statements: () => string[][]; close(): Promise<void> }> {
  const path = url.replace(/^file:/, '');
  const setup = new NativeDatabase(path, { timeout: 5000 });
  // WAL: a reader on one stream never waits for a writer on another (this process cannot busy-wait for itself).
  setup.exec('pragma journal_mode = wal');
  setup.close();
  const streams = new Map<string, Stream>();
  let count = 0;
  /** The SQL of every pipeline request (one HTTP round trip each), in order. */
  const log: string[][] = [];
  const sqlOf = (stream: Stream | undefined, request: StreamRequest): string[] => {
    const text = (stmt: HranaStmt) => stmt.sql ?? stream?.sqls.get(stmt.sql_id!) ?? '';
    if (request.type === 'execute') return [text(request.stmt)];
    if (request.type === 'batch') return request.batch.steps.map((step) => text(step.stmt));
    if (request.type === 'sequence' || request.type === 'store_sql') return [request.sql ?? ''];
    return [];
  };

  function execute(stream: Stream, stmt: HranaStmt) {
    const sql = stmt.sql ?? stream.sqls.get(stmt.sql_id!)!;
    const args = stmt.named_args?.length ? Object.fromEntries(stmt.named_args.map((a) => [a.name.replace(/^[:@$]/, ''), fromValue(a.value)])) : (stmt.args ?? []).map(fromValue);
    return run(stream.db, sql, args);
  }

  function batch(stream: Stream, steps: { condition?: Cond | null; stmt: HranaStmt }[]) {
    const results: (ReturnType<typeof run> | null)[] = [];
    const errors: (ReturnType<typeof errorOf> | null)[] = [];
    const holds = (c: Cond): boolean => {
      switch (c.type) {
        case 'ok':
          return results[c.step] != null;
        case 'error':
          return errors[c.step] != null;
        case 'not':
          return !holds(c.cond);
        case 'and':
          return c.conds.every(holds);
        case 'or':
          return c.conds.some(holds);
        case 'is_autocommit':
          throw new Error('is_autocommit is Hrana 3');
      }
    };
    for (const step of steps) {
      if (step.condition && !holds(step.condition)) {
        results.push(null);
        errors.push(null);
        continue;
      }
      try {
        results.push(execute(stream, step.stmt));
        errors.push(null);
      } catch (error) {
        results.push(null);
        errors.push(errorOf(error));
      }
    }
    return { step_results: results, step_errors: errors };
  }

  function handle(stream: Stream, request: StreamRequest): Record<string, unknown> {
    switch (request.type) {
      case 'execute':
        return { type: 'execute', result: execute(stream, request.stmt) };
      case 'batch':
        return { type: 'batch', result: batch(stream, request.batch.steps) };
      case 'sequence':
        stream.db.exec(request.sql ?? stream.sqls.get(request.sql_id!)!);
        return { type: 'sequence' };
      case 'store_sql':
        stream.sqls.set(request.sql_id, request.sql);
        return { type: 'store_sql' };
      case 'close_sql':
        stream.sqls.delete(request.sql_id);
        return { type: 'close_sql' };
      case 'close':
        return { type: 'close' };
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        if (options.authToken && req.headers.authorization !== `Bearer ${options.authToken}`) {
          return res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Unauthorized' }));
        }
        if (req.method === 'GET' && req.url === '/v2') return res.writeHead(200).end();
        if (req.method !== 'POST' || req.url !== '/v2/pipeline') return res.writeHead(404).end();
        count++;
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { baton?: string | null; requests: StreamRequest[] };
        let baton = body.baton ?? undefined;
        let stream = baton ? streams.get(baton) : undefined;
        if (baton && !stream) return res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'unknown baton' }));
        if (!stream) {
          baton = crypto.randomUUID();
          stream = { db: new NativeDatabase(path, { timeout: 5000 }), sqls: new Map() };
          streams.set(baton, stream);
        }
        log.push(body.requests.flatMap((request) => sqlOf(stream, request)));
        const results: unknown[] = [];
        let closed = false;
        for (const request of body.requests) {
          try {
            results.push({ type: 'ok', response: handle(stream, request) });
          } catch (error) {
            results.push({ type: 'error', error: errorOf(error) });
          }
          if (request.type === 'close') closed = true;
        }
        if (closed) {
          stream.db.close();
          streams.delete(baton!);
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ baton: closed ? null : baton, base_url: null, results }));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify(errorOf(error)));
      }
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    statements: () => log,
    close: () =>
      new Promise<void>((done) => {
        for (const stream of streams.values()) stream.db.close();
        streams.clear();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** One structured log line: a level, a message, and fields — never a secret, token or card detail. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  [field: string]: unknown;
}

export type Log = (entry: LogEntry) => void;

/** A log that writes one JSON object per line (with the time), for an operator's log pipeline. */
export function jsonLog(write: (line: string) => void, clock: () => number = Date.now): Log {
  return (entry) => write(JSON.stringify({ time: new Date(clock()).toISOString(), ...entry }));
}

/** What is safe and useful to log of an error: its kind, message, code and where it came from. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const { code } = error as { code?: unknown };
  return {
    error: { name: error.name, message: error.message, ...(code === undefined ? {} : { code }), ...(error.cause === undefined ? {} : { cause: errorFields(error.cause).error }), stack: error.stack },
  };
}

/** A log that drops everything (tests that do not look at logs). */
export const silentLog: Log = () => undefined;

/**
 * Collects lines and hands them to `write` together, once per turn of the event loop: one
 * system call for the lines of many requests instead of one each (measured: a log line per
 * request written alone cost a cached slots request about a fifth of its throughput).
 * `flush()` writes what is pending now (call it before the process exits).
 */
export function batchedLines(write: (chunk: string) => void, schedule: (flush: () => void) => void = (f) => void Promise.resolve().then(f)) {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const chunk = `${pending.join('\n')}\n`;
    pending = [];
    write(chunk);
  };
  const line = (text: string) => {
    if (pending.length === 0) schedule(flush);
    pending.push(text);
  };
  return { line, flush };
}

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

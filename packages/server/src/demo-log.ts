import type { LogEntry } from './services/log.js';

/**
 * One log entry as the demo's terminal shows it: the level and message, then what it is about
 * (`channel=webhook kind=booking.confirmed outcome=retry error=The endpoint answered 500 …`), so a
 * developer trying webhooks or mail locally sees what failed and why; no stack, no timestamp.
 */
export function demoLogLine(entry: LogEntry): string {
  const details = Object.entries(entry)
    .filter(([key, value]) => key !== 'level' && key !== 'msg' && key !== 'time' && value !== undefined)
    .map(([key, value]) => `${key}=${shown(value)}`);
  return [`[${entry.level}] ${entry.msg}`, ...details].join(' ');
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 300 ? `${value.slice(0, 300)}…` : value;
  if (value && typeof value === 'object' && 'message' in value) {
    // An error (`errorFields`): its message and code, never its stack.
    const { name, message, code } = value as { name?: unknown; message?: unknown; code?: unknown };
    return `${String(name ?? 'Error')}: ${String(message)}${code === undefined ? '' : ` (${String(code)})`}`;
  }
  return JSON.stringify(value);
}

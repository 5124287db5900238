// Small helpers shared by the benchmarks: a seeded PRNG, order statistics, a text table, wall-clock
// conversion with Intl, a process's CPU time, and a clear message when the server has not been built yet.
import { readFileSync } from 'node:fs';

/** mulberry32: a tiny seeded PRNG, so every run books exactly the same times. Returns [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile (0 < p ≤ 100) of an ascending array. */
export function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `rows` (arrays of cells) as an aligned text table under `header`: first column left, others right. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export const fmtMs = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);
export const fmtInt = (n) => Math.round(n).toLocaleString('en-US');

/** Days after 1970-01-01 of `YYYY-MM-DD`, and back: plain calendar arithmetic, no zone involved. */
export const epochDay = (date) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
export const dateOf = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day. */
export const isoWeekday = (day) => ((((day + 3) % 7) + 7) % 7) + 1;

const formats = new Map();
/** UTC offset (ms) of `timeZone` at `epochMs`, with one cached Intl formatter per zone. */
function offsetAt(timeZone, epochMs) {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(epochMs).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(epochMs / 1000) * 1000;
}

/** The instant the wall clock in `timeZone` reads `minutes` after midnight of `date` (not for DST-gap times). */
export function wallToEpoch(timeZone, date, minutes) {
  const wall = epochDay(date) * 86_400_000 + minutes * 60_000;
  const guess = wall - offsetAt(timeZone, wall);
  return wall - offsetAt(timeZone, guess);
}

/** Imports a file of the built server, or explains how to build it. */
export async function importBuilt(relativeUrl) {
  const url = new URL(relativeUrl, import.meta.url);
  try {
    return await import(url.href);
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(`'${url.pathname}'`)) {
      console.error(`The server is not built (${url.pathname} is missing). Run \`pnpm build\` at the repository root first.`);
      process.exit(1);
    }
    throw error;
  }
}

/** `--name=value` from argv, else the environment variable, else `undefined`. */
export function stringOption(flag, envName) {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${flag}=`));
  const raw = arg ? arg.slice(flag.length + 3) : process.env[envName];
  return raw === '' ? undefined : raw;
}

/** `--name=value` from argv, else the environment variable, else `fallback`, as a number. */
export function numberOption(flag, envName, fallback) {
  const raw = stringOption(flag, envName);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${flag} / ${envName} must be a positive number, not "${raw}".`);
  return value;
}

/**
 * CPU time (ms, user + system) of process `pid` from Linux's /proc (10 ms ticks), and its parent's
 * pid; `undefined` once it has exited.
 */
export function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 };
  } catch {
    return undefined;
  }
}

/** The whole machine's CPU time (ms, all cores) from Linux's /proc/stat: busy, and busy + idle. */
export function machineCpu() {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = ticks[3] + ticks[4]; // idle, iowait
  return { busyMs: ((total - idle) * 1000) / 100, totalMs: (total * 1000) / 100 };
}

/**
 * Starts counting CPU: returns a function giving, since the start, the CPU ms of the server process
 * `serverPid` (all its threads) and of its serving thread alone, of this process (the load
 * generator), and the machine's busy and total ms (total = wall time × cores).
 */
export function cpuMeter(serverPid) {
  const at = () => ({
    server: procStat(serverPid)?.cpuMs ?? NaN,
    // The main thread's task has the process's id: the thread that serves HTTP.
    serving: procStat(`${serverPid}/task/${serverPid}`)?.cpuMs ?? NaN,
    generator: procStat(process.pid)?.cpuMs ?? NaN,
    ...machineCpu(),
  });
  const start = at();
  return () => {
    const end = at();
    return { server: end.server - start.server, serving: end.serving - start.serving, generator: end.generator - start.generator, busy: end.busyMs - start.busyMs, total: end.totalMs - start.totalMs };
  };
}

import { and, eq, gt, lte } from 'drizzle-orm';
import type { Drizzle } from '../../db/client.js';
import { slotChanges } from '../../db/schema.js';
import { DAY_MS } from '../../domain/civil.js';
import { lru, type SlotCache } from './slot-cache.js';

/**
 * Slots answers carried across booking writes. Every booking write moves the specialist's
 * availability version, and answers are filed by version, so one booking used to send every
 * cached answer of the specialist back to the engine — the 14 days a visitor is looking at
 * included, for a booking made months away. Each booking write also files what time it changed
 * (`slot_changes`, by trigger, in its own transaction; schema.ts says what a row means), so an
 * answer of an older version is still exact when every version since is such a row and none of
 * them comes within `CARRY_MARGIN_MS` of the answer's window. Anything else that moves the
 * version (hours, services, the zone, the specialist's standing) leaves a gap in the rows, and
 * the answer is computed again, as before.
 */

/**
 * How far a booking's effect on open slots reaches from its own time: its buffers and a slot's
 * length and buffers (each at most 8 h, the contract's bounds), and the per-day and per-week caps,
 * which count bookings of the same local date or ISO week (at most 7 days and a DST hour apart).
 * Eight days covers all of them.
 */
export const CARRY_MARGIN_MS = 8 * DAY_MS;
/** Versions a carry may span: what the triggers keep per specialist. */
export const CHANGES_KEPT = 64;

type Change = readonly [from: number, to: number];

interface CarryState {
  /** Per specialist: the booking changes read so far, by the version they produced. */
  changes: ReturnType<typeof lru<Map<number, Change>>>;
  /** Per answer asked (its key without the version): the newest version it was filed under. */
  newest: ReturnType<typeof lru<number>>;
  /** Per specialist: the newest slots context built or carried, and its version. */
  contexts: ReturnType<typeof lru<{ version: number; context: unknown }>>;
}

const states = new WeakMap<SlotCache, CarryState>();

function stateOf(cache: SlotCache): CarryState {
  let state = states.get(cache);
  if (!state) states.set(cache, (state = { changes: lru(1000), newest: lru(4000), contexts: lru(500) }));
  return state;
}

/**
 * The booking changes of `specialistId` that took its version from `from` to `to`, or undefined
 * when anything else moved it in between (or the span is longer than the rows kept). Rows of
 * committed versions never change, so they are read once per process: a version seen again costs
 * nothing, a new one one indexed read.
 */
export async function bookingChangesBetween(cache: SlotCache, db: Drizzle, specialistId: string, from: number, to: number): Promise<Change[] | undefined> {
  if (to <= from || to - from > CHANGES_KEPT) return undefined;
  const state = stateOf(cache);
  let known = state.changes.get(specialistId);
  let missing = false;
  for (let v = from + 1; v <= to && !missing; v++) missing = !known?.has(v);
  if (missing) {
    const rows = await db
      .select({ version: slotChanges.version, fromAt: slotChanges.fromAt, toAt: slotChanges.toAt })
      .from(slotChanges)
      .where(and(eq(slotChanges.specialistId, specialistId), gt(slotChanges.version, from), lte(slotChanges.version, to)));
    if (!known) state.changes.set(specialistId, (known = new Map()));
    for (const row of rows) known.set(row.version, [row.fromAt, row.toAt]);
    for (const version of known.keys()) if (version <= to - CHANGES_KEPT) known.delete(version);
  }
  const found: Change[] = [];
  for (let v = from + 1; v <= to; v++) {
    const change = known?.get(v);
    if (!change) return undefined;
    found.push(change);
  }
  return found;
}

/**
 * The specialist's slots context (their row, services, feeds, standing) for `version`: the one
 * built for an older version when only bookings were written since (none of it depends on
 * bookings), else `load()`'s. `refresh` gives the carried context what the new version changes.
 */
export async function carriedContext<T>(cache: SlotCache, db: Drizzle, head: { id: string; version: number }, load: () => Promise<T>, refresh: (context: T) => T): Promise<T> {
  const state = stateOf(cache);
  const last = state.contexts.get(head.id);
  let context: T | undefined;
  if (last && last.version < head.version && (await bookingChangesBetween(cache, db, head.id, last.version, head.version))) context = refresh(last.context as T);
  context ??= await load();
  const newest = state.contexts.get(head.id);
  if (!newest || newest.version <= head.version) state.contexts.set(head.id, { version: head.version, context });
  return context;
}

/**
 * An answer filed under an older version of the same question, still exact at `head.version`:
 * every version since was a booking write, none within `CARRY_MARGIN_MS` of `window` (the
 * instants the answer's dates cover). Filed under `key` before it is returned.
 */
export async function carriedAnswer(
  cache: SlotCache,
  db: Drizzle,
  head: { id: string; version: number },
  ask: { key: string; question: string; window: () => { from: number; to: number }; keyAt: (version: number) => string },
  now: number,
): Promise<{ body: Uint8Array<ArrayBuffer>; validUntil: number } | undefined> {
  const before = stateOf(cache).newest.get(ask.question);
  if (before === undefined || before >= head.version) return undefined;
  const old = cache.entry(ask.keyAt(before), now);
  if (!old) return undefined;
  const changes = await bookingChangesBetween(cache, db, head.id, before, head.version);
  if (!changes) return undefined;
  const { from, to } = ask.window();
  if (changes.some(([start, end]) => start - CARRY_MARGIN_MS < to && end + CARRY_MARGIN_MS >= from)) return undefined;
  cache.set(ask.key, old.body, old.validUntil);
  return old;
}

/** Notes that the answer to `question` is filed under `version` (computed or carried). */
export function answerFiled(cache: SlotCache, question: string, version: number): void {
  const newest = stateOf(cache).newest;
  const known = newest.get(question);
  if (known === undefined || known < version) newest.set(question, version);
}

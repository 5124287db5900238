import type { Slots } from '@slotwise/sdk/contract';
import { DAY_MS, daysFromCivil, formatEpochDay, isoInstant } from '../../domain/civil.js';
import type { Slot } from '../../domain/slots.js';

const encoder = new TextEncoder();

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const START = ascii('{"start":"');
const END = ascii('","end":"');
/** `HH:MM:` for each minute of the day, 6 bytes each. */
const HOUR_MINUTE = ascii(Array.from({ length: 1440 }, (_, i) => `${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:`).join(''));
/** `SS` for each second of a minute, 2 bytes each. */
const SECONDS = ascii(Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0')).join(''));
const FIRST_DAY = daysFromCivil(0, 1, 1);
const LAST_DAY = daysFromCivil(9999, 12, 31);
/**
 * The most one slot can take, as UTF-8: the keys, two instants of up to 27 characters (`isoInstant`
 * beyond year 9999: `+275760-09-13T00:00:00.000Z`), a seat count of up to 24.
 */
const SLOT_MAX = 160;

/**
 * Slots written once as UTF-8 JSON objects, each followed by a comma, with where each begins:
 * every answer that shows some of them copies their bytes (`answerBytes`) instead of writing
 * them again. A slot's object does not depend on the visitor's zone (its instants are UTC), so
 * one list serves every zone and every window that falls on it.
 */
export interface SlotList {
  bytes: Uint8Array<ArrayBuffer>;
  /** Each slot's start, epoch ms, ascending as the engine gives them. */
  starts: Float64Array;
  /** Where slot `i`'s object begins in `bytes`; `at[length]` is the end of the last one's comma. */
  at: Uint32Array;
}

/** Slots in a list's own order, as far as the answer shows them: `list`'s slots `first` … `end - 1`. */
export interface SlotRun {
  list: SlotList;
  first: number;
  end: number;
}

/** One date of an answer: its slots, in one run or more (a date may span two lists). */
export interface DayRuns {
  date: string;
  runs: SlotRun[];
}

/**
 * `slots` as their JSON objects, byte for byte what `JSON.stringify` writes for one slot of the
 * `Slots` body (same keys, same order), each followed by a comma. Written straight from the
 * engine's epoch-ms slots: building the text first (a string per slot, then one long string
 * flattened and encoded) cost twice as much and left most of a cache miss's garbage.
 */
export function slotList(slots: readonly Slot[]): SlotList {
  let bytes = new Uint8Array(slots.length * 64 + 64);
  const starts = new Float64Array(slots.length);
  const offsets = new Uint32Array(slots.length + 1);
  // No closures over `bytes` and `at` (they would live in a context, slowing every byte).
  let at = 0;
  for (let j = 0; j < slots.length; j++) {
    const slot = slots[j]!;
    starts[j] = slot.start;
    offsets[j] = at;
    if (at + SLOT_MAX > bytes.length) bytes = room(bytes, at, SLOT_MAX);
    for (let k = 0; k < START.length; k++) bytes[at + k] = START[k]!;
    at = shortInstant(bytes, at + START.length, slot.start);
    if (at < 0) at = put(bytes, -at - 1, isoInstant(slot.start));
    for (let k = 0; k < END.length; k++) bytes[at + k] = END[k]!;
    at = shortInstant(bytes, at + END.length, slot.end);
    if (at < 0) at = put(bytes, -at - 1, isoInstant(slot.end));
    bytes[at++] = 0x22; // "
    if (slot.seatsLeft !== undefined) at = put(bytes, at, `,"seatsLeft":${slot.seatsLeft}`);
    bytes[at++] = 0x7d; // }
    bytes[at++] = 0x2c; // ,
  }
  offsets[slots.length] = at;
  // One buffer for all three, so a cache that weighs a body by its buffer weighs the whole list.
  const buffer = new ArrayBuffer(starts.byteLength + offsets.byteLength + at);
  const list = {
    starts: new Float64Array(buffer, 0, slots.length),
    at: new Uint32Array(buffer, starts.byteLength, slots.length + 1),
    bytes: new Uint8Array(buffer, starts.byteLength + offsets.byteLength, at),
  };
  list.starts.set(starts);
  list.at.set(offsets);
  list.bytes.set(bytes.subarray(0, at));
  return list;
}

/**
 * The public slots answer as UTF-8 JSON, byte for byte what `JSON.stringify` writes for the
 * `Slots` body, from slots already written (`slotList`): each date's runs are copied, not written.
 * Every string that is not an instant or a number goes through `JSON.stringify`, so escaping
 * stays its business.
 */
export function answerBytes(head: Omit<Slots, 'days'>, days: readonly DayRuns[]): Uint8Array<ArrayBuffer> {
  const { service, duration, timeZone, from, to } = head;
  // `…"days":[]}` without its last two characters: the same header JSON.stringify writes.
  const opening = JSON.stringify({ service, duration, timeZone, from, to, days: [] }).slice(0, -2);
  const dates = days.map((day, i) => `${i === 0 ? '' : ','}{"date":${JSON.stringify(day.date)},"slots":[`);
  // Each run's bytes end with a comma; the last one of a date drops it.
  let size = utf8Length(opening) + 2;
  for (let i = 0; i < days.length; i++) {
    let slotBytes = 0;
    for (const run of days[i]!.runs) if (run.end > run.first) slotBytes += run.list.at[run.end]! - run.list.at[run.first]!;
    size += utf8Length(dates[i]!) + 2 + Math.max(0, slotBytes - 1);
  }
  const bytes = new Uint8Array(size);
  let at = put(bytes, 0, opening);
  for (let i = 0; i < days.length; i++) {
    at = put(bytes, at, dates[i]!);
    const dayStart = at;
    for (const run of days[i]!.runs) {
      if (run.end <= run.first) continue;
      const { bytes: source, at: offsets } = run.list;
      bytes.set(source.subarray(offsets[run.first]!, offsets[run.end]!), at);
      at += offsets[run.end]! - offsets[run.first]!;
    }
    if (at > dayStart) at--; // the last slot's comma
    bytes[at++] = 0x5d; // ]
    bytes[at++] = 0x7d; // }
  }
  bytes[at++] = 0x5d;
  bytes[at++] = 0x7d;
  return bytes;
}

/** How many bytes `text` takes as UTF-8 (`TextEncoder`'s: a lone surrogate becomes U+FFFD, 3 bytes). */
function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: 4 bytes for 2 units
      i++;
    } else n += 2;
  }
  return n;
}

/** `value` as UTF-8 at `at` (room made for it first). @returns where it ends */
function put(bytes: Uint8Array, at: number, value: string): number {
  return at + encoder.encodeInto(value, bytes.subarray(at)).written;
}

/** `bytes`, or a larger copy of its first `at` bytes, so that `n` more fit after `at` (any text: 3 bytes a unit). */
function room(bytes: Uint8Array<ArrayBuffer>, at: number, n: number): Uint8Array<ArrayBuffer> {
  if (at + n <= bytes.length) return bytes;
  const bigger = new Uint8Array(Math.max(bytes.length * 2, at + n));
  bigger.set(bytes.subarray(0, at));
  return bigger;
}

/** The epoch day whose `YYYY-MM-DDT` is in `prefix` (slots come in date order). */
let prefixDay = Number.NaN;
const prefix = new Uint8Array(11);

/**
 * `isoInstant(epochMs)` written at `at` from tables when it is whole seconds in years 0000–9999
 * (@returns where it ends); anything else is left to the caller (@returns `-at - 1`). The seconds
 * are checked and split in int32 arithmetic: `%` on the double `epochMs − day` calls `fmod`, which
 * alone cost a third of the writing.
 */
function shortInstant(bytes: Uint8Array, at: number, epochMs: number): number {
  const day = Math.floor(epochMs / DAY_MS);
  const second = (epochMs - day * DAY_MS) / 1000;
  if (second !== (second | 0) || !(day >= FIRST_DAY && day <= LAST_DAY)) return -at - 1;
  if (day !== prefixDay) {
    const date = formatEpochDay(day);
    for (let k = 0; k < 10; k++) prefix[k] = date.charCodeAt(k);
    prefix[10] = 0x54; // T
    prefixDay = day;
  }
  for (let k = 0; k < 11; k++) bytes[at + k] = prefix[k]!;
  const whole = second | 0;
  const minute = ((whole / 60) | 0) * 6;
  for (let k = 0; k < 6; k++) bytes[at + 11 + k] = HOUR_MINUTE[minute + k]!;
  const s = (whole % 60) * 2;
  bytes[at + 17] = SECONDS[s]!;
  bytes[at + 18] = SECONDS[s + 1]!;
  bytes[at + 19] = 0x5a; // Z
  return at + 20;
}

import type { Slots } from '@slotwise/sdk/contract';
import { DAY_MS, daysFromCivil, formatEpochDay, isoInstant } from '../../domain/civil.js';
import type { SlotDay } from '../../domain/slots.js';

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
 * The public slots answer as UTF-8 JSON, byte for byte what `JSON.stringify` writes for the
 * `Slots` body (same keys, same order) encoded as UTF-8, written straight from the engine's
 * epoch-ms slots into one buffer. A cache miss serialises thousands of slots: building the text
 * first (a string per slot, then one long string flattened and encoded) cost twice as much and
 * left most of a miss's garbage. Every string that is not an instant or a number still goes
 * through `JSON.stringify`, so escaping stays its business.
 */
export function slotsBytes(head: Omit<Slots, 'days'>, days: readonly SlotDay[]): Uint8Array<ArrayBuffer> {
  const { service, duration, timeZone, from, to } = head;
  // `…"days":[]}` without its last two characters: the same header JSON.stringify writes.
  let value = JSON.stringify({ service, duration, timeZone, from, to, days: [] }).slice(0, -2);
  let slotCount = 0;
  for (const day of days) slotCount += day.slots.length;
  // Enough for every slot written the short way (62 bytes at most); grown only for long ones.
  let bytes = new Uint8Array(value.length * 3 + days.length * 64 + slotCount * 64 + 4096);
  // No closures over `bytes` and `at` (they would live in a context, slowing every byte).
  let at = put(bytes, 0, value);
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    const slots = day.slots;
    value = `${i === 0 ? '' : ','}{"date":${JSON.stringify(day.date)},"slots":[`;
    bytes = room(bytes, at, value.length * 3 + 2);
    at = put(bytes, at, value);
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j]!;
      if (at + SLOT_MAX > bytes.length) bytes = room(bytes, at, SLOT_MAX);
      if (j > 0) bytes[at++] = 0x2c; // ,
      for (let k = 0; k < START.length; k++) bytes[at + k] = START[k]!;
      at = shortInstant(bytes, at + START.length, slot.start);
      if (at < 0) at = put(bytes, -at - 1, isoInstant(slot.start));
      for (let k = 0; k < END.length; k++) bytes[at + k] = END[k]!;
      at = shortInstant(bytes, at + END.length, slot.end);
      if (at < 0) at = put(bytes, -at - 1, isoInstant(slot.end));
      bytes[at++] = 0x22; // "
      if (slot.seatsLeft !== undefined) at = put(bytes, at, `,"seatsLeft":${slot.seatsLeft}`);
      bytes[at++] = 0x7d; // }
    }
    bytes = room(bytes, at, 2);
    bytes[at++] = 0x5d; // ]
    bytes[at++] = 0x7d; // }
  }
  bytes = room(bytes, at, 2);
  bytes[at++] = 0x5d;
  bytes[at++] = 0x7d;
  return bytes.slice(0, at);
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

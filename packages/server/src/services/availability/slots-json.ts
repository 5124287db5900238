import type { Slots } from '@slotwise/sdk/contract';
import { isoInstant } from '../../domain/civil.js';
import type { SlotDay } from '../../domain/slots.js';

/**
 * The public slots answer as JSON text, byte for byte what `JSON.stringify` writes for the
 * `Slots` body (same keys, same order), written straight from the engine's epoch-ms slots. A
 * cache miss serialises thousands of slots; an object per slot and per instant string first,
 * then a generic stringify, cost about half as much again. Every string that does not come from
 * `isoInstant` still goes through `JSON.stringify`, so escaping stays its business.
 */
export function slotsJson(head: Omit<Slots, 'days'>, days: readonly SlotDay[]): string {
  const { service, duration, timeZone, from, to } = head;
  // `…"days":[]}` without its last two characters: the same header JSON.stringify writes.
  let out = JSON.stringify({ service, duration, timeZone, from, to, days: [] }).slice(0, -2);
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    out += `${i === 0 ? '' : ','}{"date":${JSON.stringify(day.date)},"slots":[`;
    const slots = day.slots;
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j]!;
      const seats = slot.seatsLeft === undefined ? '' : `,"seatsLeft":${slot.seatsLeft}`;
      out += `${j === 0 ? '' : ','}{"start":"${isoInstant(slot.start)}","end":"${isoInstant(slot.end)}"${seats}}`;
    }
    out += ']}';
  }
  return `${out}]}`;
}

const encoder = new TextEncoder();

/**
 * `text` as UTF-8. A slots answer is ASCII but for a name the head may carry, and for ASCII text
 * `encodeInto` a buffer of exactly its length costs about 60% of `encode` (which sizes its output
 * for any text, and was 14% of a cache miss's CPU): that first, `encode` when a character did not fit.
 */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  const { read, written } = encoder.encodeInto(text, bytes);
  return read === text.length && written === text.length ? bytes : encoder.encode(text);
}

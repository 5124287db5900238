import { isKnownZone } from '../../internal/time-zones.js';

const KEY = 'slotwise:time-zone';

/**
 * The zone a visitor picked, kept for the visit (sessionStorage: this tab, until it closes), so a
 * reload or the next page with the widget shows the same times. Silent where storage is refused
 * (privacy modes, sandboxed frames): the choice then lasts as long as the element.
 */
export const zoneMemory = {
  /** The remembered zone, if the runtime still knows it. */
  read(): string | undefined {
    try {
      const zone = sessionStorage.getItem(KEY);
      return zone && isKnownZone(zone) ? zone : undefined;
    } catch {
      return undefined;
    }
  },
  write(zone: string): void {
    try {
      sessionStorage.setItem(KEY, zone);
    } catch {
      // Storage refused: the choice is kept by the element only.
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // Nothing was stored.
    }
  },
};

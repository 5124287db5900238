import type { Booking, LocationKind } from '@slotwise/sdk/contract';

/**
 * Where a booking's session stands for its customer at a moment, from what the server sent: its
 * status, `join.opensAt`/`closesAt`, `join.url` and `location`. The link is only ever the
 * server's: nothing here builds one.
 *
 * - `none`: nothing to join or wait for (held, cancelled, expired, missed);
 * - `before`: confirmed, counting down to `at` — the window's opening for a session joined by a
 *   link, the start for one by phone, in person or arranged otherwise;
 * - `open`: inside the join window (joined by a link: `url`, null while the server has none to
 *   give — or gives one that is not an http(s) link) or, for the others, from the start until
 *   the window closes;
 * - `over`: the window closed, or the booking is completed.
 */
export type JoinPhase =
  | { phase: 'none' }
  | { phase: 'before'; at: number }
  | { phase: 'open'; url: string | null; closesAt: number }
  | { phase: 'over' };

/** Location kinds whose session is joined through the link the server gives inside the window. */
export function joinedByLink(kind: LocationKind): boolean {
  return kind === 'video' || kind === 'link';
}

export function joinPhase(booking: Booking, now: number): JoinPhase {
  if (booking.status === 'completed') return { phase: 'over' };
  if (booking.status !== 'confirmed') return { phase: 'none' };
  const closesAt = Date.parse(booking.join.closesAt);
  if (now >= closesAt) return { phase: 'over' };
  const opensAt = joinedByLink(booking.location.kind) ? Date.parse(booking.join.opensAt) : Date.parse(booking.start);
  if (now < opensAt) return { phase: 'before', at: opensAt };
  return { phase: 'open', url: webLink(booking.join.url), closesAt };
}

/** `url` if it is an http(s) link: anything else (a `javascript:` URL…) is never put in an `href`. */
export function webLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * How long to wait before each further read of a booking whose window is open but whose link the
 * server did not give yet (the meeting is still being made, or the server's clock is a little
 * behind): soon at first, then less often, and then no more on its own (about two minutes in
 * all). The visitor can always ask again.
 */
export const LINK_RETRY_DELAYS_MS: readonly number[] = [3_000, 3_000, 10_000, 20_000, 30_000, 60_000];

/**
 * When to read the booking again for its join link, or null for not on its own: at the window's
 * opening when the booking shown was read before it (the server gives the link only from then);
 * once inside, `LINK_RETRY_DELAYS_MS[retries]` after the last read, while the link is missing,
 * the delays last and the window is open.
 *
 * @param readAt - when the booking shown was last read (or a read was last tried)
 * @param retries - reads already made inside the window without getting the link
 */
export function nextLinkCheck(booking: Booking, readAt: number, retries: number): number | null {
  if (booking.status !== 'confirmed' || !joinedByLink(booking.location.kind) || booking.join.url) return null;
  const opensAt = Date.parse(booking.join.opensAt);
  const closesAt = Date.parse(booking.join.closesAt);
  if (readAt < opensAt) return opensAt;
  const delay = LINK_RETRY_DELAYS_MS[retries];
  if (delay === undefined) return null;
  return readAt + delay < closesAt ? readAt + delay : null;
}

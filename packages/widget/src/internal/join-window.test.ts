import { expect } from '@open-wc/testing';
import type { Booking, LocationKind } from '@slotwise/sdk/contract';
import { joinPhase, LINK_RETRY_DELAYS_MS, nextLinkCheck, webLink } from './join-window.js';

const MIN = 60_000;
const start = Date.parse('2026-11-23T09:00:00Z');
const end = start + 30 * MIN;
const opensAt = start - 10 * MIN;

/** A booking as the server sends it to its customer: the join window, the link only when given. */
function booking(patch: { status?: Booking['status']; kind?: LocationKind; url?: string | null } = {}): Booking {
  return {
    id: 'bk_1',
    status: patch.status ?? 'confirmed',
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    location: { kind: patch.kind ?? 'video', detail: patch.kind === 'phone' ? '+49 30 1234567' : null },
    join: { opensAt: new Date(opensAt).toISOString(), closesAt: new Date(end).toISOString(), url: patch.url ?? null },
  } as Booking;
}

describe('the join window', () => {
  it('counts a video session down to the window opening, opens it with the server’s link, and ends at its close', () => {
    expect(joinPhase(booking(), opensAt - 1)).to.deep.equal({ phase: 'before', at: opensAt });
    expect(joinPhase(booking(), opensAt)).to.deep.equal({ phase: 'open', url: null, closesAt: end });
    const url = 'https://meet.jit.si/room-1';
    expect(joinPhase(booking({ url }), end - 1)).to.deep.equal({ phase: 'open', url, closesAt: end });
    expect(joinPhase(booking({ url }), end)).to.deep.equal({ phase: 'over' });
  });

  it('counts a session by phone or in person down to its start, not to the window', () => {
    expect(joinPhase(booking({ kind: 'phone' }), opensAt + MIN)).to.deep.equal({ phase: 'before', at: start });
    expect(joinPhase(booking({ kind: 'in_person' }), start)).to.deep.equal({ phase: 'open', url: null, closesAt: end });
  });

  it('shows nothing to join for a booking that is not confirmed, and a completed one as over at any time', () => {
    for (const status of ['held', 'cancelled', 'expired', 'no_show'] as const) expect(joinPhase(booking({ status }), start).phase).to.equal('none');
    expect(joinPhase(booking({ status: 'completed' }), start).phase).to.equal('over');
  });

  it('never puts a link other than http(s) in an href', () => {
    expect(joinPhase(booking({ url: 'javascript:alert(1)' }), start)).to.deep.equal({ phase: 'open', url: null, closesAt: end });
    expect(webLink('data:text/html,hi')).to.equal(null);
    expect(webLink('not a url')).to.equal(null);
    expect(webLink('https://zoom.us/j/1')).to.equal('https://zoom.us/j/1');
  });

  it('reads the booking again at the opening when it was read before, then a bounded number of times while the link is missing', () => {
    // Read two hours ahead: the next read is at the opening, not before.
    expect(nextLinkCheck(booking(), opensAt - 120 * MIN, 0)).to.equal(opensAt);
    // Read inside the window without a link: again after each delay, then no more on its own.
    const readAt = opensAt + 1_000;
    LINK_RETRY_DELAYS_MS.forEach((delay, retries) => expect(nextLinkCheck(booking(), readAt, retries)).to.equal(readAt + delay));
    expect(nextLinkCheck(booking(), readAt, LINK_RETRY_DELAYS_MS.length)).to.equal(null);
    // Not past the window's close, not once the link is there, never for a session without one.
    expect(nextLinkCheck(booking(), end - 1_000, 0)).to.equal(null);
    expect(nextLinkCheck(booking({ url: 'https://meet.jit.si/room-1' }), readAt, 0)).to.equal(null);
    expect(nextLinkCheck(booking({ kind: 'phone' }), opensAt - MIN, 0)).to.equal(null);
    expect(nextLinkCheck(booking({ status: 'cancelled' }), opensAt - MIN, 0)).to.equal(null);
  });
});

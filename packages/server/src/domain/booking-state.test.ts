import type { BookingStatus } from '@slotwise/sdk/contract';
import { describe, expect, it } from 'vitest';
import { NEW, transition, type BookingAction } from './booking-state.js';

const start = Date.parse('2026-12-10T10:00:00Z');
const all: (BookingStatus | typeof NEW)[] = [NEW, 'held', 'confirmed', 'cancelled', 'expired', 'completed', 'no_show'];
const actions: BookingAction[] = ['book', 'hold', 'confirm', 'confirm_late', 'expire', 'cancel', 'reschedule', 'complete', 'mark_no_show', 'refund', 'note', 'attach_meeting'];

describe('the booking state machine', () => {
  it('allows exactly the lifecycle transitions and nothing else', () => {
    const allowed = new Map([
      ['new:book', 'confirmed'],
      ['new:hold', 'held'],
      ['held:confirm', 'confirmed'],
      ['held:confirm_late', 'confirmed'],
      ['expired:confirm_late', 'confirmed'],
      ['held:expire', 'expired'],
      ['held:cancel', 'cancelled'],
      ['confirmed:cancel', 'cancelled'],
      ['held:reschedule', 'held'],
      ['confirmed:reschedule', 'confirmed'],
      ['confirmed:complete', 'completed'],
      ['confirmed:mark_no_show', 'no_show'],
      ...(['confirmed', 'cancelled', 'expired', 'completed', 'no_show'] as const).map((s) => [`${s}:refund`, s] as const),
      ...(['held', 'confirmed', 'cancelled', 'expired', 'completed', 'no_show'] as const).map((s) => [`${s}:note`, s] as const),
      ['held:attach_meeting', 'held'],
      ['confirmed:attach_meeting', 'confirmed'],
    ]);
    for (const status of all) {
      for (const action of actions) {
        // The hold's state decides between confirm and confirm_late: ask each with the one it needs.
        const holdExpiresAt = action === 'confirm_late' ? start - 1 : start + 60_000;
        const result = transition({ status, startAt: start, holdExpiresAt }, action, start + 1);
        const key = `${status}:${action}`;
        expect({ key, to: result.ok ? result.to : null }).toEqual({ key, to: allowed.get(key) ?? null });
        if (!result.ok) expect(result.why.key).toBe('transition.not_allowed');
      }
    }
  });

  it('needs the session to have started before completing or marking a no-show', () => {
    expect(transition({ status: 'confirmed', startAt: start }, 'complete', start - 1).ok).toBe(false);
    expect(transition({ status: 'confirmed', startAt: start }, 'mark_no_show', start)).toEqual({ ok: true, to: 'no_show' });
  });

  it('confirms a live hold, and a lapsed one only as a late payment (a named transition)', () => {
    const held = { status: 'held' as const, startAt: start, holdExpiresAt: start - 60_000 };
    expect(transition({ ...held, holdExpiresAt: start - 60_000 + 1 }, 'confirm', start - 60_000)).toEqual({ ok: true, to: 'confirmed' });
    expect(transition(held, 'confirm', start - 60_000)).toMatchObject({ ok: false, why: { key: 'transition.hold_lapsed' } });
    expect(transition(held, 'confirm_late', start - 60_000)).toEqual({ ok: true, to: 'confirmed' });
    expect(transition({ ...held, holdExpiresAt: start }, 'confirm_late', start - 60_000)).toMatchObject({ ok: false, why: { key: 'transition.hold_live' } });
    expect(transition({ status: 'expired', startAt: start }, 'confirm_late', start)).toEqual({ ok: true, to: 'confirmed' });
    expect(transition({ status: 'expired', startAt: start }, 'confirm', start).ok).toBe(false);
  });
});

import type { BookingStatus } from '@slotwise/sdk/contract';
import { describe, expect, it } from 'vitest';
import { transition, type BookingAction } from './booking-state.js';

const start = Date.parse('2026-12-10T10:00:00Z');
const all: BookingStatus[] = ['held', 'confirmed', 'cancelled', 'expired', 'completed', 'no_show'];
const actions: BookingAction[] = ['confirm', 'cancel', 'expire', 'complete', 'mark_no_show', 'reschedule'];

describe('the booking state machine', () => {
  it('allows exactly the lifecycle transitions and nothing else', () => {
    const allowed = new Set(['held:confirm', 'held:cancel', 'held:expire', 'held:reschedule', 'confirmed:cancel', 'confirmed:complete', 'confirmed:mark_no_show', 'confirmed:reschedule']);
    for (const status of all) {
      for (const action of actions) {
        const result = transition({ status, startAt: start }, action, start + 1);
        expect({ key: `${status}:${action}`, ok: result.ok }).toEqual({ key: `${status}:${action}`, ok: allowed.has(`${status}:${action}`) });
        if (!result.ok) expect(result.reason).toMatch(/cannot be/);
      }
    }
  });

  it('needs the session to have started before completing or marking a no-show', () => {
    expect(transition({ status: 'confirmed', startAt: start }, 'complete', start - 1).ok).toBe(false);
    expect(transition({ status: 'confirmed', startAt: start }, 'mark_no_show', start)).toEqual({ ok: true, to: 'no_show' });
  });
});

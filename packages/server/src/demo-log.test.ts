import { describe, expect, it } from 'vitest';
import { demoLogLine } from './demo-log.js';
import { errorFields } from './services/log.js';

describe("the demo terminal's log lines", () => {
  it('say what failed and why: the delivery, its channel and kind, the error, never the stack', () => {
    const failure = new Error('The endpoint could not be reached: no answer within 15 s.');
    const line = demoLogLine({ level: 'warn', msg: 'delivery', id: 'dl_1', channel: 'webhook', kind: 'booking.confirmed', attempt: 2, outcome: 'retry', nextAttemptAt: '2026-11-20T12:01:00.000Z', ...errorFields(failure) });
    expect(line).toBe('[warn] delivery id=dl_1 channel=webhook kind=booking.confirmed attempt=2 outcome=retry nextAttemptAt=2026-11-20T12:01:00.000Z error=Error: The endpoint could not be reached: no answer within 15 s.');
    expect(line).not.toContain('at ');
    expect(demoLogLine({ level: 'error', msg: 'unhandled error', path: '/v1/bookings', time: 'x' })).toBe('[error] unhandled error path=/v1/bookings');
  });
});

import { describe, expect, it } from 'vitest';
import { isSlotwiseError, SlotwiseError } from './errors.js';

describe('isSlotwiseError', () => {
  it('recognises an error from another copy of the SDK by its shape', () => {
    const foreign = Object.assign(new Error('taken'), { name: 'SlotwiseError', code: 'slot_unavailable', problem: {} });
    expect(isSlotwiseError(foreign, 'slot_unavailable')).toBe(true);
    expect(isSlotwiseError(new Error('x'))).toBe(false);
  });

  it('checks the code when given one', () => {
    const error = new SlotwiseError({ type: 'about:blank', title: 'Taken', status: 409, code: 'slot_unavailable', detail: 'Taken.' });
    expect(isSlotwiseError(error)).toBe(true);
    expect(isSlotwiseError(error, 'slot_unavailable')).toBe(true);
    expect(isSlotwiseError(error, 'booking_not_found')).toBe(false);
  });
});

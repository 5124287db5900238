import { expect } from '@open-wc/testing';
import { detectedTimeZone, resolveZone } from './time-zones.js';

type WithTemporal = { Temporal?: unknown };

describe('detectedTimeZone', () => {
  it('names the zone Intl names for this device (read through Temporal where the browser has it)', () => {
    expect((globalThis as WithTemporal).Temporal, 'this Chromium has Temporal').to.not.equal(undefined);
    expect(detectedTimeZone()).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(resolveZone(undefined)).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('falls back to Intl in a browser without Temporal', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'Temporal');
    Object.defineProperty(globalThis, 'Temporal', { value: undefined, configurable: true, writable: true });
    try {
      expect(detectedTimeZone()).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    } finally {
      if (saved) Object.defineProperty(globalThis, 'Temporal', saved);
    }
  });
});

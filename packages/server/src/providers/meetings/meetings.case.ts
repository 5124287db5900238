import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { MeetingProvider, MeetingRequest } from '../../services/meetings/port.js';

/**
 * One suite for every implementation of the meetings port (like Hono's router tests): Jitsi, and
 * Zoom against the fake Zoom server over HTTP. Each file that runs it supplies a harness; `exists`
 * says whether the provider still has the meeting (Jitsi rooms always "exist").
 */
export interface MeetingsHarness {
  provider: MeetingProvider;
  /** Whether the provider still holds the meeting `ref` (for providers without state: undefined). */
  exists?(ref: string): boolean;
  /** When it starts at the provider, ISO (for providers with times). */
  startOf?(ref: string): string | undefined;
  close(): Promise<void>;
}

export const request = (overrides: Partial<MeetingRequest> = {}): MeetingRequest => ({
  idempotencyKey: 'msg_1:meeting:create',
  topic: 'Coaching session with Dr. Ada Demo',
  start: '2026-11-23T09:00:00.000Z',
  durationMinutes: 60,
  timeZone: 'Europe/Berlin',
  ...overrides,
});

export function runMeetingsCases(name: string, setup: () => Promise<MeetingsHarness>): void {
  describe(`meetings port: ${name}`, () => {
    let h: MeetingsHarness;
    beforeEach(async () => {
      h = await setup();
    });
    afterEach(async () => {
      await h.close();
    });

    test('creates a meeting with an https link and a ref, a different one each time', async () => {
      const a = await h.provider.create(request());
      const b = await h.provider.create(request({ idempotencyKey: 'msg_2:meeting:create' }));
      expect(a.joinUrl).toMatch(/^https:\/\//);
      expect(a.ref).not.toBe('');
      expect(b.ref).not.toBe(a.ref);
      expect(b.joinUrl).not.toBe(a.joinUrl);
      expect(h.exists?.(a.ref) ?? true).toBe(true);
    });

    test('moves a meeting and keeps its link', async () => {
      const made = await h.provider.create(request());
      const moved = await h.provider.update(made.ref, request({ start: '2026-11-24T15:30:00.000Z', durationMinutes: 30 }));
      expect(moved).toBeUndefined();
      if (h.startOf) expect(h.startOf(made.ref)).toBe('2026-11-24T15:30:00Z');
    });

    test('deletes a meeting; deleting it again (already gone) is no failure', async () => {
      const made = await h.provider.create(request());
      await h.provider.delete(made.ref);
      expect(h.exists?.(made.ref) ?? false).toBe(false);
      await expect(h.provider.delete(made.ref)).resolves.toBeUndefined();
    });
  });
}

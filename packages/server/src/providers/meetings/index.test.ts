import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../../node.js';
import { createMeetings, meetingOptionsFromEnv } from './index.js';
import { request } from './meetings.case.js';

const zoomEnv = { ZOOM_ACCOUNT_ID: 'acct', ZOOM_CLIENT_ID: 'client', ZOOM_CLIENT_SECRET: 'secret' };

describe('meetings from the environment', () => {
  it('is Jitsi on meet.jit.si with the default join window when nothing is set', async () => {
    expect(meetingOptionsFromEnv({})).toEqual({});
    const { jitsi, zoom } = createMeetings({});
    expect(zoom).toBeUndefined();
    expect((await jitsi.create(request())).joinUrl).toMatch(/^https:\/\/meet\.jit\.si\//);
  });

  it('reads the Jitsi server, Zoom, its host and the join window', async () => {
    const options = optionsFromEnv({ JITSI_BASE_URL: 'https://video.example.org', ...zoomEnv, ZOOM_USER_ID: 'coach@example.org', JOIN_OPENS_MINUTES_BEFORE: '15', JOIN_CLOSES_MINUTES_AFTER: '5' });
    expect(options).toMatchObject({
      meetingSettings: { jitsiBaseUrl: 'https://video.example.org', zoom: { accountId: 'acct', clientId: 'client', clientSecret: 'secret', userId: 'coach@example.org' } },
      joinWindow: { opensMinutesBefore: 15, closesMinutesAfter: 5 },
    });
    const made = createMeetings(options.meetingSettings!);
    expect(made.zoom?.kind).toBe('zoom');
    expect((await made.jitsi.create(request())).joinUrl).toMatch(/^https:\/\/video\.example\.org\//);
    expect(meetingOptionsFromEnv({ JOIN_OPENS_MINUTES_BEFORE: '0' })).toEqual({ joinWindow: { opensMinutesBefore: 0, closesMinutesAfter: 0 } });
  });

  it('stops the start with a sentence for a value it cannot use', () => {
    expect(() => optionsFromEnv({ JITSI_BASE_URL: 'http://meet.example.org' })).toThrow('JITSI_BASE_URL must be the https:// address of a Jitsi Meet server');
    expect(() => optionsFromEnv({ JITSI_BASE_URL: 'meet.jit.si' })).toThrow('JITSI_BASE_URL');
    expect(() => optionsFromEnv({ ZOOM_ACCOUNT_ID: 'acct', ZOOM_CLIENT_ID: 'client' })).toThrow('ZOOM_CLIENT_SECRET is missing');
    expect(() => optionsFromEnv({ ZOOM_CLIENT_SECRET: 'secret' })).toThrow('ZOOM_ACCOUNT_ID and ZOOM_CLIENT_ID are missing');
    expect(() => optionsFromEnv({ ZOOM_USER_ID: 'me' })).toThrow('ZOOM_USER_ID is set but Zoom is not');
    expect(() => optionsFromEnv({ JOIN_OPENS_MINUTES_BEFORE: 'ten' })).toThrow('JOIN_OPENS_MINUTES_BEFORE must be a whole number of minutes from 0 to 1440; got "ten".');
    expect(() => optionsFromEnv({ JOIN_CLOSES_MINUTES_AFTER: '-5' })).toThrow('JOIN_CLOSES_MINUTES_AFTER');
  });

  it('never puts the Zoom secret in its messages', () => {
    let message = '';
    try {
      optionsFromEnv({ ZOOM_CLIENT_ID: 'client', ZOOM_CLIENT_SECRET: 'very-secret-value' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('ZOOM_ACCOUNT_ID is missing');
    expect(message).not.toContain('very-secret-value');
  });
});

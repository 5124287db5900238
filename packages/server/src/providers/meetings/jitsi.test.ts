import { describe, expect, it } from 'vitest';
import { jitsiMeetings } from './jitsi.js';
import { request, runMeetingsCases } from './meetings.case.js';

runMeetingsCases('Jitsi', async () => ({ provider: jitsiMeetings(), close: async () => undefined }));

describe('Jitsi rooms', () => {
  it('are on meet.jit.si by default and on the configured server otherwise', async () => {
    expect((await jitsiMeetings().create(request())).joinUrl).toMatch(/^https:\/\/meet\.jit\.si\/[a-z0-9-]+$/);
    const own = await jitsiMeetings({ baseUrl: 'https://video.example.org/' }).create(request());
    expect(own.joinUrl).toMatch(/^https:\/\/video\.example\.org\/[a-z0-9-]+$/);
    expect(own.joinUrl.slice('https://'.length)).not.toContain('//');
  });

  it('name the room after the session and 96 random bits nobody can guess', async () => {
    const { joinUrl, ref } = await jitsiMeetings().create(request());
    expect(ref).toMatch(/^coaching-session-with-dr-ada-demo-[0-9a-f]{24}$/);
    expect(joinUrl.endsWith(`/${ref}`)).toBe(true);
    const refs = new Set(await Promise.all(Array.from({ length: 50 }, async () => (await jitsiMeetings().create(request())).ref)));
    expect(refs.size).toBe(50);
  });
});

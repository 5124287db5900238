import type { MeetingProvider } from '../../services/meetings/port.js';

export interface JitsiOptions {
  /** The Jitsi Meet server. @default 'https://meet.jit.si' */
  baseUrl?: string;
}

/**
 * Jitsi Meet, the default that needs no account: a meeting is a room whose name nobody can guess
 * (a readable slug and 96 random bits), so only those given the link can join. Rooms exist while
 * people are in them: moving or cancelling a session changes nothing at Jitsi.
 */
export function jitsiMeetings(options: JitsiOptions = {}): MeetingProvider {
  const base = (options.baseUrl ?? 'https://meet.jit.si').replace(/\/+$/, '');
  return {
    kind: 'jitsi',
    async create(request) {
      const slug = request.topic.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'session';
      const random = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
      const room = `${slug}-${random}`;
      return { ref: room, joinUrl: `${base}/${room}` };
    },
    async update() {},
    async delete() {},
  };
}

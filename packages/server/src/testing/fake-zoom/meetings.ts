import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/** A meeting as Zoom's API shows it (the fields Slotwise reads or sends, and the usual others). */
export interface ZoomMeetingObject {
  uuid: string;
  id: number;
  host_id: string;
  host_email: string;
  topic: string;
  type: number;
  status: 'waiting';
  start_time: string;
  duration: number;
  timezone: string;
  agenda: string;
  created_at: string;
  start_url: string;
  join_url: string;
  password: string;
  settings: Record<string, unknown>;
  pre_schedule: boolean;
}

export interface MeetingsState {
  hostId: string;
  hostEmail: string;
  meetings: Map<number, ZoomMeetingObject>;
  clock: () => number;
}

type Answer = { status: number; body?: unknown };

const validation = (field: string, message = 'Invalid field.'): Answer => ({ status: 400, body: { code: 300, message: 'Validation Failed.', errors: [{ field, message }] } });
const noMeeting = (id: string): Answer => ({ status: 404, body: { code: 3001, message: `Meeting does not exist: ${id}.` } });
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** The defaults Zoom fills into `settings` when a create leaves them out. */
const DEFAULT_SETTINGS = { host_video: false, participant_video: false, join_before_host: false, jbh_time: 0, mute_upon_entry: false, waiting_room: true, approval_type: 2, meeting_authentication: false, auto_recording: 'none' };

/** Zoom reads `start_time` as GMT with a `Z`, else as wall time in `timezone`; only the first is supported here. */
function startOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Checks the fields a create or update may carry; the first problem, as Zoom words it. */
function invalid(body: Record<string, unknown>, creating: boolean): Answer | undefined {
  if (body.topic !== undefined && (typeof body.topic !== 'string' || body.topic.length > 200)) return validation('topic');
  if (body.type !== undefined && ![1, 2, 3, 8].includes(body.type as number)) return validation('type');
  if (body.duration !== undefined && (!Number.isInteger(body.duration) || (body.duration as number) < 0)) return validation('duration');
  if (body.start_time !== undefined && startOf(body.start_time) === undefined) return validation('start_time');
  if (creating && (body.type ?? 2) === 2 && body.start_time === undefined) return validation('start_time', 'Start time is required for a scheduled meeting.');
  if (body.agenda !== undefined && (typeof body.agenda !== 'string' || body.agenda.length > 2000)) return validation('agenda');
  if (body.timezone !== undefined && typeof body.timezone !== 'string') return validation('timezone');
  return undefined;
}

export function createMeeting(state: MeetingsState, userId: string, body: Record<string, unknown>): Answer {
  if (userId !== 'me' && userId !== state.hostId && userId !== state.hostEmail) return { status: 404, body: { code: 1001, message: `User does not exist: ${userId}.` } };
  const problem = invalid(body, true);
  if (problem) return problem;
  let id: number;
  do id = randomInt(80_000_000_000, 99_999_999_999);
  while (state.meetings.has(id));
  const password = randomBytes(4).toString('hex').slice(0, 6);
  const meeting: ZoomMeetingObject = {
    uuid: randomUUID().replace(/-/g, '').slice(0, 22),
    id,
    host_id: state.hostId,
    host_email: state.hostEmail,
    topic: (body.topic as string | undefined) ?? 'Zoom meeting',
    type: (body.type as number | undefined) ?? 2,
    status: 'waiting',
    start_time: iso(startOf(body.start_time) ?? state.clock()),
    duration: (body.duration as number | undefined) ?? 60,
    timezone: (body.timezone as string | undefined) ?? 'America/Los_Angeles',
    agenda: (body.agenda as string | undefined) ?? '',
    created_at: iso(state.clock()),
    start_url: `https://us06web.zoom.us/s/${id}?zak=${randomBytes(16).toString('base64url')}`,
    join_url: `https://us06web.zoom.us/j/${id}?pwd=${randomBytes(16).toString('base64url')}`,
    password,
    settings: { ...DEFAULT_SETTINGS, ...((body.settings as Record<string, unknown> | undefined) ?? {}) },
    pre_schedule: false,
  };
  state.meetings.set(id, meeting);
  return { status: 201, body: meeting };
}

export function listMeetings(state: MeetingsState, userId: string, query: URLSearchParams): Answer {
  if (userId !== 'me' && userId !== state.hostId && userId !== state.hostEmail) return { status: 404, body: { code: 1001, message: `User does not exist: ${userId}.` } };
  const size = Math.min(Number(query.get('page_size') ?? 30) || 30, 300);
  const offset = Number(query.get('next_page_token') || 0);
  const all = [...state.meetings.values()];
  const page = all.slice(offset, offset + size);
  return {
    status: 200,
    body: {
      page_size: size,
      total_records: all.length,
      next_page_token: offset + size < all.length ? String(offset + size) : '',
      meetings: page.map(({ uuid, id, host_id, topic, type, start_time, duration, timezone, agenda, created_at, join_url }) => ({ uuid, id, host_id, topic, type, start_time, duration, timezone, agenda, created_at, join_url })),
    },
  };
}

export function getMeeting(state: MeetingsState, id: string): Answer {
  const meeting = state.meetings.get(Number(id));
  return meeting ? { status: 200, body: meeting } : noMeeting(id);
}

export function updateMeeting(state: MeetingsState, id: string, body: Record<string, unknown>): Answer {
  const meeting = state.meetings.get(Number(id));
  if (!meeting) return noMeeting(id);
  const problem = invalid(body, false);
  if (problem) return problem;
  if (body.topic !== undefined) meeting.topic = body.topic as string;
  if (body.start_time !== undefined) meeting.start_time = iso(startOf(body.start_time)!);
  if (body.duration !== undefined) meeting.duration = body.duration as number;
  if (body.timezone !== undefined) meeting.timezone = body.timezone as string;
  if (body.agenda !== undefined) meeting.agenda = body.agenda as string;
  if (body.settings !== undefined) meeting.settings = { ...meeting.settings, ...(body.settings as Record<string, unknown>) };
  return { status: 204 };
}

export function deleteMeeting(state: MeetingsState, id: string): Answer {
  if (!state.meetings.delete(Number(id))) return noMeeting(id);
  return { status: 204 };
}

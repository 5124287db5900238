import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { bookingUid, calendarIcs, inviteIcs, locationOf, type IcsBooking } from './ics.js';

// What Google Calendar, Outlook and Apple Calendar rely on to add, update and remove one event:
// the METHOD, a UID that never changes, a SEQUENCE that rises with each change, UTC instants,
// ORGANIZER and ATTENDEE. Each document is read back with ical.js (Mozilla's parser).

const base: IcsBooking = {
  id: 'bk_0123456789abcdef',
  start: Date.parse('2026-11-23T08:00:00Z'),
  end: Date.parse('2026-11-23T08:30:00Z'),
  status: 'confirmed',
  sequence: 0,
  summary: 'Intro call with Dr. Ada Demo',
  description: 'Manage: https://example.com/?booking=bk_0123456789abcdef',
  organizer: { name: 'Dr. Ada Demo', email: 'ada@coach.example' },
  attendee: { name: 'Grace Hopper', email: 'grace@example.com' },
  location: 'https://meet.jit.si/slotwise-abc',
  url: 'https://meet.jit.si/slotwise-abc',
  createdAt: Date.parse('2026-11-20T12:00:00Z'),
};

function read(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const vevent = events[0]!;
  const raw = (name: string) => text.split(/\r?\n/).find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: vevent.getFirstPropertyValue('sequence'),
    status: vevent.getFirstPropertyValue('status'),
    start: (vevent.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>).toJSDate().toISOString(),
    end: (vevent.getFirstPropertyValue('dtend') as InstanceType<typeof ICAL.Time>).toJSDate().toISOString(),
    organizer: vevent.getFirstProperty('organizer'),
    attendee: vevent.getFirstProperty('attendee'),
    location: vevent.getFirstPropertyValue('location'),
    url: vevent.getFirstPropertyValue('url'),
    raw,
  };
}

describe('calendar invites (ICS)', () => {
  it('keeps a name inside its CN: quotes and line breaks in a name cannot set the address, the role or the answer', async () => {
    const hostile: IcsBooking = {
      ...base,
      organizer: { name: 'Eve";ROLE=CHAIR:mailto:eve@evil.test;X="', email: 'ada@coach.example' },
      attendee: { name: 'Bob":mailto:attacker@evil.test;PARTSTAT=DECLINED;X="\r\nATTENDEE:mailto:x@evil.test', email: 'bob@example.com' },
    };
    const invite = read(await inviteIcs(hostile, { method: 'REQUEST', now: Date.parse('2026-11-20T12:00:05Z') }));
    expect(String(invite.attendee!.getFirstValue()).toLowerCase()).toBe('mailto:bob@example.com');
    expect(invite.attendee!.getParameter('partstat')).toBe('ACCEPTED');
    expect(invite.attendee!.getParameter('cn')).toBe("Bob':mailto:attacker@evil.test;PARTSTAT=DECLINED;X='  ATTENDEE:mailto:x@evil.test");
    expect(String(invite.organizer!.getFirstValue()).toLowerCase()).toBe('mailto:ada@coach.example');
    expect(invite.organizer!.getParameter('role')).toBeUndefined();
    expect(invite.organizer!.getParameter('cn')).toBe("Eve';ROLE=CHAIR:mailto:eve@evil.test;X='");
  });

  it('writes a REQUEST with the booking’s UID, SEQUENCE, UTC times, organizer, attendee and meeting URL', async () => {
    const invite = read(await inviteIcs(base, { method: 'REQUEST', now: Date.parse('2026-11-20T12:00:05Z') }));
    expect(invite.method).toBe('REQUEST');
    expect(invite.uid).toBe('bk_0123456789abcdef@slotwise');
    expect(invite.sequence).toBe(0);
    expect(invite.status).toBe('CONFIRMED');
    expect(invite.start).toBe('2026-11-23T08:00:00.000Z');
    expect(invite.end).toBe('2026-11-23T08:30:00.000Z');
    // UTC instants, never a TZID a calendar would have to resolve.
    expect(invite.raw('DTSTART')).toBe('DTSTART:20261123T080000Z');
    expect(invite.raw('DTEND')).toBe('DTEND:20261123T083000Z');
    expect(invite.raw('DTSTAMP')).toBe('DTSTAMP:20261120T120005Z');
    expect(String(invite.organizer!.getFirstValue()).toLowerCase()).toBe('mailto:ada@coach.example');
    expect(invite.organizer!.getParameter('cn')).toBe('Dr. Ada Demo');
    expect(String(invite.attendee!.getFirstValue()).toLowerCase()).toBe('mailto:grace@example.com');
    expect(invite.attendee!.getParameter('cn')).toBe('Grace Hopper');
    expect(invite.attendee!.getParameter('partstat')).toBe('ACCEPTED');
    expect(invite.location).toBe('https://meet.jit.si/slotwise-abc');
    expect(invite.url).toBe('https://meet.jit.si/slotwise-abc');
  });

  it('keeps the UID and raises the SEQUENCE across confirm → reschedule → cancel, ending with METHOD:CANCEL', async () => {
    const confirmed = read(await inviteIcs(base, { method: 'REQUEST', now: 1 }));
    const moved = read(await inviteIcs({ ...base, sequence: 1, start: base.start + 86_400_000, end: base.end + 86_400_000 }, { method: 'REQUEST', now: 2 }));
    const cancelled = read(await inviteIcs({ ...base, sequence: 2, status: 'cancelled', start: base.start + 86_400_000, end: base.end + 86_400_000 }, { method: 'CANCEL', now: 3 }));
    expect(new Set([confirmed.uid, moved.uid, cancelled.uid])).toEqual(new Set([bookingUid(base.id)]));
    expect([confirmed.sequence, moved.sequence, cancelled.sequence]).toEqual([0, 1, 2]);
    expect(moved.start).toBe('2026-11-24T08:00:00.000Z');
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.status).toBe('CANCELLED');
    expect(String(cancelled.organizer!.getFirstValue()).toLowerCase()).toBe('mailto:ada@coach.example');
    expect(String(cancelled.attendee!.getFirstValue()).toLowerCase()).toBe('mailto:grace@example.com');
  });

  it('writes the instants in UTC whatever the process zone is', async () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(read(await inviteIcs(base, { method: 'REQUEST', now: 0 })).raw('DTSTART')).toBe('DTSTART:20261123T080000Z');
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('escapes text values: commas, semicolons and new lines in names and descriptions survive a round trip', async () => {
    const tricky = { ...base, summary: 'Coaching; part 1, "deep"', description: 'Line one\nLine two; with, punctuation', attendee: { name: 'O’Brien, Pat', email: 'pat@example.com' } };
    const text = await inviteIcs(tricky, { method: 'REQUEST', now: 0 });
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe('Coaching; part 1, "deep"');
    expect(vevent.getFirstPropertyValue('description')).toBe('Line one\nLine two; with, punctuation');
    expect(vevent.getFirstProperty('attendee')!.getParameter('cn')).toBe('O’Brien, Pat');
  });

  it('holds one VEVENT per booking in a feed, each with its own UID', async () => {
    const text = await calendarIcs([base, { ...base, id: 'bk_other' }], { method: 'PUBLISH', now: 0, name: 'Bookings' });
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))).toEqual(['bk_0123456789abcdef@slotwise', 'bk_other@slotwise']);
  });

  it('puts the meeting URL in LOCATION, else the address or phone number of the service', () => {
    const none = { meetingUrl: null };
    expect(locationOf({ locationKind: 'video', locationDetail: null }, { meetingUrl: 'https://meet.jit.si/x' }, { meetingLink: null })).toEqual({ location: 'https://meet.jit.si/x', url: 'https://meet.jit.si/x' });
    expect(locationOf({ locationKind: 'video', locationDetail: null }, none, { meetingLink: null })).toEqual({ location: null, url: null });
    expect(locationOf({ locationKind: 'link', locationDetail: null }, none, { meetingLink: 'https://zoom.us/my/ada' })).toEqual({ location: 'https://zoom.us/my/ada', url: 'https://zoom.us/my/ada' });
    expect(locationOf({ locationKind: 'in_person', locationDetail: 'Hauptstr. 1, Berlin' }, none, { meetingLink: null })).toEqual({ location: 'Hauptstr. 1, Berlin', url: null });
    expect(locationOf({ locationKind: 'phone', locationDetail: '+49 30 1234567' }, none, { meetingLink: null })).toEqual({ location: '+49 30 1234567', url: null });
  });
});

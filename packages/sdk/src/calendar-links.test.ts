import { describe, expect, it } from 'vitest';
import { bookingCalendarUrl, bookingEventTitle, googleCalendarUrl, webcalUrl } from './index.js';

describe('calendar links', () => {
  it('points a booking’s calendar file at its path with the manage token in the query, both encoded', () => {
    expect(bookingCalendarUrl('https://api.example/', 'bk_1', 'bmt_a+b/c')).toBe('https://api.example/v1/bookings/bk_1/calendar.ics?token=bmt_a%2Bb%2Fc');
    expect(bookingCalendarUrl('http://127.0.0.1:8787', 'bk/x', 't')).toBe('http://127.0.0.1:8787/v1/bookings/bk%2Fx/calendar.ics?token=t');
  });

  it('writes a Google Calendar template link with UTC times, whatever offset the instants carry', () => {
    const url = new URL(
      googleCalendarUrl({
        title: 'Intro call with Dr. Ada & Co',
        start: '2026-11-23T09:00:00+01:00',
        end: '2026-11-23T08:30:00Z',
        details: 'Line one\nLine two',
        location: 'https://meet.jit.si/room?x=1',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'TEMPLATE',
      text: 'Intro call with Dr. Ada & Co',
      dates: '20261123T080000Z/20261123T083000Z',
      details: 'Line one\nLine two',
      location: 'https://meet.jit.si/room?x=1',
    });
    expect(url.search).not.toContain('+'); // spaces as %20
  });

  it('leaves out what it was not given', () => {
    const url = new URL(googleCalendarUrl({ title: 'T', start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:00:00Z' }));
    expect([...url.searchParams.keys()]).toEqual(['action', 'text', 'dates']);
  });

  it('turns a feed’s https address into webcal://, and names the event as the calendar file does', () => {
    expect(webcalUrl('https://api.example/v1/feeds/sp_1.feed_x/bookings.ics')).toBe('webcal://api.example/v1/feeds/sp_1.feed_x/bookings.ics');
    expect(webcalUrl('http://localhost:8787/f')).toBe('webcal://localhost:8787/f');
    expect(bookingEventTitle({ service: { id: 's', name: 'Intro call' }, specialist: { handle: 'd', name: 'Ada', timeZone: 'UTC' } })).toBe('Intro call with Ada');
  });
});

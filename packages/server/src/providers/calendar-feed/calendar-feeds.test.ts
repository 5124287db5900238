import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalendarFeedError } from '../../services/availability/calendar-feed-error.js';
import { createCalendarFeeds, type CalendarFeedsOptions } from './calendar-feeds.js';

const ics = (start: string, end: string) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Slotwise tests//EN', 'BEGIN:VEVENT', 'UID:1@test', 'DTSTAMP:20260101T000000Z', `DTSTART:${start}`, `DTEND:${end}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
const DENTIST = ics('20261102T090000Z', '20261102T100000Z');
const DENTIST_BUSY = [{ start: Date.parse('2026-11-02T09:00:00Z'), end: Date.parse('2026-11-02T10:00:00Z') }];
const WINDOW = { from: Date.parse('2026-11-01T00:00:00Z'), to: Date.parse('2026-12-01T00:00:00Z') };
const TTL = 60_000;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const serve = (body: string, status = 200): Handler => (_, res) => res.writeHead(status, { 'content-type': 'text/calendar' }).end(body);
const redirect = (location: string, status = 302): Handler => (_, res) => res.writeHead(status, { location }).end();

/** A real HTTP server on 127.0.0.1: `routes` answers by path, `requests` records what was asked. */
let server: Server;
let base = '';
let routes: Record<string, Handler> = {};
let requests: { path: string; accept: string | undefined }[] = [];
let now = Date.parse('2026-10-30T12:00:00Z');
const feeds = (options: CalendarFeedsOptions = {}) => createCalendarFeeds({ allowHttp: true, ttlMs: TTL, clock: () => now, ...options });

beforeEach(async () => {
  routes = { '/feed.ics': serve(DENTIST) };
  requests = [];
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', accept: req.headers.accept });
    (routes[req.url ?? ''] ?? serve('not found', 404))(req, res);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe('calendar feeds: fetching and caching', () => {
  it('serves the feed’s events, asking for text/calendar, with the SHA-256 of the content as version', async () => {
    const result = await feeds().busy(`${base}/feed.ics`, WINDOW, 'UTC');
    expect(result).toEqual({ busy: DENTIST_BUSY, fetchedAt: now, version: createHash('sha256').update(DENTIST).digest('hex').slice(0, 16), stale: false });
    expect(requests).toEqual([{ path: '/feed.ics', accept: 'text/calendar' }]);
  });

  it('reuses a copy within the TTL and fetches again after it, with a new version when the content changed', async () => {
    const calendar = feeds();
    const first = await calendar.busy(`${base}/feed.ics`, WINDOW, 'UTC');
    now += TTL - 1;
    await calendar.busy(`${base}/feed.ics`, WINDOW, 'UTC');
    expect(requests).toHaveLength(1);

    routes['/feed.ics'] = serve(ics('20261103T090000Z', '20261103T100000Z'));
    now += 1;
    const second = await calendar.busy(`${base}/feed.ics`, WINDOW, 'UTC');
    expect(requests).toHaveLength(2);
    expect(second.busy).toEqual([{ start: Date.parse('2026-11-03T09:00:00Z'), end: Date.parse('2026-11-03T10:00:00Z') }]);
    expect(second.version).not.toBe(first.version);
    expect(second.fetchedAt).toBe(now);
  });

  it('shares one request between concurrent calls for the same URL', async () => {
    routes['/feed.ics'] = (req, res) => setTimeout(() => serve(DENTIST)(req, res), 50);
    const calendar = feeds();
    const results = await Promise.all([1, 2, 3].map(() => calendar.busy(`${base}/feed.ics`, WINDOW, 'UTC')));
    expect(requests).toHaveLength(1);
    for (const result of results) expect(result.busy).toEqual(DENTIST_BUSY);
  });

  it('forgets every copy on clear()', async () => {
    const calendar = feeds();
    await calendar.busy(`${base}/feed.ics`, WINDOW, 'UTC');
    calendar.clear();
    await calendar.busy(`${base}/feed.ics`, WINDOW, 'UTC');
    expect(requests).toHaveLength(2);
  });
});

describe('calendar feeds: failures never take booking down', () => {
  it('serves the last good copy, stale and with the error, when a refresh gets a 500, and waits a TTL before asking again', async () => {
    const calendar = feeds();
    const good = await calendar.busy(`${base}/feed.ics`, WINDOW, 'UTC');
    routes['/feed.ics'] = serve('oops', 500);
    now += TTL;
    const stale = await calendar.busy(`${base}/feed.ics`, WINDOW, 'UTC');
    expect(stale).toMatchObject({ busy: DENTIST_BUSY, fetchedAt: good.fetchedAt, version: good.version, stale: true });
    expect(stale.error).toBeInstanceOf(CalendarFeedError);
    expect(stale.error).toMatchObject({ code: 'http_status', status: 500 });

    await calendar.busy(`${base}/feed.ics`, WINDOW, 'UTC');
    expect(requests).toHaveLength(2);
    routes['/feed.ics'] = serve(DENTIST);
    now += TTL;
    const recovered = await calendar.busy(`${base}/feed.ics`, WINDOW, 'UTC');
    expect(recovered).toMatchObject({ stale: false, fetchedAt: now });
    expect(recovered.error).toBeUndefined();
  });

  it('keeps the good copy when a refresh returns something that is not a calendar', async () => {
    const calendar = feeds();
    await calendar.busy(`${base}/feed.ics`, WINDOW, 'UTC');
    routes['/feed.ics'] = serve('<!doctype html><p>Please sign in</p>');
    now += TTL;
    const result = await calendar.busy(`${base}/feed.ics`, WINDOW, 'UTC');
    expect(result).toMatchObject({ busy: DENTIST_BUSY, stale: true, error: { code: 'unparseable' } });
  });

  it('returns no busy times, fetchedAt 0 and the error for a feed that never worked', async () => {
    const result = await feeds().busy(`${base}/missing.ics`, WINDOW, 'UTC');
    expect(result).toMatchObject({ busy: [], fetchedAt: 0, version: '', stale: false, error: { code: 'http_status', status: 404 } });
  });

  it('answers an address it will not fetch with the error instead of throwing', async () => {
    const result = await feeds().busy('ftp://example.com/cal.ics', WINDOW, 'UTC');
    expect(result).toMatchObject({ busy: [], fetchedAt: 0, error: { code: 'invalid_url' } });
  });

  // These servers never finish answering: without the deadline or the limit the call never
  // returns and vitest's test timeout fails the test. No elapsed-time assertions (speed is bench/'s).
  it('gives up on a server that never answers, with timeout and the deadline in the sentence', async () => {
    routes['/feed.ics'] = () => undefined;
    const result = await feeds({ timeoutMs: 200 }).busy(`${base}/feed.ics`, WINDOW, 'UTC');
    expect(result).toMatchObject({ busy: [], error: { code: 'timeout', message: 'The calendar server did not answer within 0.2 s.' } });
    // The request got there before the deadline fired: it was the server's silence that timed out.
    expect(requests).toHaveLength(1);
  });

  it('counts the body against the same deadline when it stalls halfway', async () => {
    routes['/feed.ics'] = (_, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).write(DENTIST.slice(0, 40));
    const result = await feeds({ timeoutMs: 200 }).busy(`${base}/feed.ics`, WINDOW, 'UTC');
    expect(result.error?.code).toBe('timeout');
    expect(requests).toHaveLength(1);
  });

  it('refuses a body over maxBytes while it streams, hanging up instead of waiting for its end', async () => {
    let written = 0;
    const hungUp = new Promise<void>((done) => {
      routes['/feed.ics'] = (_, res) => {
        res.writeHead(200, { 'content-type': 'text/calendar' });
        const timer = setInterval(() => (written += 1008, res.write(`X-PAD:${'x'.repeat(1000)}\r\n`)), 5);
        res.on('close', () => (clearInterval(timer), done()));
      };
    });
    const result = await feeds({ maxBytes: 4096 }).busy(`${base}/feed.ics`, WINDOW, 'UTC');
    expect(result.error?.code).toBe('too_large');
    await hungUp;
    expect(written).toBeGreaterThan(4096);
  });

  it('refuses a body whose declared length is over maxBytes', async () => {
    routes['/feed.ics'] = (_, res) => res.writeHead(200, { 'content-length': String(DENTIST.length) }).end(DENTIST);
    const result = await feeds({ maxBytes: DENTIST.length - 1 }).busy(`${base}/feed.ics`, WINDOW, 'UTC');
    expect(result.error?.code).toBe('too_large');
  });
});

describe('calendar feeds: redirects', () => {
  it('follows up to 3 redirects, relative or absolute', async () => {
    routes['/a'] = redirect('/b', 301);
    routes['/b'] = (req, res) => redirect(`${base}/c`, 307)(req, res);
    routes['/c'] = redirect('feed.ics', 308);
    const result = await feeds().busy(`${base}/a`, WINDOW, 'UTC');
    expect(result.busy).toEqual(DENTIST_BUSY);
    expect(requests.map((r) => r.path)).toEqual(['/a', '/b', '/c', '/feed.ics']);
  });

  it('refuses a 4th redirect', async () => {
    Object.assign(routes, { '/a': redirect('/b'), '/b': redirect('/c'), '/c': redirect('/d'), '/d': redirect('/feed.ics') });
    const result = await feeds().busy(`${base}/a`, WINDOW, 'UTC');
    expect(result.error?.code).toBe('too_many_redirects');
    expect(requests.map((r) => r.path)).toEqual(['/a', '/b', '/c', '/d']);
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/cal.ics', 'https://user:secret@example.com/cal.ics'])('checks every hop: refuses a redirect to %s', async (target) => {
    routes['/a'] = redirect(target);
    const result = await feeds().busy(`${base}/a`, WINDOW, 'UTC');
    expect(result.error?.code).toBe('invalid_url');
    expect(requests).toHaveLength(1);
  });
});

describe('calendar feeds: validateUrl', () => {
  const strict = createCalendarFeeds();
  const refusal = (url: string, calendar = strict) => {
    try {
      calendar.validateUrl(url);
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it('reads webcal:// (any case) as https://', () => {
    expect(strict.validateUrl('webcal://p01-caldav.icloud.com/published/2/abc')).toBe('https://p01-caldav.icloud.com/published/2/abc');
    expect(strict.validateUrl(' WEBCAL://example.com/cal.ics ')).toBe('https://example.com/cal.ics');
  });

  it.each([
    'https://calendar.google.com/calendar/ical/abc%40group.calendar.google.com/private-xyz/basic.ics',
    'https://172.32.0.1/cal.ics', // just outside 172.16/12
    'https://11.0.0.1/cal.ics',
    'https://[2606:4700:4700::1111]/cal.ics', // 2001:db8::/32 is documentation space, refused
  ])('accepts the public address %s', (url) => {
    expect(refusal(url)).toBeUndefined();
  });

  it.each([
    ['plain http', 'http://calendar.example.com/cal.ics'],
    ['ftp', 'ftp://example.com/cal.ics'],
    ['a file', 'file:///etc/passwd'],
    ['credentials', 'https://user:pass@calendar.example.com/cal.ics'],
    ['localhost', 'https://localhost/cal.ics'],
    ['a .localhost name', 'https://app.localhost/cal.ics'],
    ['127/8', 'https://127.1.2.3/cal.ics'],
    ['127.0.0.1 written as one number', 'https://2130706433/cal.ics'],
    ['10/8', 'https://10.1.2.3/cal.ics'],
    ['172.16/12', 'https://172.31.255.255/cal.ics'],
    ['192.168/16', 'https://192.168.1.10/cal.ics'],
    ['169.254/16 (cloud metadata)', 'https://169.254.169.254/latest/meta-data'],
    ['::1', 'https://[::1]/cal.ics'],
    ['fc00::/7', 'https://[fd12:3456::1]/cal.ics'],
    ['fe80::/10', 'https://[fe80::1]/cal.ics'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/cal.ics'],
    ['text that is not a URL', 'my calendar'],
  ])('refuses %s with a sentence to act on', (_, url) => {
    const error = refusal(url);
    expect(error).toBeInstanceOf(CalendarFeedError);
    expect(error).toMatchObject({ code: 'invalid_url', message: expect.stringMatching(/^[A-Za-z0-9].*\.$/) });
  });

  it('lets http and local addresses through only when allowHttp, never other schemes or credentials', () => {
    const local = createCalendarFeeds({ allowHttp: true });
    expect(local.validateUrl('http://127.0.0.1:8080/cal.ics')).toBe('http://127.0.0.1:8080/cal.ics');
    expect(refusal('file:///etc/passwd', local)).toMatchObject({ code: 'invalid_url' });
    expect(refusal('http://user:pass@127.0.0.1/cal.ics', local)).toMatchObject({ code: 'invalid_url' });
  });
});

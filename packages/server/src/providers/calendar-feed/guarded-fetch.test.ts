import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalendarFeedError } from '../../services/availability/calendar-feed-error.js';
import { createCalendarFeeds } from './calendar-feeds.js';
import { guardedFetch, guardedLookup, type ResolvedAddress } from './guarded-fetch.js';

const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Slotwise tests//EN', 'BEGIN:VEVENT', 'UID:1@test', 'DTSTAMP:20260101T000000Z', 'DTSTART:20261102T090000Z', 'DTEND:20261102T100000Z', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
const WINDOW = { from: Date.parse('2026-11-01T00:00:00Z'), to: Date.parse('2026-12-01T00:00:00Z') };

/** A test DNS: these names only, anything else is not found. */
const DNS: Record<string, ResolvedAddress[]> = {
  'feed.example': [{ address: '127.0.0.1', family: 4 }],
  'rebind.example': [{ address: '127.0.0.2', family: 4 }],
  'public.example': [{ address: '93.184.215.14', family: 4 }, { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 }],
  'mixed.example': [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.5', family: 4 }],
};
const resolve = async (hostname: string) => {
  const found = DNS[hostname];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return found;
};
/** For the positive path without the internet: 127.0.0.1 stands in for a public address. */
const testServerOnly = (address: string) => address === '127.0.0.1';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let port = 0;
let routes: Record<string, Handler> = {};
/** Every TCP connection the server accepted, and every request it read (path and Host header). */
let connections = 0;
let requests: { path: string; host: string | undefined }[] = [];

beforeEach(async () => {
  routes = { '/feed.ics': (_, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end(ICS) };
  connections = 0;
  requests = [];
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', host: req.headers.host });
    (routes[req.url ?? ''] ?? ((_, r) => r.writeHead(404).end()))(req, res);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const rejection = async (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

describe('guardedFetch: refused at connect time', () => {
  it('refuses a public-looking name that resolves to 127.0.0.1, before any connection reaches the server listening there', async () => {
    const error = await rejection(guardedFetch({ resolve })(`http://feed.example:${port}/feed.ics`));
    expect(error).toBeInstanceOf(CalendarFeedError);
    expect(error).toMatchObject({ code: 'invalid_url', message: expect.stringContaining('feed.example resolves to 127.0.0.1') });
    expect(connections).toBe(0);
    expect(requests).toEqual([]);
  });

  it('refuses a name when any one of its addresses is private, even with public ones beside it', async () => {
    const error = await rejection(guardedFetch({ resolve })(`http://mixed.example:${port}/feed.ics`));
    expect(error).toMatchObject({ code: 'invalid_url', message: expect.stringContaining('10.0.0.5') });
  });

  it('refuses localhost through the real resolver (/etc/hosts)', async () => {
    const error = await rejection(guardedFetch()(`http://localhost:${port}/feed.ics`));
    expect(error).toMatchObject({ code: 'invalid_url', message: expect.stringMatching(/^The calendar address localhost resolves to (127\.0\.0\.1|::1), .*\.$/) });
    expect(connections).toBe(0);
  });

  it.each(['127.0.0.1', '[::ffff:127.0.0.1]'])('refuses the literal address %s, which skips DNS, without connecting', async (host) => {
    const error = await rejection(guardedFetch({ resolve })(`http://${host}:${port}/feed.ics`));
    expect(error).toMatchObject({ code: 'invalid_url', message: expect.stringMatching(/^The calendar address .* is a local, private or reserved network address/) });
    expect(connections).toBe(0);
  });

  it('surfaces through calendar feeds as the feed’s invalid_url error, with a sentence to act on', async () => {
    const feeds = createCalendarFeeds({ allowHttp: true, fetch: guardedFetch({ resolve }) });
    const result = await feeds.busy(`http://feed.example:${port}/feed.ics`, WINDOW, 'UTC');
    expect(result).toMatchObject({ busy: [], fetchedAt: 0, error: { code: 'invalid_url', message: expect.stringMatching(/^The calendar address feed\.example resolves to 127\.0\.0\.1, .*public address\.$/) } });
    expect(connections).toBe(0);
  });

  it('checks every redirect hop: a feed that redirects to a name resolving to a refused address stops there', async () => {
    routes['/hop'] = (_, res) => res.writeHead(302, { location: `http://rebind.example:${port}/feed.ics` }).end();
    const feeds = createCalendarFeeds({ allowHttp: true, fetch: guardedFetch({ resolve, isAllowed: testServerOnly }) });
    const result = await feeds.busy(`http://feed.example:${port}/hop`, WINDOW, 'UTC');
    expect(result.error).toMatchObject({ code: 'invalid_url', message: expect.stringContaining('rebind.example resolves to 127.0.0.2') });
    expect(requests.map((r) => r.path)).toEqual(['/hop']);
  });
});

describe('guardedFetch: allowed addresses connect', () => {
  it('connects by name to an allowed address and reads the feed, sending the name as Host', async () => {
    const feeds = createCalendarFeeds({ allowHttp: true, fetch: guardedFetch({ resolve, isAllowed: testServerOnly }) });
    const result = await feeds.busy(`http://feed.example:${port}/feed.ics`, WINDOW, 'UTC');
    expect(result.error).toBeUndefined();
    expect(result.busy).toEqual([{ start: Date.parse('2026-11-02T09:00:00Z'), end: Date.parse('2026-11-02T10:00:00Z') }]);
    expect(requests).toEqual([{ path: '/feed.ics', host: `feed.example:${port}` }]);
  });

  it('follows a redirect whose target is allowed', async () => {
    routes['/hop'] = (_, res) => res.writeHead(302, { location: `http://127.0.0.1:${port}/feed.ics` }).end();
    const response = await guardedFetch({ resolve, isAllowed: testServerOnly })(`http://feed.example:${port}/hop`);
    expect(response.status).toBe(200);
    expect(requests.map((r) => r.path)).toEqual(['/hop', '/feed.ics']);
  });
});

describe('guardedLookup (what the socket connects to)', () => {
  const lookup = (hostname: string, options: { all?: boolean; family?: number } = {}) =>
    new Promise<{ error: unknown; result: unknown }>((done) =>
      guardedLookup({ resolve })(hostname, options, (error: unknown, address: unknown, family?: unknown) =>
        done({ error, result: error ? undefined : options.all ? address : { address, family } }),
      ),
    );

  it('hands public addresses to the socket, with the default public-only rule', async () => {
    expect(await lookup('public.example')).toEqual({ error: null, result: { address: '93.184.215.14', family: 4 } });
    expect(await lookup('public.example', { all: true })).toEqual({ error: null, result: DNS['public.example'] });
    expect(await lookup('public.example', { family: 6 })).toEqual({ error: null, result: { address: DNS['public.example']![1]!.address, family: 6 } });
  });

  it('fails with invalid_url for a name resolving to a private address, whatever the options', async () => {
    for (const options of [{}, { all: true }, { family: 4 }]) {
      expect((await lookup('feed.example', options)).error).toMatchObject({ code: 'invalid_url' });
    }
  });

  it('passes the resolver’s own failure on', async () => {
    expect((await lookup('nowhere.example')).error).toMatchObject({ code: 'ENOTFOUND' });
  });
});

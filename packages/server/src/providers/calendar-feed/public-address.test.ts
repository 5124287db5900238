import { describe, expect, it } from 'vitest';
import { CalendarFeedError } from '../../services/availability/calendar-feed-error.js';
import { feedUrl } from './feed-url.js';
import { isIpLiteral, isPublicAddress } from './public-address.js';

/** Host as written in a URL, and what it reaches. */
const REFUSED: [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.1', 'loopback, short form'],
  ['0x7f.1', 'loopback, hex short form'],
  ['2130706433', 'loopback as one number'],
  ['0177.0.0.1', 'loopback, octal'],
  ['0.0.0.0', '"this host", reaches localhost on Linux'],
  ['10.1.2.3', 'RFC 1918'],
  ['172.16.0.1', 'RFC 1918'],
  ['172.31.255.255', 'RFC 1918'],
  ['192.168.1.10', 'RFC 1918'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['100.127.255.255', 'carrier-grade NAT'],
  ['169.254.169.254', 'link-local, cloud metadata'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['192.0.0.1', 'IETF protocol assignments'],
  ['240.0.0.1', 'reserved'],
  ['224.0.0.1', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['[::1]', 'IPv6 loopback'],
  ['[::]', 'IPv6 unspecified'],
  ['[::ffff:127.0.0.1]', 'IPv4-mapped loopback, dotted'],
  ['[::ffff:7f00:1]', 'IPv4-mapped loopback, hex'],
  ['[::ffff:10.0.0.1]', 'IPv4-mapped private'],
  ['[0:0:0:0:0:ffff:a9fe:a9fe]', 'IPv4-mapped metadata, uncompressed'],
  ['[::ffff:0:7f00:1]', 'IPv4-translated (SIIT) loopback'],
  ['[::7f00:1]', 'IPv4-compatible (deprecated) loopback'],
  ['[::127.0.0.1]', 'IPv4-compatible (deprecated) loopback, dotted'],
  ['[64:ff9b::a00:1]', 'NAT64 of 10.0.0.1'],
  ['[64:ff9b::7f00:1]', 'NAT64 of 127.0.0.1'],
  ['[64:ff9b:1::a00:1]', 'local-use NAT64 (RFC 8215)'],
  ['[2002:7f00:1::]', '6to4 of 127.0.0.1'],
  ['[2002:a00:1::1]', '6to4 of 10.0.0.1'],
  ['[2001:0:4136:e378:8000:63bf:3fff:fdd2]', 'Teredo'],
  ['[fe80::1]', 'IPv6 link-local'],
  ['[fd00::1]', 'IPv6 unique-local'],
  ['[fc00::1]', 'IPv6 unique-local'],
  ['[fec0::1]', 'IPv6 site-local (deprecated)'],
  ['[ff02::1]', 'IPv6 multicast'],
  ['[2001:db8::1]', 'IPv6 documentation'],
];

const ACCEPTED: [string, string][] = [
  ['8.8.8.8', 'public IPv4'],
  ['11.0.0.1', 'just outside 10/8'],
  ['172.32.0.1', 'just outside 172.16/12'],
  ['100.128.0.1', 'just outside 100.64/10'],
  ['198.20.0.1', 'just outside 198.18/15'],
  ['[::ffff:8.8.8.8]', 'IPv4-mapped public address'],
  ['[2606:4700:4700::1111]', 'public IPv6'],
  ['[2a00:1450:4001:80b::200e]', 'public IPv6'],
];

/** `host` as the URL parser normalises it (0x7f.1 → 127.0.0.1, [::ffff:127.0.0.1] → [::ffff:7f00:1]). */
const normalised = (host: string) => new URL(`https://${host}/`).hostname;

describe('isPublicAddress', () => {
  it.each(REFUSED)('refuses %s (%s), as written and as URL normalises it', (host) => {
    expect(isPublicAddress(host)).toBe(false);
    expect(isPublicAddress(normalised(host))).toBe(false);
  });

  it.each(ACCEPTED)('accepts %s (%s)', (host) => {
    expect(isPublicAddress(host)).toBe(true);
    expect(isPublicAddress(normalised(host))).toBe(true);
  });

  it('refuses what is not an IP address at all (fails closed)', () => {
    for (const text of ['example.com', '', '[', '1.2.3.4.5', '::ffff:1.2.3']) expect(isPublicAddress(text)).toBe(false);
  });

  it('tells IP literals from names', () => {
    expect(isIpLiteral('[fd00::1]')).toBe(true);
    expect(isIpLiteral('10.0.0.1')).toBe(true);
    expect(isIpLiteral('calendar.google.com')).toBe(false);
  });
});

describe('feedUrl: literal addresses', () => {
  it.each(REFUSED)('refuses https://%s/cal.ics (%s) with a sentence to act on', (host) => {
    let thrown: unknown;
    try {
      feedUrl(`https://${host}/cal.ics`);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CalendarFeedError);
    expect(thrown).toMatchObject({ code: 'invalid_url', message: expect.stringMatching(/^The address \S+ is on a local, private or reserved network.*\.$/) });
  });

  it.each(ACCEPTED)('accepts https://%s/cal.ics (%s)', (host) => {
    expect(feedUrl(`https://${host}/cal.ics`).hostname).toBe(normalised(host));
  });
});

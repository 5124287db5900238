import { CalendarFeedError } from './calendar-feed-error.js';

const invalid = (message: string) => new CalendarFeedError('invalid_url', message);

/** IPv4 ranges (first address as a 32-bit number, prefix length) that reach this host or its network. */
const PRIVATE_V4: readonly [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8: "this network"; 0.0.0.0 reaches localhost on Linux
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10: carrier-grade NAT, where some clouds keep their metadata service
  [0x7f000000, 8], // 127/8: loopback
  [0xa9fe0000, 16], // 169.254/16: link-local, cloud metadata services
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
];

function isPrivateV4(address: number): boolean {
  return PRIVATE_V4.some(([base, bits]) => (address >>> (32 - bits)) === (base >>> (32 - bits)));
}

/** The 8 hextets of an IPv6 address as the WHATWG URL parser writes it (hex, `::`-compressed). */
function hextets(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const parse = (part: string) => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function isPrivateV6(address: string): boolean {
  const h = hextets(address);
  const first = h[0]!;
  if (h.slice(0, 7).every((x) => x === 0) && h[7]! <= 1) return true; // :: and ::1
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80) return true; // fc00::/7, fe80::/10
  // ::ffff:a.b.c.d reaches the IPv4 address it carries.
  if (h.slice(0, 5).every((x) => x === 0) && h[5] === 0xffff) return isPrivateV4(((h[6]! << 16) | h[7]!) >>> 0);
  return false;
}

/** Whether `hostname` (as `URL` normalised it) names this machine or a private network. */
function isLocalHost(hostname: string): boolean {
  const name = hostname.replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (name.startsWith('[')) return isPrivateV6(name.slice(1, -1));
  // URL has already turned 0x7f.1, 2130706433 and friends into dotted decimal.
  const octets = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(name);
  if (!octets) return false;
  return isPrivateV4(octets.slice(1).reduce((n, o) => n * 256 + Number(o), 0));
}

/**
 * The URL a calendar feed is fetched from. `webcal://` (what "subscribe" links use) is read as
 * `https://`. Refused, with a sentence the specialist can act on: anything that is not https (http
 * too when `allowHttp`), user names or passwords in the URL, and `localhost` or literal loopback,
 * private and link-local addresses (127/8, 10/8, 172.16/12, 192.168/16, 169.254/16, ::1,
 * fc00::/7, fe80::/10 and a few more) unless `allowHttp`, which tests use to reach 127.0.0.1.
 *
 * Only literal addresses are checked: a public name that resolves to a private address (DNS
 * rebinding) passes. Closing that needs a resolver check at connect time (on Node, a `lookup` hook
 * on the HTTP agent), which is out of scope here.
 *
 * @throws CalendarFeedError `invalid_url`.
 */
export function feedUrl(input: string, options: { allowHttp?: boolean } = {}): URL {
  const allowHttp = options.allowHttp ?? false;
  const text = input.trim().replace(/^webcals?:\/\//i, 'https://');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('That is not a web address. Paste the full link of the calendar, starting with https://.');
  }
  if (url.protocol === 'http:' && !allowHttp) {
    throw invalid('Use the https:// address of the calendar; plain http:// links are not accepted.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`Only https:// (or webcal://) calendar links are accepted, not ${url.protocol}// links.`);
  }
  if (url.username || url.password) {
    throw invalid('The link contains a user name or password. Use the calendar’s secret address (iCal/ICS link) instead.');
  }
  if (!allowHttp && isLocalHost(url.hostname)) {
    throw invalid(`The address ${url.hostname} is on a local or private network. Use the calendar’s public address.`);
  }
  return url;
}

import { CalendarFeedError } from '../../services/availability/calendar-feed-error.js';
import { isIpLiteral, isPublicAddress } from './public-address.js';

const invalid = (message: string) => new CalendarFeedError('invalid_url', message);

/** Whether `hostname` (as `URL` normalised it) names this machine or a non-public address. */
function isLocalHost(hostname: string): boolean {
  const name = hostname.replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  // URL has already turned 0x7f.1, 2130706433 and friends into dotted decimal.
  return isIpLiteral(name) && !isPublicAddress(name);
}

/**
 * The URL a calendar feed is fetched from. `webcal://` (what "subscribe" links use) is read as
 * `https://`. Refused, with a sentence the specialist can act on: anything that is not https (http
 * too when `allowHttp`), user names or passwords in the URL, and `localhost` or any literal
 * address that is not public unicast (see `isPublicAddress`: loopback, private, link-local,
 * CGNAT, reserved, IPv4-mapped, NAT64, 6to4 …) unless `allowHttp`, which tests use to reach
 * 127.0.0.1.
 *
 * Only the text of the URL is checked here: a public name that resolves to a private address (DNS
 * rebinding) passes. On Node, `guardedFetch` (guarded-fetch.ts) closes that by checking every
 * resolved address at connect time; a runtime without DNS control (the edge) cannot.
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
    throw invalid(`The address ${url.hostname} is on a local, private or reserved network, which we do not fetch from. Use the calendar’s public address.`);
  }
  return url;
}

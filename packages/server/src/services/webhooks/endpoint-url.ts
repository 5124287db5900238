import { ServiceError } from '../errors.js';
import { isIpLiteral, isLoopbackAddress, isPublicAddress } from '../net/public-address.js';

const refuse = (detail: string) => new ServiceError('invalid_webhook_url', detail, { errors: [{ field: 'body.url', message: detail }] });

/** `localhost`, `*.localhost` or a loopback literal: this machine. */
function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || (isIpLiteral(host) && isLoopbackAddress(host));
}

/**
 * The URL a webhook endpoint is stored with, or a refusal a specialist can act on. Accepted:
 * `https://` on a public host name or a public unicast address, without a user name, password or
 * fragment. Refused: plain `http://`, `localhost`, single-label names (`intranet`, resolved by a
 * search domain to something internal), and literal addresses that are loopback, private,
 * link-local, reserved or otherwise not public (`isPublicAddress`). With `allowLoopback` (a
 * development flag) loopback targets are accepted too, over http or https.
 *
 * Only the text is checked here. A public name that resolves to a private address is caught at
 * each delivery: on Node `webhookFetch` checks the resolved addresses at connect time.
 */
export function webhookUrl(input: string, options: { allowLoopback: boolean }): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw refuse('That is not a web address. Give the full https:// URL that should receive the events.');
  }
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  const loopback = isLoopbackHost(host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && options.allowLoopback)) {
    throw refuse(`Use an https:// URL; ${url.protocol}// addresses are not accepted, so events travel encrypted.`);
  }
  if (url.username || url.password) throw refuse('Leave the user name and password out of the URL; verify deliveries with the signing secret instead.');
  if (url.hash) throw refuse('Leave the #fragment out of the URL: it is never sent to a server.');
  if (loopback) {
    if (options.allowLoopback) return url.href;
    throw refuse(`${host} is this machine; events are delivered only to public addresses.`);
  }
  if (isIpLiteral(host) ? !isPublicAddress(host) : !host.includes('.')) {
    throw refuse(`${url.hostname} is on a local, private or reserved network; events are delivered only to public addresses.`);
  }
  return url.href;
}

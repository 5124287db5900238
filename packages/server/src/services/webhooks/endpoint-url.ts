import { ServiceError } from '../errors.js';
import { isIpLiteral, isLoopbackAddress, isPublicAddress } from '../net/public-address.js';
import { t, type Message } from '../messages/index.js';

const refuse = (detail: Message) => new ServiceError('invalid_webhook_url', detail, { errors: [{ field: 'body.url', message: detail }] });

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
    throw refuse(t('invalid_webhook_url.not_a_url'));
  }
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  const loopback = isLoopbackHost(host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && options.allowLoopback)) {
    throw refuse(t('invalid_webhook_url.https', { protocol: url.protocol }));
  }
  if (url.username || url.password) throw refuse(t('invalid_webhook_url.credentials'));
  if (url.hash) throw refuse(t('invalid_webhook_url.fragment'));
  if (loopback) {
    if (options.allowLoopback) return url.href;
    throw refuse(t('invalid_webhook_url.loopback', { host }));
  }
  if (isIpLiteral(host) ? !isPublicAddress(host) : !host.includes('.')) {
    throw refuse(t('invalid_webhook_url.private', { host: url.hostname }));
  }
  return url.href;
}

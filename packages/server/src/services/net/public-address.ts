// ipaddr.js, not a hand-kept table: the special-purpose registries keep growing (NAT64's
// 64:ff9b:1::/48, 6to4, Teredo, 198.18/15, CGNAT …), a hand-written filter here already missed
// several of them, and ipaddr.js is small, dependency-free, runs on every runtime (no `node:`
// imports, so the edge entry can use it too) and tracks those registries in its releases.
import ipaddr from 'ipaddr.js';

const bare = (address: string) => address.replace(/^\[|\]$/g, '');

/** Whether `host` (a URL hostname, IPv6 in brackets or not) is an IP address rather than a name. */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(bare(host));
}

/**
 * Whether Slotwise may connect to `address` (a calendar feed's host, a webhook endpoint's): true
 * only for an ordinary public unicast IP address. Anything else is refused, and so is anything that is not an IP address at all
 * (fail closed). IPv6 may come with or without brackets; an IPv4-mapped IPv6 address is judged as
 * the IPv4 address it carries. Refused, by ipaddr.js's classification (`range() !== 'unicast'`):
 * loopback, unspecified (0/8, ::), RFC 1918, carrier-grade NAT (100.64/10), link-local
 * (169.254/16, fe80::/10), unique-local (fc00::/7), multicast, broadcast, reserved and
 * benchmarking ranges (198.18/15, 240/4, documentation), and every translation or tunnel prefix
 * whose address embeds an IPv4 one — NAT64 (`rfc6052`: 64:ff9b::/96, 64:ff9b:1::/48), SIIT
 * (`rfc6145`), 6to4 (2002::/16), Teredo (2001::/32) — whatever IPv4 address they carry, so their
 * embedded address needs no separate check.
 *
 * One addition of ours: ipaddr.js calls the deprecated IPv4-compatible form `::a.b.c.d` (::/96,
 * RFC 4291 §2.5.5.1) unicast, so `[::7f00:1]` would pass; nothing public lives there.
 *
 * Not detectable from the address alone: a NAT64 gateway on a network-specific prefix (RFC 6052
 * §2.2) maps ordinary-looking IPv6 addresses to private IPv4 ones.
 */
export function isPublicAddress(address: string): boolean {
  const text = bare(address);
  if (!ipaddr.isValid(text)) return false;
  const ip = ipaddr.process(text);
  if (ip.kind() === 'ipv6' && ip.toByteArray().slice(0, 12).every((byte) => byte === 0)) return false;
  return ip.range() === 'unicast';
}

/**
 * Whether `address` (an IP literal, IPv6 in brackets or not) is a loopback address: 127.0.0.0/8,
 * ::1, or an IPv4-mapped loopback. Only a development flag lets webhooks reach these.
 */
export function isLoopbackAddress(address: string): boolean {
  const text = bare(address);
  return ipaddr.isValid(text) && ipaddr.process(text).range() === 'loopback';
}

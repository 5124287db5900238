import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { CalendarFeedError } from '../../services/availability/calendar-feed-error.js';
import { isPublicAddress } from './public-address.js';

/** One address a host name resolves to, as `dns.lookup(name, { all: true })` gives it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface GuardedFetchOptions {
  /** Every address `hostname` resolves to. @default `dns.lookup(hostname, { all: true })` (the OS resolver, /etc/hosts included) */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Which addresses may be connected to. Tests widen it to reach a local server. @default isPublicAddress */
  isAllowed?: (address: string) => boolean;
}

function refused(hostname: string, address: string): CalendarFeedError {
  const where = hostname === address ? `The calendar address ${address} is` : `The calendar address ${hostname} resolves to ${address},`;
  return new CalendarFeedError('invalid_url', `${where} a local, private or reserved network address we do not connect to. Use the calendar’s public address.`);
}

/**
 * A `lookup` for `net.connect` that resolves with `resolve` and fails with a CalendarFeedError
 * `invalid_url` when any address of the name is not allowed: a name with one private address among
 * public ones is refused as a whole, not filtered. Honours `family` and `all` (Node's happy-eyeballs
 * connect asks for all addresses).
 */
export function guardedLookup(options: GuardedFetchOptions = {}): LookupFunction {
  const { resolve = (hostname) => dnsLookup(hostname, { all: true }), isAllowed = isPublicAddress } = options;
  return (hostname, lookupOptions, callback) => {
    void (async () => {
      let usable: ResolvedAddress[];
      try {
        const addresses = await resolve(hostname);
        const bad = addresses.find((a) => !isAllowed(a.address));
        if (bad) throw refused(hostname, bad.address);
        usable = addresses.filter((a) => !lookupOptions.family || a.family === lookupOptions.family);
        if (usable.length === 0) throw new CalendarFeedError('network', `The calendar server ${hostname} could not be found. Check the address.`);
      } catch (error) {
        callback(error as NodeJS.ErrnoException, '', 0);
        return;
      }
      if (lookupOptions.all) callback(null, usable as never);
      else callback(null, usable[0]!.address, usable[0]!.family);
    })();
  };
}

/**
 * A `fetch` (Node only: it uses node:dns and node:net) that connects only to allowed addresses,
 * checked on the address the socket is about to connect to. A name is resolved inside the
 * connection's own `lookup` and the socket goes to an address that was just checked, so a DNS
 * answer that changes between `feedUrl`'s check and the connect (rebinding) cannot slip through;
 * an IP literal is checked before connecting. Every request goes through the same guard, so each
 * redirect hop `fetchFeedText` follows by hand is checked too.
 *
 * A refusal rejects with CalendarFeedError `invalid_url` (not undici's "fetch failed"), naming the
 * address, so the specialist sees why. Runs undici 6, the same major as Node 20's built-in fetch.
 *
 * @param options.resolve the resolver, injectable for tests. @default the OS resolver
 * @param options.isAllowed which addresses may be reached. @default isPublicAddress
 * @example
 * createCalendarFeeds({ fetch: guardedFetch() })
 */
export function guardedFetch(options: GuardedFetchOptions = {}): typeof fetch {
  const isAllowed = options.isAllowed ?? isPublicAddress;
  // undici is imported with the first request (a server that fetches no feed and calls no webhook
  // never loads it), then its dispatcher is kept.
  let client: Promise<{ fetch: typeof import('undici').fetch; dispatcher: import('undici').Dispatcher }> | undefined;
  const undici = () =>
    (client ??= import('undici').then(({ Agent, buildConnector, fetch }) => {
      const connect = buildConnector({ lookup: guardedLookup({ ...options, isAllowed }) });
      const dispatcher = new Agent({
        connect(connectOptions, callback) {
          // net.connect skips `lookup` for an IP literal: check it here (undici strips IPv6 brackets).
          const host = connectOptions.hostname;
          if (isIP(host) && !isAllowed(host)) return callback(refused(host, host), null);
          return connect(connectOptions, callback);
        },
      });
      return { fetch, dispatcher };
    }));
  return async (input, init) => {
    const { fetch: undiciFetch, dispatcher } = await undici();
    try {
      const response = await undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher });
      return response as unknown as Response;
    } catch (error) {
      // undici reports a failed connection as TypeError("fetch failed") with our refusal as its cause.
      const cause = (error as { cause?: unknown } | undefined)?.cause;
      throw cause instanceof CalendarFeedError ? cause : error;
    }
  };
}

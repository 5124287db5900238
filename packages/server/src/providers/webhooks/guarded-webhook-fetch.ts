import { CalendarFeedError } from '../../services/availability/calendar-feed-error.js';
import { isLoopbackAddress, isPublicAddress } from '../../services/net/public-address.js';
import { WebhookAddressRefused } from '../../services/webhooks/channel.js';
import { guardedFetch, type GuardedFetchOptions } from '../calendar-feed/guarded-fetch.js';

export interface GuardedWebhookFetchOptions {
  /** Development only: also connect to loopback addresses (127.0.0.0/8, ::1). @default false */
  allowLoopback?: boolean;
  /** The resolver, injectable for tests. @default the OS resolver */
  resolve?: GuardedFetchOptions['resolve'];
}

/**
 * The `webhookFetch` of the Node entry: the calendar feeds' `guardedFetch` (Node only), which
 * checks every address an endpoint's host resolves to at connect time, so a public name that
 * points — or is re-pointed, DNS rebinding — at a loopback, private or reserved address is never
 * reached. Its refusals are reworded for webhooks and thrown as `WebhookAddressRefused`, which ends
 * the delivery at once instead of retrying it for days.
 *
 * @param options.allowLoopback the development flag `SLOTWISE_ALLOW_LOOPBACK_WEBHOOKS`. @default false
 * @example
 * createApp({ …, webhookFetch: guardedWebhookFetch({ allowLoopback: false }) })
 */
export function guardedWebhookFetch(options: GuardedWebhookFetchOptions = {}): typeof fetch {
  const allowLoopback = options.allowLoopback ?? false;
  const inner = guardedFetch({
    ...(options.resolve ? { resolve: options.resolve } : {}),
    isAllowed: (address) => isPublicAddress(address) || (allowLoopback && isLoopbackAddress(address)),
  });
  return async (input, init) => {
    try {
      return await inner(input, init);
    } catch (error) {
      if (!(error instanceof CalendarFeedError)) throw error;
      const host = new URL(input instanceof Request ? input.url : String(input)).hostname;
      if (error.code === 'invalid_url') {
        throw new WebhookAddressRefused(`${host} resolves to a local, private or reserved network address; events are delivered only to public addresses.`, { cause: error });
      }
      throw new Error(`${host} could not be found (DNS).`, { cause: error });
    }
  };
}

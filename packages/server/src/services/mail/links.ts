import type { ServiceDeps } from '../deps.js';

const withQuery = (base: string, params: Record<string, string>) => {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
};

/**
 * The fragment keys the widget reads a booking to show from (`#slotwise-booking=…&slotwise-token=…`,
 * `MANAGE_KEYS` in the widget's `internal/page-fragment.ts`). A fragment reaches no server: not
 * the specialist's site's access log, its analytics or a referrer, where a query's manage token
 * — good until the booking is over, and it cancels — would.
 */
export const MANAGE_FRAGMENT = { booking: 'slotwise-booking', token: 'slotwise-token' } as const;

const api = (deps: Pick<ServiceDeps, 'links'>, path: string) => `${deps.links.api.replace(/\/+$/, '')}${path}`;

/**
 * Where an email's links point, built from `deps.links` (`PUBLIC_API_URL`, `PUBLIC_MANAGE_URL`):
 * the customer's booking page (the widget's manage view), the receipt and the calendar file on
 * the API — each with a manage token minted for that email —, the credits page of a package
 * (with a credits token minted for that email), the unsubscribe page, and the console's reset and
 * verification screens (with an account token minted for that email).
 */
export const links = {
  /**
   * `handle`'s own page (the hosted one, `/{handle}`, in the customer's `locale` — `?lang=` — so
   * the booking reads in the email's language whatever the browser's), or the one page
   * `PUBLIC_MANAGE_URL` names for every specialist (in the site's own language).
   */
  manage: (deps: Pick<ServiceDeps, 'links'>, handle: string, bookingId: string, token: string, locale?: string) => {
    const url = new URL(deps.links.manage ?? api(deps, `/${encodeURIComponent(handle)}`));
    if (!deps.links.manage && locale) url.searchParams.set('lang', locale);
    url.hash = new URLSearchParams({ [MANAGE_FRAGMENT.booking]: bookingId, [MANAGE_FRAGMENT.token]: token }).toString();
    return url.href;
  },
  receipt: (deps: Pick<ServiceDeps, 'links'>, bookingId: string, token: string) => withQuery(api(deps, `/v1/bookings/${encodeURIComponent(bookingId)}/receipt`), { token }),
  calendar: (deps: Pick<ServiceDeps, 'links'>, bookingId: string, token: string) => withQuery(api(deps, `/v1/bookings/${encodeURIComponent(bookingId)}/calendar.ics`), { token }),
  unsubscribe: (deps: Pick<ServiceDeps, 'links'>, token: string) => withQuery(api(deps, '/v1/unsubscribe'), { token }),
  credits: (deps: Pick<ServiceDeps, 'links'>, token: string) => withQuery(api(deps, '/v1/credits/summary'), { token }),
  /** The specialist's hosted booking page with the code (`slotwise_credits`): the widget there shows the balance and books with it. */
  bookWithCredits: (deps: Pick<ServiceDeps, 'links'>, handle: string, token: string) => withQuery(api(deps, `/${encodeURIComponent(handle)}`), { slotwise_credits: token }),
  /** The specialist console served by the API (`/console`), its first screen. */
  consoleHome: (deps: Pick<ServiceDeps, 'links'>) => api(deps, '/console'),
  /** A screen of the specialist console served by the API (`/console#/reset?token=…`), which reads the token from its route. */
  console: (deps: Pick<ServiceDeps, 'links'>, route: 'reset' | 'verify', token: string) => `${api(deps, '/console')}#/${route}?token=${encodeURIComponent(token)}`,
};

/**
 * `<…@domain>` from the delivery's idempotency key and the sender's domain: the same for every
 * attempt of one delivery, so a receiving server (or a person) can tell a retry from a new message.
 */
export async function messageIdFor(idempotencyKey: string, from: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(idempotencyKey)));
  const hex = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  const domain = /@([^@>\s]+)>?\s*$/.exec(from)?.[1] ?? 'slotwise.local';
  return `<${hex}@${domain}>`;
}

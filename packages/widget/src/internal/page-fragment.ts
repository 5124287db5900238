/**
 * Links into the widget ride in the page's URL fragment (`#slotwise-booking=bk_…&slotwise-token=…`):
 * a fragment never reaches any server — not the site's, not ours, not a referrer — so a manage or
 * sign-in token in it stays between the visitor and this page. Once read it is taken out of the
 * address bar (`history.replaceState`, no new history entry), so a shared screen, a bookmark or a
 * copied address does not carry it on.
 */

/** The widget's keys in `hash` (`#a=1&b=2`), or undefined when `first` is not among them. */
export function readFragment(first: string, hash: string = globalThis.location?.hash ?? ''): URLSearchParams | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(first) ? params : undefined;
}

/** Removes `keys` from the page's fragment, keeping whatever else the page keeps there. */
export function dropFromFragment(keys: readonly string[]): void {
  const url = new URL(location.href);
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  for (const key of keys) params.delete(key);
  url.hash = params.toString();
  history.replaceState(history.state, '', url.href);
}

/**
 * Removes `keys` from the page's query (`?slotwise_credits=…` of a credits email's link) once read,
 * the same way: the address bar, a bookmark or a shared screen no longer carries the token.
 */
export function dropFromQuery(keys: readonly string[]): void {
  const url = new URL(location.href);
  if (!keys.some((key) => url.searchParams.has(key))) return;
  for (const key of keys) url.searchParams.delete(key);
  history.replaceState(history.state, '', url.href);
}

/** The current page's address with `params` as its fragment: a link back into this widget. */
export function pageLinkWith(params: Record<string, string>, page: string = location.href): string {
  const url = new URL(page);
  url.hash = new URLSearchParams(params).toString();
  return url.href;
}

/** The fragment keys of a manage link: the booking's id and its manage token. */
export const MANAGE_KEYS = { booking: 'slotwise-booking', token: 'slotwise-token' } as const;

/** A link that opens `bookingId`'s manage view in the widget on this same page. */
export function manageLink(bookingId: string, manageToken: string, page?: string): string {
  return pageLinkWith({ [MANAGE_KEYS.booking]: bookingId, [MANAGE_KEYS.token]: manageToken }, page);
}

/** The fragment key of an emailed "My bookings" link (`#slotwise-my=<token>`), as the server writes it. */
export const MY_BOOKINGS_KEY = 'slotwise-my';

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dropFromFragment, MANAGE_KEYS, MY_BOOKINGS_KEY, readFragment } from '../../internal/page-fragment.js';

interface LinkHost extends ReactiveControllerHost, HTMLElement {
  booking?: string;
  token?: string;
  /** Shows "My bookings", exchanging an emailed link's token for a session. */
  openMyBookings(linkToken: string): void;
}

/**
 * Opens what a link into this page asks for: `#slotwise-booking=…&slotwise-token=…` shows that
 * booking's manage view; `#slotwise-my=…` (the emailed "My bookings" link) opens My bookings. Read when the element connects and whenever the fragment changes (a
 * link on the same page changes only the fragment: no reload). The link's booking replaces any the
 * element showed: the visitor followed it to see that one. A plain click on such a link inside this
 * element (the confirmation's "Open your booking's page") opens it here, without the fragment: on
 * a page with more than one widget (inline and a popup), the one clicked in is the one that opens it.
 */
export class PageLinksController implements ReactiveController {
  private readonly onHashChange = () => this.read();
  private readonly onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
    if (!link || link.target === '_blank') return;
    const to = new URL(link.href, location.href);
    const here = new URL(location.href);
    if (to.origin !== here.origin || to.pathname !== here.pathname || to.search !== here.search) return;
    const params = readFragment(MANAGE_KEYS.booking, to.hash);
    const token = params?.get(MANAGE_KEYS.token);
    if (!params || !token) return;
    event.preventDefault();
    this.host.booking = params.get(MANAGE_KEYS.booking)!;
    this.host.token = token;
  };

  constructor(private readonly host: LinkHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.read();
    addEventListener('hashchange', this.onHashChange);
    this.host.addEventListener('click', this.onClick);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.onHashChange);
    this.host.removeEventListener('click', this.onClick);
  }

  private read(): void {
    const my = readFragment(MY_BOOKINGS_KEY)?.get(MY_BOOKINGS_KEY);
    if (my) {
      dropFromFragment([MY_BOOKINGS_KEY]);
      this.host.openMyBookings(my);
    }
    const params = readFragment(MANAGE_KEYS.booking);
    const token = params?.get(MANAGE_KEYS.token);
    if (!params || !token) return;
    dropFromFragment(Object.values(MANAGE_KEYS));
    this.host.booking = params.get(MANAGE_KEYS.booking)!;
    this.host.token = token;
  }
}

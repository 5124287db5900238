import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dropFromFragment, MANAGE_KEYS, MY_BOOKINGS_KEY, readFragment } from '../../internal/page-fragment.js';

interface LinkHost extends ReactiveControllerHost {
  booking?: string;
  token?: string;
  /** Shows "My bookings", exchanging an emailed link's token for a session. */
  openMyBookings(linkToken: string): void;
}

/**
 * Opens what a link into this page asks for: `#slotwise-booking=…&slotwise-token=…` shows that
 * booking's manage view; `#slotwise-my=…` (the emailed "My bookings" link) opens My bookings. Read when the element connects and whenever the fragment changes (a
 * link on the same page changes only the fragment: no reload). The link's booking replaces any the
 * element showed: the visitor followed it to see that one.
 */
export class PageLinksController implements ReactiveController {
  private readonly onHashChange = () => this.read();

  constructor(private readonly host: LinkHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.read();
    addEventListener('hashchange', this.onHashChange);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.onHashChange);
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

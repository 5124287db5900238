import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VisitorClient } from '@slotwise/sdk';
import { emit } from '../../events.js';
import { describeError } from '../../internal/errors.js';
import type { BookingFlow, PendingPayment } from './booking-flow.js';

/**
 * Gives a held time back to the specialist as soon as the visitor leaves the payment step without
 * paying — by its "Choose another time" button, or any other way the step goes away unpaid (a new
 * specialist or API on the element, the element leaving the page) — rather than keeping it blocked until the hold lapses; it
 * also frees one of the visitor's few simultaneous holds. The server's release is idempotent, so
 * a hold that lapsed meanwhile costs one harmless request. A failed release is reported as
 * `slotwise:error` only: the hold still lapses by itself.
 */
export class HoldRelease implements ReactiveController {
  /** The payment step last rendered, with the client it was made through. */
  private watched: { payment: PendingPayment; client: VisitorClient } | undefined;
  private readonly released = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly flow: BookingFlow,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('pagehide', this.onPageHide);
  }

  /**
   * The page is going away (a reload, a link followed, the tab closed) with the payment step on
   * screen and nothing paid: the hold goes with it, by a request the browser finishes after the page
   * has gone (`keepalive`). Not when the page is kept to come back to (the back/forward cache: the
   * step returns as it was), nor once the visitor pressed Pay — a bank's page may be taking the
   * payment (3-D Secure redirects away), and the server confirms it when it comes back.
   */
  private readonly onPageHide = (event: PageTransitionEvent): void => {
    const watched = this.watched;
    if (event.persisted || !watched) return;
    const { booking, manageToken } = watched.payment;
    if (this.released.has(booking.id) || this.flow.booked?.id === booking.id) return;
    const phase = (this.host.shadowRoot?.querySelector('slotwise-payment') as { phase?: string } | null)?.phase;
    if (phase !== undefined && phase !== 'ready') return;
    this.released.add(booking.id);
    void fetch(`${watched.client.baseURL}/v1/bookings/${encodeURIComponent(booking.id)}/release`, {
      method: 'POST',
      keepalive: true,
      headers: { authorization: `Bearer ${manageToken}` },
    }).catch(() => undefined); // the hold still lapses by itself
  };

  hostUpdated(): void {
    const { payment, ctx, booked } = this.flow;
    const previous = this.watched;
    this.watched = payment && ctx ? { payment, client: previous?.payment === payment ? previous.client : ctx.client } : undefined;
    if (previous && previous.payment !== payment && booked?.id !== previous.payment.booking.id) {
      void this.release(previous.payment, previous.client);
    }
  }

  /**
   * The element left the page with a hold unpaid — the popup opened afresh for another service
   * (it makes a new booking element), a single-page app's route away — so the hold goes at once.
   * Checked a task later: an element only moved in the page is connected again by then.
   */
  hostDisconnected(): void {
    removeEventListener('pagehide', this.onPageHide);
    const watched = this.watched;
    if (!watched) return;
    setTimeout(() => {
      if (!this.host.isConnected && this.flow.booked?.id !== watched.payment.booking.id) void this.release(watched.payment, watched.client);
    });
  }

  /** Releases `payment`'s hold (the one on screen unless told), once; resolves when the server answered. */
  async release(payment = this.flow.payment, client = this.watched?.client ?? this.flow.ctx?.client): Promise<void> {
    if (!payment || !client || this.released.has(payment.booking.id)) return;
    this.released.add(payment.booking.id);
    try {
      await client.bookings.release(payment.booking.id, { manageToken: payment.manageToken });
    } catch (error) {
      emit(this.host, 'slotwise:error', describeError(error));
    }
  }
}

import type { ReactiveControllerHost } from 'lit';
import type { VisitorClient } from '@slotwise/sdk';
import type { CancellationQuote } from '@slotwise/sdk/contract';
import { emit, type ErrorDetail } from '../../events.js';
import { describeError } from '../../internal/errors.js';
import { ManagedBookingController } from '../../managed-booking-controller.js';

/**
 * Where cancelling stands: nothing asked yet; the quote is loading; the quote is shown and waits
 * for the visitor's word; the cancellation is being sent.
 */
export type CancelPhase = 'idle' | 'quoting' | 'quoted' | 'cancelling';

/** Which booking to manage, and through which client. */
export interface ManageSettings {
  client: VisitorClient;
  id: string;
  manageToken: string;
}

/**
 * The state of one manage view and its rules: the booking is read with its manage token, and a
 * cancellation is only ever sent after its quote (allowed, and the refund) was shown.
 */
export class ManageFlow {
  readonly booking: ManagedBookingController;
  cancelPhase: CancelPhase = 'idle';
  quote: CancellationQuote | undefined;
  /** Why the last quote or cancellation failed, shown in the cancel panel. */
  cancelError: ErrorDetail | undefined;

  private settings: ManageSettings | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    this.booking = new ManagedBookingController(host);
  }

  get current(): ManageSettings | undefined {
    return this.settings;
  }

  /** Another booking, token or client starts over. */
  configure(settings: ManageSettings): void {
    const previous = this.settings;
    if (previous && previous.client === settings.client && previous.id === settings.id && previous.manageToken === settings.manageToken) return;
    this.settings = settings;
    this.resetCancel();
    void this.load();
  }

  async load(): Promise<void> {
    if (!this.settings) return;
    await this.booking.load(this.settings);
    if (this.booking.error) emit(this.host, 'slotwise:error', this.booking.error);
  }

  /**
   * Reads the booking again while it stays on screen (the join window opened, a link is awaited);
   * a failure fires `slotwise:error` and is returned.
   */
  async refresh(): Promise<ErrorDetail | undefined> {
    const error = await this.booking.refresh();
    if (error) emit(this.host, 'slotwise:error', error);
    return error;
  }

  /** Asks the server what cancelling now would do; nothing is cancelled yet. */
  async askToCancel(): Promise<void> {
    const settings = this.settings;
    if (!settings || this.cancelPhase === 'quoting' || this.cancelPhase === 'cancelling') return;
    this.update({ cancelPhase: 'quoting', quote: undefined, cancelError: undefined });
    try {
      const quote = await settings.client.bookings.cancellationQuote(settings.id, { manageToken: settings.manageToken });
      if (settings !== this.settings) return;
      this.update({ cancelPhase: 'quoted', quote });
    } catch (error) {
      if (settings !== this.settings) return;
      this.fail(describeError(error), 'idle');
    }
  }

  /** Cancels, after the visitor saw the quote and confirmed. */
  async confirmCancel(reason: string): Promise<void> {
    const settings = this.settings;
    if (!settings || this.cancelPhase !== 'quoted' || !this.quote?.allowed) return;
    this.update({ cancelPhase: 'cancelling', cancelError: undefined });
    try {
      const trimmed = reason.trim();
      const booking = await settings.client.bookings.cancel(settings.id, trimmed ? { reason: trimmed } : {}, { manageToken: settings.manageToken });
      if (settings !== this.settings) return;
      this.resetCancel();
      this.booking.replace(booking);
      emit(this.host, 'slotwise:cancelled', { booking });
    } catch (error) {
      if (settings !== this.settings) return;
      this.fail(describeError(error), 'quoted');
    }
  }

  /** "Keep my booking": back to the booking as it was. */
  keepBooking(): void {
    this.resetCancel();
    this.host.requestUpdate();
  }

  private fail(error: ErrorDetail, phase: CancelPhase): void {
    this.update({ cancelPhase: phase, cancelError: error });
    emit(this.host, 'slotwise:error', error);
  }

  private resetCancel(): void {
    this.cancelPhase = 'idle';
    this.quote = undefined;
    this.cancelError = undefined;
  }

  private update(patch: Partial<Pick<ManageFlow, 'cancelPhase' | 'quote' | 'cancelError'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }
}

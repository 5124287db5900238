import type { VisitorClient } from '@slotwise/sdk';
import type { Booking } from '@slotwise/sdk/contract';
import { en, type Messages } from '../../i18n/index.js';
import { emit, type ErrorDetail } from '../../events.js';
import { describeError } from '../../internal/errors.js';
import { todayIn } from '../../internal/dates.js';
import { SlotPicker } from '../slot-picker.js';

/** What moving a booking needs besides the booking itself. */
export interface RescheduleSettings {
  client: VisitorClient;
  manageToken: string;
  timeZone: string;
  locale: string | undefined;
  /** The calendar's and time list's text; English by default (the console). */
  messages?: Messages;
  now: () => Date;
}

/**
 * Choosing a new time for a booking: the same calendar and time list as booking, for the booking's
 * service and duration. It provides `bookingContext` to them, so they read this selection and not
 * the booking flow's of the `<slotwise-booking>` around it.
 */
export class RescheduleFlow extends SlotPicker {
  open = false;
  saving = false;
  error: ErrorDetail | undefined;

  private settings: RescheduleSettings | undefined;
  private booking: Booking | undefined;

  get today(): string {
    return this.settings ? todayIn(this.settings.timeZone, this.settings.now()) : '';
  }

  start(booking: Booking, settings: RescheduleSettings): void {
    this.booking = booking;
    this.settings = settings;
    // The calendar and time list need a service; the booking names its own and its one duration.
    const service = { id: booking.service.id, name: booking.service.name, description: '', currency: booking.currency,
      durations: [{ minutes: booking.duration, price: booking.price }], location: { kind: booking.location.kind },
      // Not known from the booking; the time list shows seats from the slots' own `seatsLeft`.
      capacity: 1 };
    const { client, timeZone, locale, messages } = settings;
    this.provider.setValue({ client, specialist: booking.specialist.handle, timeZone, locale, messages: messages ?? en, selection: { service, duration: booking.duration } });
    Object.assign(this, { open: true, saving: false, error: undefined });
    this.openAt();
    void this.loadSlots();
  }

  close(): void {
    this.open = false;
    this.error = undefined;
    this.slots.clear();
  }

  /** Moves the booking to the chosen time; the server's answer is the booking now. */
  async confirm(): Promise<Booking | undefined> {
    const { booking, settings } = this;
    const slot = this.ctx?.selection.slot;
    if (!booking || !settings || !slot || this.saving) return undefined;
    Object.assign(this, { saving: true, error: undefined });
    this.host.requestUpdate();
    try {
      const moved = await this.send(booking.id, slot.start, settings);
      this.close();
      this.moved(moved, booking.start);
      return moved;
    } catch (error) {
      this.error = describeError(error);
      this.failed(this.error);
      // A time taken meanwhile is dropped from the list.
      this.select({ slot: undefined });
      void this.slots.reload();
      return undefined;
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }

  /** Asks the server to move the booking: as its customer, with the manage token. */
  protected send(id: string, start: string, settings: RescheduleSettings): Promise<Booking> {
    return settings.client.bookings.reschedule(id, { start }, { manageToken: settings.manageToken });
  }

  /** Tells the page the booking moved (`slotwise:rescheduled`). */
  protected moved(booking: Booking, previousStart: string): void {
    emit(this.host, 'slotwise:rescheduled', { booking, previousStart });
  }

  /** Tells the page the move was refused (`slotwise:error`). */
  protected failed(error: ErrorDetail): void {
    emit(this.host, 'slotwise:error', error);
  }
}

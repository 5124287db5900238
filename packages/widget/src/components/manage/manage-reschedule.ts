import type { ReactiveControllerHost } from 'lit';
import { ContextProvider } from '@lit/context';
import type { SlotwiseClient } from '@slotwise/sdk';
import type { Booking, Slot } from '@slotwise/sdk/contract';
import { bookingContext, type BookingContext, type Selection } from '../../context.js';
import { emit, type ErrorDetail } from '../../events.js';
import { describeError } from '../../internal/errors.js';
import { addMonths, monthOf, monthWindow, todayIn } from '../../internal/dates.js';
import { SlotsController } from '../../slots-controller.js';

/** What moving a booking needs besides the booking itself. */
export interface RescheduleSettings {
  client: SlotwiseClient;
  manageToken: string;
  timeZone: string;
  locale: string | undefined;
  now: () => Date;
}

/**
 * Choosing a new time for a booking: the same calendar and time list as booking, for the booking's
 * service and duration. It provides `bookingContext` to them, so they read this selection and not
 * the booking flow's of the `<slotwise-booking>` around it.
 */
export class RescheduleFlow {
  readonly slots: SlotsController;
  open = false;
  saving = false;
  month = '';
  error: ErrorDetail | undefined;

  private readonly provider: ContextProvider<typeof bookingContext>;
  private settings: RescheduleSettings | undefined;
  private booking: Booking | undefined;
  /** Empty months still to skip on the way to the first open day. */
  private searchAhead = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    this.provider = new ContextProvider(host, { context: bookingContext });
    this.slots = new SlotsController(host);
  }

  get ctx(): BookingContext | undefined {
    return this.provider.value;
  }

  get today(): string {
    return this.settings ? todayIn(this.settings.timeZone, this.settings.now()) : '';
  }

  start(booking: Booking, settings: RescheduleSettings): void {
    this.booking = booking;
    this.settings = settings;
    // The calendar and time list need a service; the booking names its own and its one duration.
    const service = { id: booking.service.id, name: booking.service.name, description: '', currency: booking.currency,
      durations: [{ minutes: booking.duration, price: booking.price }] };
    const { client, timeZone, locale } = settings;
    this.provider.setValue({ client, specialist: booking.specialist.handle, timeZone, locale, selection: { service, duration: booking.duration } });
    Object.assign(this, { open: true, saving: false, error: undefined, month: monthOf(this.today), searchAhead: 2 });
    void this.loadSlots();
  }

  close(): void {
    this.open = false;
    this.error = undefined;
    this.slots.clear();
  }

  showMonth(month: string): void {
    this.month = month;
    this.searchAhead = 0;
    this.select({ date: undefined, slot: undefined });
    void this.loadSlots();
  }

  chooseDay(date: string): void {
    this.select({ date, slot: undefined });
  }

  chooseSlot(slot: Slot): void {
    this.select({ slot });
  }

  /** Moves the booking to the chosen time; the server's answer is the booking now. */
  async confirm(): Promise<Booking | undefined> {
    const { booking, settings } = this;
    const slot = this.ctx?.selection.slot;
    if (!booking || !settings || !slot || this.saving) return undefined;
    Object.assign(this, { saving: true, error: undefined });
    this.host.requestUpdate();
    try {
      const moved = await settings.client.bookings.reschedule(booking.id, { start: slot.start }, { manageToken: settings.manageToken });
      this.close();
      emit(this.host, 'slotwise:rescheduled', { booking: moved, previousStart: booking.start });
      return moved;
    } catch (error) {
      this.error = describeError(error);
      emit(this.host, 'slotwise:error', this.error);
      // A time taken meanwhile is dropped from the list.
      this.select({ slot: undefined });
      void this.slots.reload();
      return undefined;
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }

  private async loadSlots(): Promise<void> {
    const ctx = this.ctx;
    const { service, duration } = ctx?.selection ?? {};
    if (!ctx || !service) return;
    const window = monthWindow(this.month, this.today);
    if (!window) return;
    const request = { client: ctx.client, specialist: ctx.specialist, service: service.id, duration, ...window, timeZone: ctx.timeZone };
    const slots = await this.slots.load(request);
    if (this.slots.error) emit(this.host, 'slotwise:error', this.slots.error);
    if (slots && slots.days.length === 0 && this.searchAhead > 0) {
      this.searchAhead -= 1;
      this.month = addMonths(this.month, 1);
      return this.loadSlots();
    }
    this.searchAhead = 0;
  }

  private select(patch: Partial<Selection>): void {
    const ctx = this.ctx;
    if (!ctx) return;
    this.provider.setValue({ ...ctx, selection: { ...ctx.selection, ...patch } });
    this.host.requestUpdate();
  }
}

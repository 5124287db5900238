import type { ReactiveControllerHost } from 'lit';
import { ContextProvider } from '@lit/context';
import type { Service, Slot, Slots } from '@slotwise/sdk/contract';
import { bookingContext, type BookingContext, type Selection } from '../context.js';
import { emit } from '../events.js';
import { addMonths, monthOf, monthWindow } from '../internal/dates.js';
import { SlotsController } from '../slots-controller.js';

/**
 * Picking a time: the month in view, its open times, and the visitor's day and time. Shared by
 * booking and rescheduling, which provide `bookingContext` to the same calendar and time list.
 * Each choice clears the ones after it; opening on a month with no open day looks a few months
 * ahead for the first one.
 */
export abstract class SlotPicker {
  readonly slots: SlotsController;
  /** The month in view, `YYYY-MM` in the visitor's zone. */
  month = '';

  protected readonly provider: ContextProvider<typeof bookingContext>;
  /** Empty months still to skip on the way to the first open day. */
  private searchAhead = 0;

  constructor(protected readonly host: ReactiveControllerHost & HTMLElement) {
    this.provider = new ContextProvider(host, { context: bookingContext });
    this.slots = new SlotsController(host);
  }

  get ctx(): BookingContext | undefined {
    return this.provider.value;
  }

  /** Today's date in the visitor's zone, `YYYY-MM-DD` ('' before there is a zone). */
  abstract get today(): string;

  /** Opens on this month (today's by default), looking up to two months ahead for an open day. */
  protected openAt(month = monthOf(this.today)): void {
    this.month = month;
    this.searchAhead = 2;
  }

  /**
   * Opens on `slots` — `service`'s first open month, as the server sent it with the profile — as
   * if the visitor had chosen the service and the calendar had loaded that month itself: the
   * month in view is `slots.from`'s and its times are shown without another request.
   */
  openWith(service: Service, slots: Slots): void {
    const ctx = this.ctx;
    if (!ctx) return;
    this.select({ service, duration: slots.duration, date: undefined, slot: undefined });
    this.month = monthOf(slots.from);
    this.searchAhead = 0;
    const { client, specialist, timeZone } = ctx;
    this.slots.prime({ client, specialist, service: service.id, duration: slots.duration, from: slots.from, to: slots.to, timeZone }, slots);
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

  async loadSlots(): Promise<void> {
    const ctx = this.ctx;
    const { service, duration } = ctx?.selection ?? {};
    if (!ctx || !service) return;
    const today = this.today;
    if (!this.month || this.month < monthOf(today)) this.month = monthOf(today);
    const window = monthWindow(this.month, today);
    if (!window) return;
    const { client, specialist, timeZone } = ctx;
    const slots = await this.slots.load({ client, specialist, service: service.id, duration, ...window, timeZone });
    if (this.slots.error) emit(this.host, 'slotwise:error', this.slots.error);
    if (!slots) return;
    if (slots.days.length === 0 && this.searchAhead > 0) {
      this.searchAhead -= 1;
      this.month = addMonths(this.month, 1);
      return this.loadSlots();
    }
    this.searchAhead = 0;
  }

  protected select(patch: Partial<Selection>): void {
    const ctx = this.ctx;
    if (!ctx) return;
    this.selecting();
    this.provider.setValue({ ...ctx, selection: { ...ctx.selection, ...patch } });
    this.host.requestUpdate();
  }

  /** Called before each change of the selection. */
  protected selecting(): void {}
}

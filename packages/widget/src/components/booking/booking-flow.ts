import type { ReactiveControllerHost } from 'lit';
import { ContextProvider } from '@lit/context';
import type { Booking, BookingCreated, PaymentSession, Service, Slot } from '@slotwise/sdk/contract';
import { bookingContext, type BookingContext, type Selection } from '../../context.js';
import { emit } from '../../events.js';
import { addMonths, monthOf, monthWindow, todayIn } from '../../internal/dates.js';
import { SlotsController } from '../../slots-controller.js';
import { SpecialistController } from '../../specialist-controller.js';

/** Where the flow is coming from: everything but the visitor's choices. */
export type FlowSettings = Omit<BookingContext, 'selection'>;

/** A held booking waiting for its payment. */
export type PendingPayment = BookingCreated & { paymentSession: PaymentSession };

/**
 * The state of one booking flow and its rules: each choice clears the ones after it, times are
 * loaded for the month in view, and a time that turns out to be taken is dropped and reloaded.
 * It provides `bookingContext` to the parts inside its host.
 */
export class BookingFlow {
  readonly profile: SpecialistController;
  readonly slots: SlotsController;
  /** The month in view, `YYYY-MM` in the visitor's zone. */
  month = '';
  booked: Booking | undefined;
  /** Set between the hold and the server's confirmation of a paid session. */
  payment: PendingPayment | undefined;
  /** Why the chosen time was dropped, shown until the next choice. */
  notice = '';

  private readonly provider: ContextProvider<typeof bookingContext>;
  /** Empty months still to skip on the way to the first open day. */
  private searchAhead = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly now: () => Date,
  ) {
    this.provider = new ContextProvider(host, { context: bookingContext });
    this.profile = new SpecialistController(host);
    this.slots = new SlotsController(host);
  }

  get ctx(): BookingContext | undefined {
    return this.provider.value;
  }

  get today(): string {
    return this.ctx ? todayIn(this.ctx.timeZone, this.now()) : '';
  }

  /** A new specialist or API starts over; a new zone keeps the service but not the day. */
  configure(settings: FlowSettings): void {
    const previous = this.ctx;
    const same = previous?.client === settings.client && previous.specialist === settings.specialist;
    const { service, duration } = previous?.selection ?? {};
    let selection: Selection = {};
    if (same) selection = previous.timeZone === settings.timeZone ? previous.selection : { service, duration };
    this.provider.setValue({ ...settings, selection });
    if (!same) {
      this.booked = undefined;
      this.payment = undefined;
      this.notice = '';
      this.slots.clear();
      if (settings.specialist) void this.loadProfile();
    } else if (previous.timeZone !== settings.timeZone && service) {
      void this.loadSlots();
    }
    this.host.requestUpdate();
  }

  async loadProfile(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    await this.profile.load(ctx.client, ctx.specialist);
    if (this.profile.error) emit(this.host, 'slotwise:error', this.profile.error);
  }

  chooseService(service: Service, duration: number): void {
    this.select({ service, duration, date: undefined, slot: undefined });
    this.month = monthOf(this.today);
    this.searchAhead = 2;
    void this.loadSlots();
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

  /** The time is held until it is paid for: it is off the list meanwhile. */
  paymentRequired(created: PendingPayment): void {
    this.payment = created;
    this.select({ slot: undefined });
    void this.slots.reload();
  }

  /** The hold lapsed unpaid: the time is offered again, so are the others. */
  holdReleased(): void {
    this.payment = undefined;
    this.select({ slot: undefined });
    this.notice = 'The time we held for you was released. Please choose a time again.';
    void this.slots.reload();
  }

  /** The time is gone: its booking takes it off the list. */
  bookingMade(booking: Booking): void {
    this.payment = undefined;
    this.booked = booking;
    this.select({ slot: undefined });
    void this.slots.reload();
  }

  /** Someone else took the chosen time (or it stopped being offered) while the visitor typed. */
  slotTaken(): void {
    this.select({ slot: undefined });
    this.notice = 'Sorry, that time is no longer available. Please choose another time.';
    void this.slots.reload();
  }

  bookAgain(): void {
    this.booked = undefined;
    this.host.requestUpdate();
  }

  async loadSlots(): Promise<void> {
    const ctx = this.ctx;
    const { service, duration } = ctx?.selection ?? {};
    if (!ctx || !service) return;
    const today = this.today;
    if (!this.month || this.month < monthOf(today)) this.month = monthOf(today);
    const window = monthWindow(this.month, today)!;
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

  private select(patch: Partial<Selection>): void {
    const ctx = this.ctx;
    if (!ctx) return;
    this.notice = '';
    this.provider.setValue({ ...ctx, selection: { ...ctx.selection, ...patch } });
    this.host.requestUpdate();
  }
}

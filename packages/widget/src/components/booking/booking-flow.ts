import type { ReactiveControllerHost } from 'lit';
import type { Booking, BookingCreated, PaymentSession, Service, BookingNotifications } from '@slotwise/sdk/contract';
import type { BookingContext, Selection } from '../../context.js';
import { emit } from '../../events.js';
import { todayIn } from '../../internal/dates.js';
import { reportToOwner } from '../../internal/errors.js';
import { SpecialistController, type Preselect } from '../../specialist-controller.js';
import { SlotPicker } from '../slot-picker.js';

/** Where the flow is coming from: everything but the visitor's choices. */
export type FlowSettings = Omit<BookingContext, 'selection'>;

/** A held booking waiting for its payment. */
export type PendingPayment = BookingCreated & { paymentSession: PaymentSession };

/**
 * The state of one booking flow and its rules: each choice clears the ones after it, times are
 * loaded for the month in view, and a time that turns out to be taken is dropped and reloaded.
 * It provides `bookingContext` to the parts inside its host.
 */
export class BookingFlow extends SlotPicker {
  readonly profile: SpecialistController;
  booked: Booking | undefined;
  /** The confirmed booking's manage token (its calendar file's link carries it). */
  bookedToken: string | undefined;
  /** Whether the confirmation email was queued for the visitor (`queued`), or the server sends none (`off`). */
  bookedEmail: 'queued' | 'off' | undefined;
  /** Set between the hold and the server's confirmation of a paid session. */
  payment: PendingPayment | undefined;
  /** Why the chosen time was dropped (a catalog key), shown until the next choice. */
  notice: 'holdReleasedNotice' | 'slotTakenNotice' | '' = '';
  /** The service the embed names (`service`, `duration` attributes): opened on without a click. */
  preselect: Omit<Preselect, 'timeZone'> = {};

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly now: () => Date,
  ) {
    super(host);
    this.profile = new SpecialistController(host);
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
      this.bookedToken = undefined;
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
    const profile = await this.profile.load(ctx.client, ctx.specialist, { ...this.preselect, timeZone: ctx.timeZone });
    if (this.profile.error) {
      reportToOwner(this.profile.error);
      emit(this.host, 'slotwise:error', this.profile.error);
      return;
    }
    // Internal, not composed: the popup around the host titles itself with the name.
    this.host.dispatchEvent(new CustomEvent('profile-loaded', { detail: this.profile.value }));
    const service = profile?.slots && profile.services.find((s) => s.id === profile.slots!.service);
    if (service && !this.ctx?.selection.service) this.openWith(service, profile.slots!);
  }

  /**
   * The embed named another service or duration after load (a single-page app re-rendering with
   * another prop): opens on it as on a first load — the profile asked again with the new
   * preselection. A payment or a confirmation under way is not torn down; the choice applies
   * after it ("Book another time").
   */
  reselect(preselect: Omit<Preselect, 'timeZone'>): void {
    this.preselect = preselect;
    if (!this.ctx || this.payment || this.booked) return;
    this.select({ service: undefined, duration: undefined, date: undefined, slot: undefined });
    void this.loadProfile();
  }

  chooseService(service: Service, duration: number): void {
    this.select({ service, duration, date: undefined, slot: undefined });
    this.openAt();
    void this.loadSlots();
  }

  /** The time is held until it is paid for: it is off the list meanwhile. */
  paymentRequired(created: PendingPayment): void {
    this.payment = created;
    this.select({ slot: undefined });
    void this.slots.reload();
  }

  /**
   * The hold lapsed unpaid, or the visitor gave it up (`byVisitor`: they asked for another time,
   * so nothing needs explaining): the time is offered again, so are the others.
   */
  holdReleased(byVisitor = false): void {
    this.payment = undefined;
    this.select({ slot: undefined });
    this.notice = byVisitor ? '' : 'holdReleasedNotice';
    void this.slots.reload();
  }

  /** The time is gone: its booking takes it off the list. */
  bookingMade(booking: Booking, manageToken?: string, notifications?: BookingNotifications): void {
    // A held booking's confirmation is queued by the payment that confirmed it.
    const email = notifications?.email ?? this.payment?.notifications?.email;
    this.bookedEmail = email === 'on_payment' ? 'queued' : email;
    this.payment = undefined;
    this.booked = booking;
    this.bookedToken = manageToken;
    this.select({ slot: undefined });
    this.slots.drop(booking.start);
    void this.slots.reload();
  }

  /** Someone else took the chosen time (or it stopped being offered) while the visitor typed. */
  slotTaken(): void {
    const taken = this.ctx?.selection.slot;
    this.select({ slot: undefined });
    if (taken) this.slots.drop(taken.start);
    this.notice = 'slotTakenNotice';
    void this.slots.reload();
  }

  bookAgain(): void {
    this.booked = undefined;
    this.bookedToken = undefined;
    this.bookedEmail = undefined;
    this.host.requestUpdate();
  }

  /** A new choice clears the note about a dropped time. */
  protected override selecting(): void {
    this.notice = '';
  }
}

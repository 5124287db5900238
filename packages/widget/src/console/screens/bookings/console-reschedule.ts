import type { ReactiveControllerHost } from 'lit';
import type { SlotwiseClient } from '@slotwise/sdk';
import type { SpecialistBooking } from '@slotwise/sdk/contract';
import type { ErrorDetail } from '../../../events.js';
import { describeError } from '../../../internal/errors.js';
import { todayIn } from '../../../internal/dates.js';
import { SlotPicker } from '../../../components/slot-picker.js';

/**
 * Moving a booking as its specialist: the widget's calendar and time list over the booking's
 * service and duration, open times seen in the specialist's zone (the public slots — the times a
 * customer could book), saved with `me.bookings.reschedule`, which keeps the history.
 */
export class ConsoleReschedule extends SlotPicker {
  open = false;
  saving = false;
  error: ErrorDetail | undefined;
  private client: SlotwiseClient | undefined;
  private booking: SpecialistBooking | undefined;
  private zone = 'UTC';

  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host);
  }

  get today(): string {
    return todayIn(this.zone, new Date());
  }

  start(booking: SpecialistBooking, client: SlotwiseClient, timeZone: string): void {
    Object.assign(this, { booking, client, zone: timeZone, open: true, saving: false, error: undefined });
    const service = { id: booking.service.id, name: booking.service.name, description: '', currency: booking.currency,
      durations: [{ minutes: booking.duration, price: booking.price }], location: { kind: booking.location.kind } };
    this.provider.setValue({ client, specialist: booking.specialist.handle, timeZone, locale: undefined, selection: { service, duration: booking.duration } });
    this.openAt();
    this.host.requestUpdate();
    void this.loadSlots().then(() => this.host.requestUpdate());
  }

  close(): void {
    this.open = false;
    this.error = undefined;
    this.slots.clear();
    this.host.requestUpdate();
  }

  /** Moves the booking to the chosen time; answers the booking as the server has it now. */
  async confirm(): Promise<SpecialistBooking | undefined> {
    const { booking, client } = this;
    const slot = this.ctx?.selection.slot;
    if (!booking || !client || !slot || this.saving) return undefined;
    Object.assign(this, { saving: true, error: undefined });
    this.host.requestUpdate();
    try {
      const moved = await client.me.bookings.reschedule(booking.id, { start: slot.start });
      this.close();
      return moved;
    } catch (error) {
      this.error = describeError(error);
      this.select({ slot: undefined });
      void this.slots.reload();
      return undefined;
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }
}

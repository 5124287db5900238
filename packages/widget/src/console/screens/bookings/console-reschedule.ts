import type { SlotwiseClient } from '@slotwise/sdk';
import type { Booking } from '@slotwise/sdk/contract';
import { RescheduleFlow, type RescheduleSettings } from '../../../components/manage/manage-reschedule.js';

/**
 * Moving a booking as its specialist: the customer's reschedule panel (the widget's calendar and
 * time list over the booking's service and duration, the public open times), saved with
 * `me.bookings.reschedule` under the specialist's own login — no manage token, no policy limits,
 * history kept. The console says what happened itself, so no widget events leave it.
 */
export class ConsoleReschedule extends RescheduleFlow {
  protected override send(id: string, start: string, settings: RescheduleSettings): Promise<Booking> {
    // The console starts the flow with its session's full client (`booking-detail`), never a visitor's.
    return (settings.client as SlotwiseClient).me.bookings.reschedule(id, { start });
  }

  protected override moved(): void {}

  protected override failed(): void {}
}

import { define } from '../../../internal/define.js';
import { SlotwiseConsoleBookings } from './bookings.component.js';

export { SlotwiseConsoleBookings };

define('slotwise-console-bookings', SlotwiseConsoleBookings);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-bookings': SlotwiseConsoleBookings;
  }
}

import { define } from '../../internal/define.js';
import { SlotwiseMyBookings } from './my-bookings.component.js';

export { SlotwiseMyBookings };

define('slotwise-my-bookings', SlotwiseMyBookings);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-my-bookings': SlotwiseMyBookings;
  }
}

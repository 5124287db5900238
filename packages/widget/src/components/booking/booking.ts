import { define } from '../../internal/define.js';
import { SlotwiseBooking } from './booking.component.js';

export { SlotwiseBooking };

define('slotwise-booking', SlotwiseBooking);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-booking': SlotwiseBooking;
  }
}

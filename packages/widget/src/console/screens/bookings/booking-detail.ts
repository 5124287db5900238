import { define } from '../../../internal/define.js';
import { SlotwiseConsoleBookingDetail } from './booking-detail.component.js';

export { SlotwiseConsoleBookingDetail };

define('slotwise-console-booking-detail', SlotwiseConsoleBookingDetail);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-booking-detail': SlotwiseConsoleBookingDetail;
  }
}

import { define } from '../../internal/define.js';
import { SlotwiseCalendar } from './calendar.component.js';

export { SlotwiseCalendar };

define('slotwise-calendar', SlotwiseCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-calendar': SlotwiseCalendar;
  }
}

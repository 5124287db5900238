import { define } from '../../internal/define.js';
import { SlotwiseAddToCalendar } from './add-to-calendar.component.js';

export { SlotwiseAddToCalendar };

define('slotwise-add-to-calendar', SlotwiseAddToCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-add-to-calendar': SlotwiseAddToCalendar;
  }
}

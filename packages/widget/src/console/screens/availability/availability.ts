import { define } from '../../../internal/define.js';
import { SlotwiseConsoleAvailability } from './availability.component.js';

export { SlotwiseConsoleAvailability };
define('slotwise-console-availability', SlotwiseConsoleAvailability);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-availability': SlotwiseConsoleAvailability;
  }
}

import { define } from '../../internal/define.js';
import { SlotwiseConsoleStanding } from './standing-banner.component.js';

export { SlotwiseConsoleStanding };
define('slotwise-console-standing', SlotwiseConsoleStanding);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-standing': SlotwiseConsoleStanding;
  }
}

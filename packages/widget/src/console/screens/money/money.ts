import { define } from '../../../internal/define.js';
import { SlotwiseConsoleMoney } from './money.component.js';

export { SlotwiseConsoleMoney };

define('slotwise-console-money', SlotwiseConsoleMoney);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-money': SlotwiseConsoleMoney;
  }
}

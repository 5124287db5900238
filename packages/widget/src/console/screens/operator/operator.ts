import { define } from '../../../internal/define.js';
import { SlotwiseConsoleOperator } from './operator.component.js';

export { SlotwiseConsoleOperator };

define('slotwise-console-operator', SlotwiseConsoleOperator);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-operator': SlotwiseConsoleOperator;
  }
}

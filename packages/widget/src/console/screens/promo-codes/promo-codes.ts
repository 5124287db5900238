import { define } from '../../../internal/define.js';
import { SlotwiseConsolePromoCodes } from './promo-codes.component.js';

export { SlotwiseConsolePromoCodes };

define('slotwise-console-promo-codes', SlotwiseConsolePromoCodes);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-promo-codes': SlotwiseConsolePromoCodes;
  }
}

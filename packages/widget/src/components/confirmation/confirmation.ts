import { define } from '../../internal/define.js';
import { SlotwiseConfirmation } from './confirmation.component.js';

export { SlotwiseConfirmation };

define('slotwise-confirmation', SlotwiseConfirmation);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-confirmation': SlotwiseConfirmation;
  }
}

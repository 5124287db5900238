import { define } from '../../internal/define.js';
import { SlotwisePopup } from './popup.component.js';

export { SlotwisePopup };

define('slotwise-popup', SlotwisePopup);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-popup': SlotwisePopup;
  }
}

import { define } from '../../internal/define.js';
import { SlotwiseServicePicker } from './service-picker.component.js';

export { SlotwiseServicePicker };

define('slotwise-service-picker', SlotwiseServicePicker);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-service-picker': SlotwiseServicePicker;
  }
}

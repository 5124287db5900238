import { define } from '../../internal/define.js';
import { SlotwiseZonePicker } from './zone-picker.component.js';

export { SlotwiseZonePicker };

define('slotwise-zone-picker', SlotwiseZonePicker);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-zone-picker': SlotwiseZonePicker;
  }
}

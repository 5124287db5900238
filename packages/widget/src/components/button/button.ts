import { define } from '../../internal/define.js';
import { SlotwiseButton } from './button.component.js';

export { SlotwiseButton };

define('slotwise-button', SlotwiseButton);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-button': SlotwiseButton;
  }
}

import { define } from '../../../internal/define.js';
import { SlotwiseConsoleDevelopers } from './developers.component.js';

export { SlotwiseConsoleDevelopers };

define('slotwise-console-developers', SlotwiseConsoleDevelopers);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-developers': SlotwiseConsoleDevelopers;
  }
}

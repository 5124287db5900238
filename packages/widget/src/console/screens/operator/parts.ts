import { define } from '../../../internal/define.js';
import { SlotwiseConsolePlatformFee } from './platform-fee.component.js';
import { SlotwiseConsoleSpecialists } from './specialists.component.js';

export { SlotwiseConsolePlatformFee, SlotwiseConsoleSpecialists };

define('slotwise-console-platform-fee', SlotwiseConsolePlatformFee);
define('slotwise-console-specialists', SlotwiseConsoleSpecialists);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-platform-fee': SlotwiseConsolePlatformFee;
    'slotwise-console-specialists': SlotwiseConsoleSpecialists;
  }
}

import { define } from '../../../internal/define.js';
import { SlotwiseConsoleCloseAccount } from './close-account.component.js';
import { SlotwiseConsoleYourData } from './your-data.component.js';

export { SlotwiseConsoleCloseAccount, SlotwiseConsoleYourData };

define('slotwise-console-your-data', SlotwiseConsoleYourData);
define('slotwise-console-close-account', SlotwiseConsoleCloseAccount);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-your-data': SlotwiseConsoleYourData;
    'slotwise-console-close-account': SlotwiseConsoleCloseAccount;
  }
}

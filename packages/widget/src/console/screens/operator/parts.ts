import { define } from '../../../internal/define.js';
import { SlotwiseConsoleEraseCustomer } from './erase-customer.component.js';
import { SlotwiseConsoleOperatorReviews } from './operator-reviews.component.js';
import { SlotwiseConsolePlatformFee } from './platform-fee.component.js';
import { SlotwiseConsoleSpecialists } from './specialists.component.js';

export { SlotwiseConsoleEraseCustomer, SlotwiseConsoleOperatorReviews, SlotwiseConsolePlatformFee, SlotwiseConsoleSpecialists };

define('slotwise-console-platform-fee', SlotwiseConsolePlatformFee);
define('slotwise-console-specialists', SlotwiseConsoleSpecialists);
define('slotwise-console-erase-customer', SlotwiseConsoleEraseCustomer);
define('slotwise-console-operator-reviews', SlotwiseConsoleOperatorReviews);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-platform-fee': SlotwiseConsolePlatformFee;
    'slotwise-console-specialists': SlotwiseConsoleSpecialists;
    'slotwise-console-erase-customer': SlotwiseConsoleEraseCustomer;
    'slotwise-console-operator-reviews': SlotwiseConsoleOperatorReviews;
  }
}

import { define } from '../../internal/define.js';
import { SlotwiseConsoleForgot } from './forgot-password.component.js';
import { SlotwiseConsoleReset } from './reset-password.component.js';
import { SlotwiseConsoleVerify } from './verify-email.component.js';

export { SlotwiseConsoleForgot, SlotwiseConsoleReset, SlotwiseConsoleVerify };
define('slotwise-console-forgot', SlotwiseConsoleForgot);
define('slotwise-console-reset', SlotwiseConsoleReset);
define('slotwise-console-verify', SlotwiseConsoleVerify);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-forgot': SlotwiseConsoleForgot;
    'slotwise-console-reset': SlotwiseConsoleReset;
    'slotwise-console-verify': SlotwiseConsoleVerify;
  }
}

import { define } from '../../internal/define.js';
import { SlotwiseConsoleResendVerification } from './resend-verification.component.js';

export { SlotwiseConsoleResendVerification };
define('slotwise-console-resend-verification', SlotwiseConsoleResendVerification);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-resend-verification': SlotwiseConsoleResendVerification;
  }
}

import { define } from '../../internal/define.js';
import { SlotwiseConsoleAuth } from './auth-forms.component.js';

export { SlotwiseConsoleAuth };
define('slotwise-console-auth', SlotwiseConsoleAuth);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-auth': SlotwiseConsoleAuth;
  }
}

import { define } from '../../../internal/define.js';
import { SlotwiseConsoleNotifications } from './notifications.component.js';

export { SlotwiseConsoleNotifications };

define('slotwise-console-notifications', SlotwiseConsoleNotifications);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-notifications': SlotwiseConsoleNotifications;
  }
}

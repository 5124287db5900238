import { define } from '../../../internal/define.js';
import { SlotwiseConsoleSettings } from './settings.component.js';

export { SlotwiseConsoleSettings };
define('slotwise-console-settings', SlotwiseConsoleSettings);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-settings': SlotwiseConsoleSettings;
  }
}

import { define } from '../../../internal/define.js';
import { SlotwiseConsoleHome } from './home.component.js';

export { SlotwiseConsoleHome };
define('slotwise-console-home', SlotwiseConsoleHome);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-home': SlotwiseConsoleHome;
  }
}

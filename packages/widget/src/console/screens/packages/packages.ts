import { define } from '../../../internal/define.js';
import { SlotwiseConsolePackages } from './packages.component.js';

export { SlotwiseConsolePackages };

define('slotwise-console-packages', SlotwiseConsolePackages);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-packages': SlotwiseConsolePackages;
  }
}

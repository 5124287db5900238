import { define } from '../../../internal/define.js';
import { SlotwiseConsoleServices } from './services.component.js';

export { SlotwiseConsoleServices };
define('slotwise-console-services', SlotwiseConsoleServices);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-services': SlotwiseConsoleServices;
  }
}

/**
 * The console's entry (`dist/console/console.js`): defines `<slotwise-console>`. Screens are
 * loaded on their first visit from chunks beside it.
 *
 * @example
 * <script type="module" src="https://api.slotwise.dev/console/console.js"></script>
 * <slotwise-console api="https://api.slotwise.dev"></slotwise-console>
 */
import { define } from '../internal/define.js';
import { SlotwiseConsole } from './console.component.js';

export { SlotwiseConsole };
export type { ConsoleSession } from './context.js';
define('slotwise-console', SlotwiseConsole);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console': SlotwiseConsole;
  }
}

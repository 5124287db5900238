import { define } from '../../../internal/define.js';
import { SlotwiseConsoleOnboarding } from './onboarding.component.js';

export { SlotwiseConsoleOnboarding };
define('slotwise-console-onboarding', SlotwiseConsoleOnboarding);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-onboarding': SlotwiseConsoleOnboarding;
  }
}

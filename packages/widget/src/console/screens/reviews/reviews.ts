import { define } from '../../../internal/define.js';
import { SlotwiseConsoleReviews } from './reviews.component.js';

export { SlotwiseConsoleReviews };

define('slotwise-console-reviews', SlotwiseConsoleReviews);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-console-reviews': SlotwiseConsoleReviews;
  }
}

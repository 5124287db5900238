import { define } from '../../internal/define.js';
import { SlotwiseReviews } from './reviews.component.js';

export { SlotwiseReviews };

define('slotwise-reviews', SlotwiseReviews);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-reviews': SlotwiseReviews;
  }
}

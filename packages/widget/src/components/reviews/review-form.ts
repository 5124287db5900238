import { define } from '../../internal/define.js';
import { SlotwiseReviewForm } from './review-form.component.js';

export { SlotwiseReviewForm };

define('slotwise-review-form', SlotwiseReviewForm);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-review-form': SlotwiseReviewForm;
  }
}

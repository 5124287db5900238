import { define } from '../../internal/define.js';
import { SlotwiseDetailsForm } from './details-form.component.js';

export { SlotwiseDetailsForm };

define('slotwise-details-form', SlotwiseDetailsForm);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-details-form': SlotwiseDetailsForm;
  }
}

import { define } from '../../internal/define.js';
import { SlotwisePayment } from './payment.component.js';

export { SlotwisePayment };
export type { PaymentPhase } from './payment.component.js';

define('slotwise-payment', SlotwisePayment);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-payment': SlotwisePayment;
  }
}

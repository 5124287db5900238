import { define } from '../../internal/define.js';
import { SlotwiseManage } from './manage.component.js';

export { SlotwiseManage };

define('slotwise-manage', SlotwiseManage);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-manage': SlotwiseManage;
  }
}

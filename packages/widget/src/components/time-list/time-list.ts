import { define } from '../../internal/define.js';
import { SlotwiseTimeList } from './time-list.component.js';

export { SlotwiseTimeList };

define('slotwise-time-list', SlotwiseTimeList);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-time-list': SlotwiseTimeList;
  }
}

// `<slotwise-directory>`'s own bundle (`dist/directory/directory.js`): load it with
// `<script type="module" src=".../directory.js">` on the page that lists specialists.
import { define } from '../internal/define.js';
import { SlotwiseDirectory } from './directory.component.js';

export { SlotwiseDirectory };

define('slotwise-directory', SlotwiseDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-directory': SlotwiseDirectory;
  }
}

// `<slotwise-directory>`'s own bundle (`dist/directory/directory.js`): load it with
// `<script type="module" src=".../directory.js">` on the page that lists specialists.
import { define } from '../internal/define.js';
import { SlotwiseDirectory } from './directory.component.js';

export { SlotwiseDirectory };

// Loaded from the API that serves it (`/widget/directory/directory.js`): its origin is the API's,
// so `<slotwise-directory>` needs no `api` attribute there.
if (!SlotwiseDirectory.defaultApi && /^https?:/.test(import.meta.url)) SlotwiseDirectory.defaultApi = new URL(import.meta.url).origin;

define('slotwise-directory', SlotwiseDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-directory': SlotwiseDirectory;
  }
}

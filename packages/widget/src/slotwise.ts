/**
 * The script-tag entry (`dist/slotwise.js`): defines every element. Loaded as
 * `<script src="https://…/slotwise.js" defer>`, it makes the script's own origin the API
 * default, so a page needs no `api` attribute when the API also serves the script.
 */
// Must stay first: it reads `document.currentScript` before the elements are defined.
import './internal/script-origin.js';

export * from './index.js';
import { installEmbed } from './embed/install.js';

// `window.Slotwise` (and the calls a page queued before this script arrived) and
// `data-slotwise-open` clicks. The popup's own code is loaded on its first open.
installEmbed();

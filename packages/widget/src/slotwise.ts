/**
 * The script-tag build's module entry. Built, all of the first load lands in one chunk,
 * `dist/slotwise/core.js` (`tsup.config.ts`, `scripts/loader.mjs`), which the classic loader
 * `dist/slotwise.js` imports, or a page imports itself with `<script type="module">`. It defines `<slotwise-booking>` and the steps every visit shows; the
 * payment step, the manage view and other languages' catalogs are chunks beside it, imported on
 * first need relative to this module's URL. It makes its own origin the API default, so a page
 * needs no `api` attribute when the API also serves the script.
 */
// Must stay first: it sets the default API before the elements are defined.
import './internal/script-origin.js';

import './components/booking/booking.js';
// `<slotwise-button>` (inline or floating): a small element; the popup it opens is loaded on first open.
import './components/button/button.js';
import { installEmbed } from './embed/install.js';

// `window.Slotwise` (and the calls a page queued before this script arrived) and
// `data-slotwise-open` clicks. The popup's own code is loaded on its first open.
installEmbed();

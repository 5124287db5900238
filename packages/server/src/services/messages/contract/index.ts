/** The contract's own sentences in each language but English (which the SDK's `contractMessages` is). */
export { ar } from './ar.js';
export { de } from './de.js';
export { es } from './es.js';
export { fr } from './fr.js';
export { ja } from './ja.js';
export { pt } from './pt.js';

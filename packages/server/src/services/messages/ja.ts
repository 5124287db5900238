import type { Catalog } from './index.js';
import { en } from './en.js';

/** Placeholder until translated. */
export const ja: Catalog = { ...en };

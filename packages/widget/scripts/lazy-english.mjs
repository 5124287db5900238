// The lazy parts' English, for `size.mjs` to check it stays out of the script tag's first load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const i18nDir = new URL('../src/i18n/', import.meta.url).pathname;

/**
 * The lazy parts' English modules and probes for their text. The modules: those `src/i18n/en.ts`
 * imports as types only (the first screens' are imported as values; each lazy part adds its own
 * with `addEnglish`). The probes: the ASCII runs of 20+ characters of their string literals —
 * sentences no other code has, escaped alike in source and build (esbuild writes `’` as `\u2019`,
 * so runs stop at any non-ASCII character or quote).
 */
export function lazyEnglishProbes() {
  const names = [...readFileSync(join(i18nDir, 'en.ts'), 'utf8').matchAll(/^import type \{ \w+ \} from '\.\/en\/([\w-]+)\.js';/gm)].map((m) => m[1]);
  const probes = names
    .flatMap((name) => literalTexts(readFileSync(join(i18nDir, 'en', `${name}.ts`), 'utf8')))
    .flatMap((literal) => literal.split(/[^\x20-\x7e]|["'\\]/))
    .filter((run) => run.length >= 20);
  return { names, probes };
}

/** The literal text of a module's strings (quotes and template literals, not `${…}`), comments skipped. */
export function literalTexts(source) {
  const texts = [];
  const stack = []; // open template literals, each with the depth of braces inside its current `${`
  let text = null;
  let quote = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (text !== null) {
      if (c === '\\') { text += source[i + 1]; i++; continue; }
      if (c === quote) { texts.push(text); text = null; if (quote === '`') stack.pop(); continue; }
      if (quote === '`' && c === '$' && source[i + 1] === '{') { texts.push(text); text = null; stack[stack.length - 1] = 1; i++; continue; }
      text += c;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') { i = source.indexOf('*/', i + 2) + 1; continue; }
    if (c === '/' && source[i + 1] === '/') { i = source.indexOf('\n', i); continue; }
    if (stack.length > 0 && stack[stack.length - 1] > 0) {
      if (c === '{') stack[stack.length - 1]++;
      if (c === '}' && --stack[stack.length - 1] === 0) { text = ''; quote = '`'; continue; }
    }
    if (c === "'" || c === '"' || c === '`') { text = ''; quote = c; if (c === '`') stack.push(0); }
  }
  return texts;
}

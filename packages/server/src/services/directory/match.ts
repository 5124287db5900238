/** The most words of a search that reach the full-text index; the rest are ignored. */
export const MAX_SEARCH_WORDS = 8;

/**
 * An FTS5 MATCH expression for what a visitor typed, read as plain words: every run of letters and
 * digits is one word, quoted (so `"`, `*`, `(`, `NEAR`, `AND`, `col:` are never query syntax and
 * can never make the query fail), all words required, the last also as a prefix (`coa` finds
 * `coach` while typing). Undefined when there is no word at all: no text filter.
 */
export function matchExpression(typed: string): string | undefined {
  const words = typed.normalize('NFKC').match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_SEARCH_WORDS);
  if (!words?.length) return undefined;
  return words.map((word, i) => (i === words.length - 1 ? `"${word}"*` : `"${word}"`)).join(' ');
}

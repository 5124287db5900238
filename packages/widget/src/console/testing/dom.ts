import { waitUntil } from '@open-wc/testing';

/** Waits up to 10 s (these tests talk to a real server) for `predicate`. */
export function eventually(predicate: () => unknown, message: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: 10_000, interval: 25 });
}

/** The first match of the last selector, descending through each earlier match's shadow root. */
export function find<T extends Element = HTMLElement>(root: Element, ...path: string[]): T | null {
  let scope: Element | null = root;
  for (const selector of path) {
    scope = (scope?.shadowRoot ?? scope)?.querySelector(selector) ?? null;
    if (!scope) return null;
  }
  return scope as T | null;
}

/** Sets a field as typing would (an `input` event follows), for forms the test is not about typing into. */
export function fill(root: Element, path: string[], value: string): void {
  const field = find<HTMLInputElement>(root, ...path);
  if (!field) throw new Error(`No field at ${path.join(' › ')}`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The visible text of `el`'s shadow root (or of `el`), whitespace collapsed. */
export function textOf(el: Element | null): string {
  const root = el?.shadowRoot ?? el;
  return (root as HTMLElement | ShadowRoot | null)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

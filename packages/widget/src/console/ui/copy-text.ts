/**
 * Puts `text` on the clipboard; answers whether the browser allowed it (it may refuse outside a
 * secure context or without a user gesture), so the screen says "Copied" only when it was.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

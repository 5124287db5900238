/** The focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * After an action, focus lost to the page in the next seconds — its button disabled while busy, or
 * gone with what it acted on when the screen reads its data again — comes back: to that element
 * once usable again, else to the page heading (without scrolling). Loaded on the first action (not
 * with the console's first load).
 */
export function keepFocus(last: () => Element | undefined, heading: () => HTMLElement | null, until = Date.now() + 3_000): void {
  const again = () => void setTimeout(() => keepFocus(last, heading, until), 50);
  const active = deepActive() as HTMLElement | null;
  // Lost: on the page itself, or left on a shadow host whose focused element went away.
  const lost = !active || active === document.body || (active.shadowRoot !== null && active.tabIndex < 0);
  if (!lost) return Date.now() < until ? again() : undefined;
  // A click's element may be inside the control (a button's icon): the control itself.
  const element = (last()?.closest('button, a[href], input, select, textarea, [tabindex]') ?? last()) as HTMLButtonElement | undefined;
  if (element?.isConnected && element.disabled && Date.now() < until) return again();
  // Still there and shown (not in a dialog closed since): back to it; else to the heading.
  if (element?.isConnected && !element.disabled && element.getClientRects().length > 0) element.focus();
  else heading()?.focus({ preventScroll: true });
}

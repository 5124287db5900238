const FOCUSABLE = 'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable="true"]';

/** Whether Tab can land on `element`: focusable by kind, enabled, not taken out of the order, and shown. */
function tabbable(element: Element): element is HTMLElement {
  if (!(element instanceof HTMLElement) || !element.matches(FOCUSABLE)) return false;
  if (element.tabIndex < 0 || (element as HTMLButtonElement).disabled || element.closest('[inert]')) return false;
  if (element instanceof HTMLInputElement && element.type === 'hidden') return false;
  return element.getClientRects().length > 0;
}

/**
 * The elements Tab visits under `root`, in order, looking inside shadow roots (the booking steps
 * are each in their own) and through slots to what is assigned to them.
 */
export function tabbables(root: Element | ShadowRoot): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (node: Element) => {
    if (tabbable(node) && !node.shadowRoot?.delegatesFocus) found.push(node);
    if (node instanceof HTMLSlotElement) node.assignedElements({ flatten: true }).forEach(visit);
    const children = node.shadowRoot ? node.shadowRoot.children : node.children;
    for (const child of children) visit(child);
  };
  for (const child of root.children) visit(child);
  return found;
}

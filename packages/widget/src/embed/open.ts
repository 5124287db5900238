import type { SlotwisePopup } from '../components/popup/popup.component.js';
import type { PopupOptions } from './options.js';

let popup: Promise<SlotwisePopup> | undefined;

/** The focused element, looking inside shadow roots: where focus goes back to when the popup closes. */
export function deepActiveElement(root: Document | ShadowRoot = document): HTMLElement | undefined {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/** The page's one popup: its code is loaded on the first open, so an inline-only page never pays for it. */
function thePopup(): Promise<SlotwisePopup> {
  popup ??= import('../components/popup/popup.js').then(() => document.createElement('slotwise-popup'));
  return popup.then((element) => {
    // A single-page app may have swapped the body out since.
    if (!element.isConnected) document.body.append(element);
    return element;
  });
}

/**
 * Opens the booking popup for `options`; focus returns to `opener` (default: what has focus now)
 * when it closes. Resolves once the dialog is open.
 */
export async function openPopup(options: PopupOptions, opener?: HTMLElement): Promise<void> {
  const returnTo = opener ?? deepActiveElement();
  const element = await thePopup();
  await element.show(options, returnTo);
}

/** Closes the popup if it is open; nothing happens otherwise. */
export async function closePopup(): Promise<void> {
  if (popup) (await popup).close();
}

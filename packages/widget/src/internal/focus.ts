import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What to focus: a selector in the host's render root, or a function answering the element. */
export type FocusTarget = string | (() => Element | null | undefined);

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** An element that renders asynchronously (a Lit element) and may route `focus()` inside itself. */
type Renderable = HTMLElement & { updateComplete?: Promise<unknown> };

/**
 * Moves focus to the sensible element after a step or an error, once the host (and the part it
 * focuses) has rendered — so focus never drops to `<body>` when the control the visitor used
 * disappears or is disabled while busy. Every component of the widget uses it, so the order of
 * "render, then focus" is written once.
 *
 * Targets are tried in order; the first one present gets focus. A component found there is awaited
 * and focused through its own `focus()` (each step's component routes it to its heading or first
 * control). A heading or a message that is focused must carry `tabindex="-1"`.
 *
 * @example
 * private readonly focusing = new FocusController(this);
 * …
 * void this.focusing.moveTo('[part="payment-error"]', '#pay-heading');
 */
export class FocusController implements ReactiveController {
  /** Bumped by each move, so an older move that resolves late does not steal focus from a newer one. */
  private generation = 0;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Focuses the first of `targets` present after the host's next render; answers whether one was. */
  async moveTo(...targets: FocusTarget[]): Promise<boolean> {
    const generation = ++this.generation;
    await this.host.updateComplete;
    for (const target of targets) {
      const element = (typeof target === 'string' ? this.host.renderRoot.querySelector(target) : target()) as Renderable | null | undefined;
      if (!element) continue;
      // A part loaded on demand (the payment step) is in the DOM before its element is defined.
      if (element.localName.includes('-') && !customElements.get(element.localName)) await customElements.whenDefined(element.localName);
      await element.updateComplete;
      if (generation !== this.generation || !this.host.isConnected) return false;
      element.focus();
      return true;
    }
    return false;
  }
}

/** The element that has focus, looking inside shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

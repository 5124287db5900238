import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageLocale } from './format.js';

/**
 * The locale the page asks for with `lang` — on the element, on an ancestor, or on `<html>` —
 * watched: a `lang` changed after load (a site's language switcher) re-renders the host at once,
 * which reads `locale` again. One observer per host, on the document (and on the host's shadow
 * root when it sits inside one: `lang` changes there do not reach the document's observer).
 */
export class PageLangController implements ReactiveController {
  private observer: MutationObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The canonical locale of the nearest `lang`, or undefined (the browser's) when none is valid. */
  get locale(): string | undefined {
    return pageLocale(this.host.closest('[lang]')?.getAttribute('lang'));
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    const options = { attributes: true, attributeFilter: ['lang'], subtree: true };
    this.observer.observe(document.documentElement, options);
    const root = this.host.getRootNode();
    if (root instanceof ShadowRoot) this.observer.observe(root, options);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}

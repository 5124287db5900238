import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prefillFrom, type PrefillKey } from './page-params.js';

/**
 * Copies the page URL's `slotwise_*` parameters onto its host as attributes when it connects —
 * only those the host does not have: an attribute the site wrote (say, its signed-in user's
 * email) wins over a link's. Attributes, not hidden state, so the page can read and change them
 * like any it set itself; a property that does not exist yet on the host is still kept for it.
 */
export class UrlPrefillController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The query to read; the page's own by default. */
    private readonly search: () => string = () => location.search,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const found = prefillFrom(this.search());
    for (const [key, value] of Object.entries(found) as [PrefillKey, string][]) {
      if (!this.host.hasAttribute(key)) this.host.setAttribute(key, value);
    }
  }
}

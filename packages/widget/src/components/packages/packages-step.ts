import type { LitElement } from 'lit';
import { emit } from '../../events.js';
import { describeError } from '../../internal/errors.js';
import { DEFAULT_STRIPE_JS } from '../../internal/stripe-url.js';
import type { PackagesFlow } from './packages-flow.js';
import type { PackagesStep } from './packages.template.js';

/** What `<slotwise-booking>` lends the packages steps. */
interface Host extends LitElement {
  readonly packs: PackagesFlow;
  stripeJs?: string | undefined;
  now: () => Date;
  focusPart(selector: string): Promise<void>;
}

/**
 * The packages steps' handlers for `<slotwise-booking>`: each step's outcome moves the flow on
 * and focus to what the visitor reaches — the form's heading, the payment, what was bought, the
 * credits, or the sessions to book with a credit.
 */
export function packagesStep(host: Host, container: () => HTMLElement | undefined): PackagesStep {
  const { packs } = host;
  return {
    get stripeJs() {
      return host.stripeJs || DEFAULT_STRIPE_JS;
    },
    get now() {
      return host.now;
    },
    get container() {
      return container();
    },
    selected: (event) => {
      packs.choose(event.detail.package);
      void host.focusPart('slotwise-package-form');
    },
    code: async (event) => {
      const ok = await packs.useCode(event.detail.token);
      if (ok) return focusIn(host, '[part~="credits"]');
      await host.updateComplete;
      await host.renderRoot.querySelector('slotwise-packages')?.focusCode();
    },
    created: async (event) => {
      try {
        await packs.created(event.detail);
      } catch (error) {
        packs.cancel(); // a free package's credits could not be read: the sessions again, and why
        emit(host, 'slotwise:error', describeError(error));
        return;
      }
      if (packs.paying) void host.focusPart('slotwise-payment');
      else void focusIn(host, '#bought-heading');
    },
    paid: async (event) => {
      const paid = packs.paid(event.detail);
      void focusIn(host, '#bought-heading');
      await paid;
    },
    cancel: () => {
      packs.cancel();
      void host.focusPart('slotwise-packages');
    },
    back: async () => {
      packs.cancel();
      await host.focusPart('slotwise-packages');
    },
    bookWithCredit: () => {
      packs.bookWithCredit();
      void host.focusPart('slotwise-service-picker');
    },
    forget: () => {
      packs.credits.forget();
      void host.focusPart('slotwise-packages');
    },
  };
}

/** Focuses an element of the host's own shadow root once it has rendered. */
async function focusIn(host: LitElement, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

import { createContext } from '@lit/context';
import type { VisitorClient } from '@slotwise/sdk';
import type { Service, Slot, Utm } from '@slotwise/sdk/contract';
import type { Messages } from './i18n/index.js';

/** What the visitor has chosen so far; each step clears the ones after it. */
export interface Selection {
  readonly service?: Service;
  /** Minutes. */
  readonly duration?: number;
  /** A date in the visitor's zone, `YYYY-MM-DD`. */
  readonly date?: string;
  readonly slot?: Slot;
}

/**
 * Shared by `<slotwise-booking>` with the parts inside it. The value is replaced, never mutated,
 * so consumers re-render on every change.
 */
export interface BookingContext {
  readonly client: VisitorClient;
  /** The specialist's handle. */
  readonly specialist: string;
  /** The visitor's IANA zone: every date and time is shown in it. */
  readonly timeZone: string;
  /** From `lang`; `undefined` means the browser's locale. */
  readonly locale: string | undefined;
  /** The text for `locale` (`src/i18n/`): English until its catalog has loaded. */
  readonly messages: Messages;
  readonly selection: Selection;
  /** What the details form starts filled with (`name`, `email`, `notes`, `promo-code` attributes); still editable. */
  readonly prefill?: Prefill;
  /** The page's `utm_*` parameters when the widget started, sent with the booking; none when absent. */
  readonly utm?: Utm | undefined;
}

/** The visitor's details as the host page (attributes, URL, `Slotwise.open`) already knows them. */
export interface Prefill {
  readonly name?: string | undefined;
  readonly email?: string | undefined;
  readonly notes?: string | undefined;
  /** A promo code to apply on the details step (`promo-code`, URL `slotwise_code`). */
  readonly promoCode?: string | undefined;
}

// A registered symbol, so two copies of the widget on one page (ESM and script tag) still match.
export const bookingContext = createContext<BookingContext | undefined>(Symbol.for('@slotwise/widget:booking'));

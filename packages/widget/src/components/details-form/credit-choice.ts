import { html } from 'lit';
import type { Messages } from '../../i18n/index.js';
import { formatInstantDate } from '../../internal/format.js';

/** A credit the visitor holds that covers the chosen service: what booking with it needs and what the choice shows. */
export interface CreditOffer {
  token: string;
  /** The purchase's email: a credit books only under it, so it prefills the form. */
  email: string;
  /** The name the credits were bought under, when bought in this visit: prefilled too. */
  name?: string | undefined;
  /** Credits left now, before this booking. */
  left: number;
  /** The soonest expiry of a lot with credits left. */
  expiresAt: string | undefined;
}

interface Choice {
  offer: CreditOffer;
  /** The session's price, formatted. */
  price: string;
  /** Whether the visitor chose to pay instead. */
  pay: boolean;
  choose: (pay: boolean) => void;
  t: Messages;
  timeZone: string;
  locale: string | undefined;
}

/**
 * "Use 1 credit (2 left, expire 3 Mar)" — the default — or "Pay €45.00 instead", for a priced
 * session the visitor's credits cover. Radios in a fieldset: one Tab stop, arrows move between them.
 */
export function renderCreditChoice({ offer, price, pay, choose, t, timeZone, locale }: Choice) {
  const date = offer.expiresAt ? formatInstantDate(offer.expiresAt, timeZone, locale, { day: 'numeric', month: 'short' }) : '';
  return html`<fieldset part="credit-choice" class="choice">
    <legend>${t.payWithHeading}</legend>
    <label><input type="radio" name="pay-with" value="credit" .checked=${!pay} @change=${() => choose(false)} />${t.useCredit(offer.left, date)}</label>
    <label><input type="radio" name="pay-with" value="money" .checked=${pay} @change=${() => choose(true)} />${t.payInstead(price)}</label>
  </fieldset>`;
}

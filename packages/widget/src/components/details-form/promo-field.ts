import { html, nothing } from 'lit';
import type { PromoQuote } from '@slotwise/sdk/contract';
import type { Messages } from '../../i18n/index.js';
import { formatAmount } from '../../internal/format.js';

/** The promo-code field's state, kept by the details form. */
export interface PromoState {
  open: boolean;
  busy: boolean;
  /** The server's answer for the code as applied, with the selection it was checked for. */
  quote: (PromoQuote & { for: string }) | undefined;
  /** The server's sentence when the code cannot be used. */
  error: string;
  /** What the field starts with: the code the page passed in (`promo-code`, `slotwise_code`). */
  initial?: string;
}

export const closedPromo = (): PromoState => ({ open: false, busy: false, quote: undefined, error: '' });

interface Field {
  state: PromoState;
  /** The applied code's answer for what is chosen now (none once the service or length changed). */
  quote: PromoState['quote'];
  t: Messages;
  locale: string | undefined;
  open: () => void;
  apply: (code: string) => void;
  /** The text in the field changed: an answer for another code no longer stands. */
  edited: (code: string) => void;
}

/**
 * "Have a code?" — a link-like button that opens the field — then the code, an Apply button and
 * a status line that says the new price or why the code cannot be used (the server's sentence,
 * announced politely). Enter in the field applies the code instead of booking.
 */
export function renderPromoField({ state, quote, t, locale, open, apply, edited }: Field) {
  if (!state.open) {
    return html`<button part="promo-toggle" class="link" type="button" aria-expanded="false" @click=${open}>${t.haveCode}</button>`;
  }
  const { error } = state;
  const applied = quote ? (quote.total === 0 ? t.promoFree : t.promoApplied(formatAmount(quote.total, quote.currency, locale), formatAmount(quote.amountOff, quote.currency, locale))) : '';
  const input = (event: Event) => (event.currentTarget as HTMLElement).closest('.promo')!.querySelector<HTMLInputElement>('#promo')!;
  return html`<div class="field promo">
    <label for="promo">${t.promoLabel}</label>
    <div class="promo-row">
      <input part="input promo-input" id="promo" name="promo" autocomplete="off" autocapitalize="characters" maxlength="64" .defaultValue=${state.initial ?? ''}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby="promo-status"
        @input=${(event: Event) => edited((event.currentTarget as HTMLInputElement).value)}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          apply((event.currentTarget as HTMLInputElement).value);
        }} />
      <button part="promo-apply" type="button" ?disabled=${state.busy} @click=${(event: Event) => apply(input(event).value)}>${t.applyCode}</button>
    </div>
    <p id="promo-status" part="promo-status" role="status" class=${error ? 'error' : 'muted'}>${error || applied || nothing}</p>
  </div>`;
}

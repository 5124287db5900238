import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { loadMessages, messagesFor, type Messages } from '../../i18n/index.js';
import { pageLocale } from '../../internal/format.js';
import { tokens } from '../../styles/tokens.js';
import { openPopup } from '../../embed/open.js';
import { styles } from './button.styles.js';

/**
 * @summary A button that opens the booking popup for `specialist`: a real `<button>` inside, so
 * Enter, Space and screen readers work as with any button. With `floating` it stays in the
 * bottom end corner of the window (bottom right; bottom left in a right-to-left page).
 *
 * @slot - The label. Default: "Book a session" in the page's language.
 * @csspart button - The button.
 * @cssproperty --slotwise-accent - Its background. @cssproperty --slotwise-accent-text - Its text.
 */
export class SlotwiseButton extends LitElement {
  static override styles = [tokens, styles];
  // Focusing the element (as the popup does when it closes) focuses the button inside.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The specialist's handle. */
  @property() specialist = '';
  /** A service id to preselect in the popup. */
  @property() service?: string;
  /** Minutes, with `service`. */
  @property() duration?: string;
  /** A promo code the popup's details step applies at once. */
  @property({ attribute: 'promo-code' }) promoCode?: string;
  /** The API's base URL; default: where the script came from. */
  @property() api?: string;
  /** Fixed in the window's bottom end corner instead of in the page's flow. */
  @property({ type: Boolean, reflect: true }) floating = false;

  @state() private messages: Messages = messagesFor(undefined);

  override connectedCallback(): void {
    super.connectedCallback();
    const locale = pageLocale(this.closest('[lang]')?.getAttribute('lang'));
    this.messages = messagesFor(locale);
    void loadMessages(locale).then((messages) => (this.messages = messages));
    // Moved in the page (removal hides a popover): back into the top layer.
    if (this.hasUpdated) this.raise();
  }

  protected override updated(): void {
    this.raise();
  }

  /**
   * A floating button lives in the top layer (a manual popover): `position: fixed` alone is fixed
   * to the nearest ancestor with a `transform`, `filter` or `contain`, which smooth-scroll and
   * page-transition wrappers set, and the button then sat at the wrapper's bottom, off screen.
   * In the top layer it is fixed to the window whatever wraps it. Browsers without popovers keep
   * the plain fixed position.
   */
  private raise(): void {
    if (typeof this.showPopover !== 'function' || !this.isConnected) return;
    if (this.floating) {
      if (!this.hasAttribute('popover')) this.setAttribute('popover', 'manual');
      if (!this.matches(':popover-open')) this.showPopover();
    } else if (this.hasAttribute('popover')) {
      if (this.matches(':popover-open')) this.hidePopover();
      this.removeAttribute('popover');
    }
  }

  override render() {
    return html`<button part="button" type="button" @click=${this.onClick}><slot>${this.messages.bookButton}</slot></button>`;
  }

  private onClick(): void {
    if (!this.specialist) {
      console.error(new TypeError('<slotwise-button> needs a specialist attribute with the handle.'));
      return;
    }
    const { specialist, service, duration, promoCode, api } = this;
    void openPopup({ specialist, service, duration, promoCode, api }, this);
  }
}

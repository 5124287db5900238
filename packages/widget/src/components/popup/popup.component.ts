import { LitElement, html } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Specialist } from '@slotwise/sdk/contract';
import { layoutDirection, loadMessages, messagesFor, type Messages } from '../../i18n/index.js';
import { pageLocale } from '../../internal/format.js';
import { tokens } from '../../styles/tokens.js';
import type { PopupOptions } from '../../embed/options.js';
import { tabbables } from './focusables.js';
import { ScrollLock } from './scroll-lock.js';
import { styles } from './popup.styles.js';
import '../booking/booking.js';
import { addEnglish } from '../../i18n/en.js';
import { popup } from '../../i18n/en/popup.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(popup);

/**
 * @summary The booking popup: `<slotwise-booking>` in a modal `<dialog>`, opened by
 * `Slotwise.open(...)`, a `data-slotwise-open` element or `<slotwise-button>` (one per page,
 * created on the first open). Focus stays inside while it is open (`showModal`, and Tab wraps
 * round), Escape and the close button close it, the page behind does not scroll, and focus goes
 * back to what opened it. Narrow screens get a full-screen sheet. The booking's events bubble out
 * of it to `document` as from an inline widget.
 *
 * @csspart dialog - The dialog. @csspart header - Its title bar. @csspart title - The heading
 * (the specialist's name). @csspart close - The close button.
 */
export class SlotwisePopup extends LitElement {
  static override styles = [tokens, styles];

  @state() private options: PopupOptions | undefined;
  @state() private specialistName = '';
  /** The booking inside shows one booking (a manage link opened it), not the booking flow. */
  @state() private managing = false;
  @state() private messages: Messages = messagesFor(undefined);
  @state() private pageLang = '';
  /** Changes when the visitor opens it for another specialist or service: a fresh booking flow, else the same one resumed. */
  private flowKey = '';
  /** Counts the fresh flows: the booking element is made anew for each. */
  @state() private flows = 0;
  private returnTo: HTMLElement | undefined;
  private readonly scrollLock = new ScrollLock();

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Shows the booking for `options` and focuses its first control; `returnTo` gets focus back on close. */
  async show(options: PopupOptions, returnTo?: HTMLElement): Promise<void> {
    const key = JSON.stringify([options.specialist, options.service, options.duration, options.api]);
    if (key !== this.flowKey) {
      this.specialistName = '';
      this.managing = false;
      this.flows += 1;
    }
    this.flowKey = key;
    this.options = options;
    this.returnTo = returnTo;
    const lang = (returnTo ?? document.documentElement).closest('[lang]')?.getAttribute('lang') ?? '';
    this.pageLang = lang;
    void loadMessages(pageLocale(lang)).then((messages) => (this.messages = messages));
    await this.updateComplete;
    if (this.dialog && !this.dialog.open) {
      this.scrollLock.lock();
      this.dialog.showModal();
    }
  }

  close(): void {
    if (!this.open) return;
    this.dialog!.close();
    // The dialog's close event comes a task later: give scroll and focus back now.
    this.restore();
  }

  override render() {
    const o = this.options;
    const title = this.managing
      ? this.messages.popupBookingTitle
      : this.specialistName ? this.messages.bookTitle(this.specialistName) : this.messages.popupTitle;
    // The title and the close button read in the booking's language and direction, not the page's:
    // an Arabic booking on an English page is right to left from its title down, and the reverse.
    const lang = this.pageLang || undefined;
    return html`<dialog part="dialog" aria-labelledby="title" lang=${ifDefined(lang)} dir=${layoutDirection(pageLocale(lang), this.messages)}
      @close=${this.restore}>
      <span class="sentinel" tabindex="0" @focus=${() => this.wrap('last')}></span>
      <div part="header" class="bar">
        <h2 id="title" part="title">${title}</h2>
        <button part="close" class="close" type="button" autofocus aria-label=${this.messages.closePopup} @click=${this.close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div>
        ${o
          ? keyed(this.flows, html`<slotwise-booking specialist=${o.specialist} api=${ifDefined(o.api)}
              service=${ifDefined(o.service)} duration=${ifDefined(o.duration?.toString())} name=${ifDefined(o.name)}
              email=${ifDefined(o.email)} notes=${ifDefined(o.notes)} promo-code=${ifDefined(o.promoCode)} @profile-loaded=${this.onProfile}
              @managing-changed=${this.onManaging}></slotwise-booking>`)
          : ''}
      </div>
      <span class="sentinel" tabindex="0" @focus=${() => this.wrap('first')}></span>
    </dialog>`;
  }

  /** Tab past the last control lands on the first, Shift+Tab before the first on the last. */
  private wrap(to: 'first' | 'last'): void {
    const dialog = this.dialog;
    if (!dialog) return;
    const inside = tabbables(dialog).filter((element) => !element.classList.contains('sentinel'));
    (to === 'first' ? inside[0] : inside[inside.length - 1])?.focus();
  }

  private onProfile(event: CustomEvent<Specialist | undefined>): void {
    this.specialistName = event.detail?.name ?? '';
  }

  private onManaging(event: CustomEvent<boolean>): void {
    this.managing = event.detail;
  }

  /** After closing however it closed (the button, Escape, `Slotwise.close()`); once per opening. */
  private restore(): void {
    this.scrollLock.unlock();
    // A booking a link opened is not a flow to resume: the next opening shows the booking flow.
    if (this.managing) {
      this.managing = false;
      this.specialistName = '';
      this.flows += 1;
    }
    const returnTo = this.returnTo;
    this.returnTo = undefined;
    if (returnTo?.isConnected) returnTo.focus();
  }
}

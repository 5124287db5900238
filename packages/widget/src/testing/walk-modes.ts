import { fixture, html } from '@open-wc/testing';
import type { VisitorClient } from '@slotwise/sdk';
import type { SlotwiseBooking } from '../components/booking/booking.component.js';
import type { SlotwisePopup } from '../components/popup/popup.component.js';
import { closePopup } from '../embed/open.js';
import { eventually } from './helpers.js';
import { pressKey } from './keyboard.js';
import '../components/booking/booking.js';

/** Where the walk finds the widget once a mode has put it on the page. */
export interface Mounted {
  /** The `<slotwise-booking>` the visitor uses (inside the dialog in the popup modes). */
  booking: SlotwiseBooking;
  /** What axe checks at every step: the element itself, or the popup with its dialog and title bar. */
  root: Element;
  /** The page's own opener (a `<slotwise-button>`), checked by axe before it opens the popup. */
  opener?: Element;
}

/** A way the widget is embedded: how a visitor gets to it on the page. */
export interface WalkMode {
  name: string;
  /**
   * Puts the widget for `specialist` (on the API `api`) on the page and opens it, as a visitor
   * would. `client` replaces the one built from `api` in the inline modes (a popup builds its own).
   */
  mount(target: { specialist: string; api: string; client?: VisitorClient }): Promise<Mounted>;
}

/** `<slotwise-booking>` in the page's flow, inside an element with `lang` (the widget's locale comes from the nearest one). */
function inline(name: string, lang: string): WalkMode {
  return {
    name,
    async mount({ specialist, api, client }) {
      const page = await fixture<HTMLDivElement>(html`<div lang=${lang}>
        <slotwise-booking specialist=${specialist} api=${api} timezone="Europe/Paris" .client=${client}></slotwise-booking></div>`);
      const booking = page.querySelector('slotwise-booking')!;
      return { booking, root: booking };
    },
  };
}

const popup = () => document.querySelector<SlotwisePopup>('slotwise-popup');

/** The popup once open, and the booking inside its dialog. */
async function opened(): Promise<Mounted> {
  await eventually(() => popup()?.open, 'the popup to open');
  const booking = () => popup()!.shadowRoot!.querySelector<SlotwiseBooking>('slotwise-booking');
  await eventually(() => booking(), 'the booking in the popup');
  return { booking: booking()!, root: popup()! };
}

/** A `<slotwise-button>` (in the page's flow, or floating in a corner), opened with Enter. */
function button(name: string, floating: boolean): WalkMode {
  return {
    name,
    async mount({ specialist, api }) {
      await closePopup();
      const el = await fixture<HTMLElement>(html`<slotwise-button specialist=${specialist} api=${api} ?floating=${floating}></slotwise-button>`);
      el.focus();
      await pressKey('Enter');
      return { ...(await opened()), opener: el };
    },
  };
}

/** The JS API, as a page's own script calls it (`Slotwise.open` is installed by the test file: `installEmbed()`). */
const scripted: WalkMode = {
  name: 'popup (Slotwise.open)',
  async mount({ specialist, api }) {
    await closePopup();
    const slotwise = window.Slotwise as { open(options: unknown): Promise<void> };
    await slotwise.open({ specialist, api });
    return opened();
  },
};

/** Every mode the walk runs in (the 390 px viewport is the test's to set around one of them). */
export const modes = {
  inline: inline('inline', 'en'),
  rtl: inline('inline, lang="ar" (right to left)', 'ar'),
  scripted,
  button: button('popup (<slotwise-button>)', false),
  floating: button('floating button', true),
};


import { MANAGE_KEYS, MY_BOOKINGS_KEY, readFragment } from '../internal/page-fragment.js';
import { closePopup, openPopup } from './open.js';
import { openerOptions, readOptions, type PopupOptions } from './options.js';

/** A call queued before the script loaded: `['open', options]` or `['close']`. */
export type QueuedCall = readonly [name: 'open', options: unknown] | readonly [name: 'close'];

/** `window.Slotwise` once the script has loaded. */
export interface SlotwiseApi {
  /** Opens the booking popup. Rejects, saying why, when `options` has no specialist or a wrong value. */
  open(options: unknown): Promise<void>;
  /** Closes the popup; focus goes back to what opened it. */
  close(): Promise<void>;
  /** Calls pushed here run at once: code written for the stub (`Slotwise.q.push([...])`) still works. */
  q: { push(...calls: QueuedCall[]): number };
}

declare global {
  interface Window {
    /** Before the script loads: the page's stub, `{ q: [], open(o) { this.q.push(['open', o]) }, … }`. */
    Slotwise?: SlotwiseApi | { q?: QueuedCall[] | SlotwiseApi['q'] };
  }
}

/** Marks a window whose API and click handling are in place: the script may be loaded twice. */
const INSTALLED = Symbol.for('@slotwise/widget:embed');

function open(input: unknown, opener?: HTMLElement): Promise<void> {
  const options = readOptions(input);
  if (typeof options === 'string') return Promise.reject(new TypeError(options));
  return openPopup(options, opener);
}

function run(api: SlotwiseApi, call: unknown): void {
  if (!Array.isArray(call)) return;
  const [name, options] = call as [unknown, unknown];
  const done = name === 'open' ? api.open(options) : name === 'close' ? api.close() : Promise.reject(new TypeError(`Slotwise: no method "${String(name)}".`));
  done.catch((error: unknown) => console.error(error));
}

/** Opens the popup for a click on (or inside) an element with `data-slotwise-open`, even one inside a shadow root. */
function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const opener = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute('data-slotwise-open'));
  if (!opener) return;
  const options = openerOptions(opener);
  if (typeof options === 'string') return void console.error(new TypeError(`${options} (data-slotwise-open)`));
  // A link's href stays a fallback for visitors without the script (the hosted booking page).
  event.preventDefault();
  void openPopup(options, opener);
}

/** The options of a page's opener: a `data-slotwise-open` element or a `<slotwise-button>`. */
function optionsOf(opener: HTMLElement): PopupOptions | string {
  if (opener.localName !== 'slotwise-button') return openerOptions(opener);
  const attr = (name: string) => opener.getAttribute(name) ?? undefined;
  return readOptions({ specialist: attr('specialist'), service: attr('service'), duration: attr('duration'), promoCode: attr('promo-code'), api: attr('api') });
}

/**
 * On a page that books only through the popup, a link into the widget — the confirmation's and
 * the emails' `#slotwise-booking=…&slotwise-token=…`, the emailed `#slotwise-my=…` — opens the
 * popup for the page's first opener, where the booking inside reads the link as an inline one
 * does (`components/booking/page-links.ts`). A page with an inline `<slotwise-booking>` leaves it
 * to that. Before, such a link loaded the page and did nothing until the visitor clicked "Book".
 */
export function openLinkedPopup(doc: Document = document): void {
  const linked = readFragment(MY_BOOKINGS_KEY) !== undefined || Boolean(readFragment(MANAGE_KEYS.booking)?.get(MANAGE_KEYS.token));
  if (!linked || doc.querySelector('slotwise-booking')) return;
  const opener = doc.querySelector<HTMLElement>('[data-slotwise-open], slotwise-button');
  if (!opener) return;
  const options = optionsOf(opener);
  if (typeof options === 'string') return void console.error(new TypeError(options));
  openPopup(options, opener).catch((error: unknown) => console.error(error));
}

/**
 * Turns the page's `window.Slotwise` stub into the API, keeping the object (a page may hold a
 * reference to it), runs the calls it queued in order, starts handling `data-slotwise-open`
 * clicks, and opens the popup for a link into the widget (`openLinkedPopup`). Idempotent.
 */
export function installEmbed(win: Window = window): SlotwiseApi {
  const existing = (win.Slotwise ?? {}) as Partial<SlotwiseApi> & { [INSTALLED]?: true; q?: unknown };
  if (existing[INSTALLED]) return existing as SlotwiseApi;
  const queued: unknown[] = Array.isArray(existing.q) ? [...existing.q] : [];
  const api = existing as SlotwiseApi & { [INSTALLED]?: true };
  api.open = (options: unknown) => open(options);
  api.close = () => closePopup();
  api.q = { push: (...calls) => (calls.forEach((call) => run(api, call)), 0) };
  api[INSTALLED] = true;
  win.Slotwise = api;
  win.document.addEventListener('click', onClick);
  for (const call of queued) run(api, call);
  // A link into the widget, on load (once the openers are in the page) and when only the fragment changes.
  const doc = win.document;
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', () => openLinkedPopup(doc), { once: true });
  else openLinkedPopup(doc);
  win.addEventListener('hashchange', () => openLinkedPopup(doc));
  return api;
}

import { closePopup, openPopup } from './open.js';
import { openerOptions, readOptions } from './options.js';

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

/**
 * Turns the page's `window.Slotwise` stub into the API, keeping the object (a page may hold a
 * reference to it), runs the calls it queued in order, and starts handling `data-slotwise-open`
 * clicks. Idempotent.
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
  return api;
}

import { LitElement, adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { bookingContext, type BookingContext } from '../../context.js';
import { emit } from '../../events.js';
import { zoneLabel } from '../../internal/format.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './zone-picker.styles.js';
import type { ZoneSearchHost } from './zone-search-panel.js';

type Panel = typeof import('./zone-search-panel.js');
/** The search's chunk, shared by every picker on the page once one opened it. */
let panel: Promise<Panel> | undefined;

/**
 * @summary "Times in Europe/Berlin (GMT+1)" and a way to pick another zone: a searchable list of
 * every IANA zone the browser knows, as an ARIA combobox (text field + listbox, the active option
 * named by `aria-activedescendant`, so focus never leaves the field). Keys: ↓/↑ move through the
 * matches, Enter picks, Escape closes and keeps the zone.
 *
 * A custom combobox rather than `<input list>` + `<datalist>`: a datalist of ~420 zones is not
 * filtered by word (`york` does not find `America/New_York` everywhere), cannot show each zone's
 * offset, is styled by nobody (no dark mode, no `::part`), and its popup is announced unevenly
 * across browsers and screen readers.
 *
 * The search (the zone list, matching, the combobox) is `zone-search-panel.ts`, imported on the
 * first "Change" (a lazy chunk): `updateComplete` waits for it, so callers see the open field.
 *
 * @event slotwise:time-zone-changed - The visitor picked a zone. `detail: { timeZone }`. The
 * element does not apply it itself: `<slotwise-booking>` does, and every step follows.
 *
 * @csspart zone-picker - The whole switcher. @csspart zone-current - The "Times in …" line.
 * @csspart zone-change - The button that opens the search. @csspart zone-input - The search field.
 * @csspart zone-list - The matches. @csspart zone-option - One match; `zone-option-active` while highlighted.
 */
export class SlotwiseZonePicker extends LitElement implements ZoneSearchHost {
  static override styles = [tokens, styles];

  /** The clock, for each zone's offset today (DST). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @consume({ context: bookingContext, subscribe: true })
  @state()
  protected ctx?: BookingContext;

  @state() private open = false;
  @state() query = '';
  @state() active = -1;
  zones: string[] | undefined;
  private search: Panel | undefined;
  /** The running open/close (chunk load, render, focus), for `updateComplete`. */
  private toggling: Promise<void> | undefined;

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>(this.open ? '#zone-input' : '[part="zone-change"]')?.focus(options);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.toggling) return done;
    await this.toggling;
    return super.getUpdateComplete();
  }

  override render() {
    const ctx = this.ctx;
    if (!ctx) return nothing;
    const m = ctx.messages;
    const at = this.now();
    const search = this.open && this.search ? this.search.renderZoneSearch(this, ctx, at) : nothing;
    return html`<div part="zone-picker" class="picker">
      <p part="zone-current" class="current">
        <span>${m.zoneTimesIn(zoneLabel(ctx.timeZone, at, ctx.locale))}</span>
        <button type="button" part="zone-change" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="zone-panel"
          @click=${this.toggle}>${m.zoneChange}</button>
      </p>
      <div id="zone-panel" class="panel" ?hidden=${!this.open}>${search}</div>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('active' as keyof SlotwiseZonePicker) && this.active >= 0) {
      this.renderRoot.querySelector(`#zone-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  private toggle(): Promise<void> {
    const run = this.flip();
    this.toggling = run;
    void run.finally(() => {
      if (this.toggling === run) this.toggling = undefined;
    });
    return run;
  }

  private async flip(): Promise<void> {
    // Opening loads the search first (once), so the panel never shows without its field; if the
    // chunk cannot load (offline), the picker stays closed and "Change" can be tried again.
    if (!this.open && !this.search) {
      this.search = await (panel ??= import('./zone-search-panel.js')).catch(() => (panel = undefined));
      if (!this.search) return;
      adoptStyles(this.renderRoot as ShadowRoot, [...SlotwiseZonePicker.elementStyles, this.search.searchStyles]);
    }
    this.open = !this.open;
    this.query = '';
    this.active = -1;
    await super.getUpdateComplete();
    this.focus();
  }

  input(query: string): void {
    this.query = query;
    this.active = -1;
  }

  highlight(index: number): void {
    this.active = index;
  }

  cancel(): void {
    void this.toggle();
  }

  async choose(timeZone: string): Promise<void> {
    this.open = false;
    this.query = '';
    this.active = -1;
    if (timeZone !== this.ctx?.timeZone) emit(this, 'slotwise:time-zone-changed', { timeZone });
    await this.updateComplete;
    this.focus();
  }
}

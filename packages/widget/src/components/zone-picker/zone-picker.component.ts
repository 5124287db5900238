import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { bookingContext, type BookingContext } from '../../context.js';
import { emit } from '../../events.js';
import { zoneLabel } from '../../internal/format.js';
import { timeZones } from '../../internal/time-zones.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './zone-picker.styles.js';
import { searchZones } from './zone-search.js';

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
 * @event slotwise:time-zone-changed - The visitor picked a zone. `detail: { timeZone }`. The
 * element does not apply it itself: `<slotwise-booking>` does, and every step follows.
 *
 * @csspart zone-picker - The whole switcher. @csspart zone-current - The "Times in …" line.
 * @csspart zone-change - The button that opens the search. @csspart zone-input - The search field.
 * @csspart zone-list - The matches. @csspart zone-option - One match; `zone-option-active` while highlighted.
 */
export class SlotwiseZonePicker extends LitElement {
  static override styles = [tokens, styles];

  /** The clock, for each zone's offset today (DST). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @consume({ context: bookingContext, subscribe: true })
  @state()
  protected ctx?: BookingContext;

  @state() private open = false;
  @state() private query = '';
  @state() private active = -1;
  private zones: string[] | undefined;

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>(this.open ? '#zone-input' : '[part="zone-change"]')?.focus(options);
  }

  private get found(): string[] {
    this.zones ??= timeZones(this.ctx?.timeZone);
    return searchZones(this.zones, this.query);
  }

  override render() {
    const ctx = this.ctx;
    if (!ctx) return nothing;
    const m = ctx.messages;
    const at = this.now();
    return html`<div part="zone-picker" class="picker">
      <p part="zone-current" class="current">
        <span>${m.zoneTimesIn(zoneLabel(ctx.timeZone, at, ctx.locale))}</span>
        <button type="button" part="zone-change" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="zone-panel"
          @click=${this.toggle}>${m.zoneChange}</button>
      </p>
      <div id="zone-panel" class="panel" ?hidden=${!this.open}>${this.open ? this.renderSearch(ctx, at) : nothing}</div>
    </div>`;
  }

  private renderSearch(ctx: BookingContext, at: Date) {
    const m = ctx.messages;
    const matches = this.found;
    const shown = matches.length > 0;
    return html`<label for="zone-input">${m.zoneField}</label>
      <p id="zone-hint" class="hint muted">${m.zoneHint}</p>
      <input id="zone-input" part="zone-input" type="text" role="combobox" autocomplete="off" spellcheck="false"
        aria-autocomplete="list" aria-expanded=${shown ? 'true' : 'false'} aria-controls="zone-list" aria-describedby="zone-hint"
        aria-activedescendant=${this.active >= 0 && shown ? `zone-${this.active}` : nothing}
        .value=${this.query} @input=${this.onInput} @keydown=${this.onKeydown} />
      <ul id="zone-list" part="zone-list" role="listbox" aria-label=${m.zoneField} ?hidden=${!shown}>
        ${matches.map((zone, index) => {
          const active = index === this.active;
          return html`<li id=${`zone-${index}`} role="option" part=${active ? 'zone-option zone-option-active' : 'zone-option'}
            aria-selected=${active ? 'true' : 'false'} data-zone=${zone} @pointerdown=${(e: Event) => e.preventDefault()}
            @click=${() => this.choose(zone)}>${zoneLabel(zone, at, ctx.locale)}</li>`;
        })}
      </ul>
      <p role="status" class="visually-hidden">${this.query ? (shown ? m.zoneMatches(matches.length) : m.zoneNoMatch(this.query)) : ''}</p>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('active' as keyof SlotwiseZonePicker) && this.active >= 0) {
      this.renderRoot.querySelector(`#zone-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  private async toggle(): Promise<void> {
    this.open = !this.open;
    this.query = '';
    this.active = -1;
    await this.updateComplete;
    this.focus();
  }

  private onInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.active = -1;
  }

  private onKeydown(event: KeyboardEvent): void {
    const count = this.found.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (count) this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Enter': {
        event.preventDefault();
        // With nothing highlighted, Enter takes the only match (typing a whole name is enough).
        const zone = this.found[this.active >= 0 ? this.active : count === 1 ? 0 : -1];
        if (zone) void this.choose(zone);
        break;
      }
      case 'Escape':
        event.preventDefault();
        event.stopPropagation(); // a popup around the widget must not close too
        void this.toggle();
        break;
    }
  }

  private async choose(timeZone: string): Promise<void> {
    this.open = false;
    this.query = '';
    this.active = -1;
    if (timeZone !== this.ctx?.timeZone) emit(this, 'slotwise:time-zone-changed', { timeZone });
    await this.updateComplete;
    this.focus();
  }
}

import { html, nothing } from 'lit';
import type { BookingContext } from '../../context.js';
import { zoneLabel } from '../../internal/format.js';
import { timeZones } from '../../internal/time-zones.js';
import { searchZones } from './zone-search.js';

import { addEnglish } from '../../i18n/en.js';
import { zoneSearch } from '../../i18n/en/zone-search.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(zoneSearch);

export { searchStyles } from './zone-search.styles.js';

/**
 * The zone picker's search (field, matches, keys), a lazy chunk of the script-tag build that
 * `<slotwise-zone-picker>` imports on the visitor's first "Change": most visitors never open it,
 * so the ~420-zone list, the search and the combobox stay out of the first load. The state stays
 * in the element (its `@state`s re-render it); this module only renders it and maps keys to it.
 */
export interface ZoneSearchHost {
  readonly query: string;
  /** Index of the highlighted match, -1 for none. */
  readonly active: number;
  /** The zone list, once per element: `timeZones` with the zone in use first if the browser's list lacks it. */
  zones?: string[];
  input(query: string): void;
  highlight(index: number): void;
  choose(zone: string): void;
  /** Closes the search without a change. */
  cancel(): void;
}

/** What `host.query` finds, best first. */
export function matches(host: ZoneSearchHost, ctx: BookingContext | undefined): string[] {
  host.zones ??= timeZones(ctx?.timeZone);
  return searchZones(host.zones, host.query);
}

export function renderZoneSearch(host: ZoneSearchHost, ctx: BookingContext, at: Date) {
  const m = ctx.messages;
  const found = matches(host, ctx);
  const shown = found.length > 0;
  return html`<label for="zone-input">${m.zoneField}</label>
    <p id="zone-hint" class="hint muted">${m.zoneHint}</p>
    <input id="zone-input" part="zone-input" type="text" role="combobox" autocomplete="off" spellcheck="false"
      aria-autocomplete="list" aria-expanded=${shown ? 'true' : 'false'} aria-controls="zone-list" aria-describedby="zone-hint"
      aria-activedescendant=${host.active >= 0 && shown ? `zone-${host.active}` : nothing}
      .value=${host.query} @input=${(event: InputEvent) => host.input((event.target as HTMLInputElement).value)}
      @keydown=${(event: KeyboardEvent) => onKeydown(host, ctx, event)} />
    <ul id="zone-list" part="zone-list" role="listbox" aria-label=${m.zoneField} ?hidden=${!shown}>
      ${found.map((zone, index) => {
        const active = index === host.active;
        return html`<li id=${`zone-${index}`} role="option" part=${active ? 'zone-option zone-option-active' : 'zone-option'}
          aria-selected=${active ? 'true' : 'false'} data-zone=${zone} @pointerdown=${(e: Event) => e.preventDefault()}
          @click=${() => host.choose(zone)}>${zoneLabel(zone, at, ctx.locale)}</li>`;
      })}
    </ul>
    <p role="status" class="visually-hidden">${host.query ? (shown ? m.zoneMatches(found.length) : m.zoneNoMatch(host.query)) : ''}</p>`;
}

/** ↓/↑ move through the matches (wrapping), Enter picks (the only match when none is highlighted), Escape cancels. */
function onKeydown(host: ZoneSearchHost, ctx: BookingContext, event: KeyboardEvent): void {
  const found = matches(host, ctx);
  const count = found.length;
  switch (event.key) {
    case 'ArrowDown':
      event.preventDefault();
      if (count) host.highlight((host.active + 1) % count);
      break;
    case 'ArrowUp':
      event.preventDefault();
      if (count) host.highlight(host.active <= 0 ? count - 1 : host.active - 1);
      break;
    case 'Enter': {
      event.preventDefault();
      // With nothing highlighted, Enter takes the only match (typing a whole name is enough).
      const zone = found[host.active >= 0 ? host.active : count === 1 ? 0 : -1];
      if (zone) host.choose(zone);
      break;
    }
    case 'Escape':
      event.preventDefault();
      event.stopPropagation(); // a popup around the widget must not close too
      host.cancel();
      break;
  }
}

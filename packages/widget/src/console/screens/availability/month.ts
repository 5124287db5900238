import type { DateOverride } from '@slotwise/sdk/contract';
import { html } from 'lit';
import { formatDate, formatMonth } from '../../../internal/format.js';

/** `YYYY-MM` plus `delta` months. */
export function addMonths(month: string, delta: number): string {
  const d = new Date(`${month}-15T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + delta);
  return d.toISOString().slice(0, 7);
}

/** The override covering `date`, if any (dates compare as strings: `YYYY-MM-DD`). */
export const overrideOn = (overrides: readonly DateOverride[], date: string) => overrides.find((o) => o.from <= date && date <= o.to);

/**
 * A month as a grid of day buttons, Monday first; a day with an override says so in its text
 * (not by colour alone). Choosing a day starts an override on it.
 */
export function monthGrid(month: string, overrides: readonly DateOverride[], choose: (date: string) => void, page: (delta: number) => void) {
  const first = new Date(`${month}-01T12:00:00Z`);
  const lead = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const dates = Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  return html`<div class="month">
    <div class="row month-head">
      <button type="button" @click=${() => page(-1)} aria-label="Previous month">‹</button>
      <h3 aria-live="polite">${formatMonth(month)}</h3>
      <button type="button" @click=${() => page(1)} aria-label="Next month">›</button>
    </div>
    <div class="grid">
      ${['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((d) => html`<span class="dow" aria-hidden="true">${d}</span>`)}
      ${Array.from({ length: lead }, () => html`<span></span>`)}
      ${dates.map((date) => {
        const o = overrideOn(overrides, date);
        const what = o ? (o.intervals.length ? 'other hours' : 'closed') : '';
        return html`<button type="button" class=${o ? 'marked' : ''} data-date=${date} @click=${() => choose(date)}
          aria-label="${formatDate(date)}${what ? `, ${what}` : ''}">${Number(date.slice(8))}${o ? html`<small aria-hidden="true">${o.intervals.length ? '±' : '✕'}</small>` : ''}</button>`;
      })}
    </div>
  </div>`;
}

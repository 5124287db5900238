import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { bookingContext, type BookingContext } from '../../context.js';
import { en, layoutDirection } from '../../i18n/index.js';
import { addDays, addMonths, monthGrid, monthOf } from '../../internal/dates.js';
import { firstDayOfWeek, formatDate, formatMonth, weekdayNames } from '../../internal/format.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './calendar.styles.js';

const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * @summary A month of days; the ones with open times are buttons. Arrow keys move between open
 * days (one tab stop for the grid), Home and End go to the first and last. Right to left (a
 * `dir="rtl"` around it) the week runs from the right, the ‹ › arrows point outward (chosen for
 * the direction, not left to bidi mirroring, which Chromium does not apply in a button) and ← →
 * move the way the days look.
 *
 * @event month-change - Internal, to `<slotwise-booking>`: `detail: { month }` (`YYYY-MM`).
 * @event day-select - Internal, to `<slotwise-booking>`: `detail: { date }` (`YYYY-MM-DD`).
 *
 * @csspart calendar - The whole calendar.
 * @csspart month-label - The month's name.
 * @csspart nav-button - The previous and next month buttons.
 * @csspart day - Every day button; `day-open` when it has open times, `day-selected` when chosen.
 */
export class SlotwiseCalendar extends LitElement {
  static override styles = [tokens, styles];

  /** The month shown, `YYYY-MM`. */
  @property() month = '';
  /** Today in the visitor's zone, `YYYY-MM-DD`: earlier months cannot be shown. */
  @property() today = '';
  /** Dates with open times, `YYYY-MM-DD`. */
  @property({ attribute: false }) openDates: readonly string[] = [];
  @property({ type: Boolean }) loading = false;

  @consume({ context: bookingContext, subscribe: true })
  @state()
  protected ctx?: BookingContext;

  /** The one day button in the tab order. */
  @state() private focusDate?: string;

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#month')?.focus(options);
  }

  override render() {
    const locale = this.ctx?.locale;
    const t = this.ctx?.messages ?? en;
    const firstDay = firstDayOfWeek(locale);
    const open = new Set(this.openDates);
    const selected = this.ctx?.selection.date;
    // One day is in the tab order: the one last moved to, else the chosen one, else the first open.
    const tabStop =
      [this.focusDate, selected].find((date) => date && open.has(date)) ??
      this.openDates.find((date) => monthOf(date) === this.month);
    const long = weekdayNames(locale, firstDay, 'long');
    // Column heads as short as the language writes them: Arabic's "short" names are the whole
    // words (الخميس), wider than a day's column on a phone, so they take the narrow form (خ).
    const short = weekdayNames(locale, firstDay, 'short');
    const heads = short.some((name) => name.length > 4) ? weekdayNames(locale, firstDay, 'narrow') : short;
    // The arrows point outward, whichever way the month runs; drawn left to right so that no
    // browser's mirroring turns them round again.
    const rtl = layoutDirection(locale, t) === 'rtl';
    const [back, forward] = rtl ? ['›', '‹'] : ['‹', '›'];
    return html`
      <div part="calendar" aria-busy=${this.loading ? 'true' : 'false'}>
        <div class="header">
          <button type="button" part="nav-button" class="prev" aria-label=${t.previousMonth}
            ?disabled=${!this.month || this.month <= monthOf(this.today)} @click=${() => this.changeMonth(-1)}><span dir="ltr">${back}</span></button>
          <h3 id="month" part="month-label" tabindex="-1" aria-live="polite">
            ${this.month ? formatMonth(this.month, locale) : ''}
          </h3>
          <button type="button" part="nav-button" class="next" aria-label=${t.nextMonth}
            ?disabled=${!this.month} @click=${() => this.changeMonth(1)}><span dir="ltr">${forward}</span></button>
        </div>
        <table aria-labelledby="month" @keydown=${this.onKeydown}>
          <thead><tr>${heads.map((name, i) => html`<th scope="col" abbr=${long[i] ?? name}>${name}</th>`)}</tr></thead>
          <tbody>
            ${(this.month ? monthGrid(this.month, firstDay) : []).map(
              (week) => html`<tr>
                ${week.map((date) => html`<td>${date ? this.day(date, open.has(date), date === selected, date === tabStop) : ''}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private day(date: string, open: boolean, selected: boolean, tabStop: boolean) {
    const parts = ['day', open ? 'day-open' : '', selected ? 'day-selected' : ''].filter(Boolean).join(' ');
    const formatted = formatDate(date, this.ctx?.locale);
    const label = open ? formatted : (this.ctx?.messages ?? en).dayClosed(formatted);
    return html`<button type="button" part=${parts} data-date=${date} ?disabled=${!open}
      aria-pressed=${selected ? 'true' : 'false'} aria-label=${label} tabindex=${tabStop ? 0 : -1}
      @click=${() => this.select(date)}>${Number(date.slice(8))}</button>`;
  }

  private changeMonth(delta: number): void {
    this.focusDate = undefined;
    this.dispatchEvent(new CustomEvent('month-change', { detail: { month: addMonths(this.month, delta) } }));
  }

  private select(date: string): void {
    this.focusDate = date;
    this.dispatchEvent(new CustomEvent('day-select', { detail: { date } }));
  }

  private async onKeydown(event: KeyboardEvent): Promise<void> {
    const from = (event.target as HTMLElement).dataset['date'];
    if (!from) return;
    const inMonth = this.openDates.filter((date) => monthOf(date) === this.month);
    let next: string | undefined;
    if (event.key === 'Home') next = inMonth[0];
    else if (event.key === 'End') next = inMonth[inMonth.length - 1];
    else if (steps[event.key]) {
      // Walk in the key's direction to the next open day; stop at the month's edge. Right to left,
      // the week runs leftwards: ArrowLeft is the next day, as it looks.
      const mirrored = getComputedStyle(this).direction === 'rtl' && (event.key === 'ArrowLeft' || event.key === 'ArrowRight');
      const step = mirrored ? -steps[event.key]! : steps[event.key]!;
      for (let date = addDays(from, step); monthOf(date) === this.month; date = addDays(date, step)) {
        if (inMonth.includes(date)) {
          next = date;
          break;
        }
      }
    } else return;
    event.preventDefault();
    if (!next) return;
    this.focusDate = next;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-date="${next}"]`)?.focus();
  }
}

import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Slot } from '@slotwise/sdk/contract';
import { bookingContext, type BookingContext } from '../../context.js';
import { emit } from '../../events.js';
import { formatDate, formatTime, zoneLabel } from '../../internal/format.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './time-list.styles.js';

/**
 * @summary The open start times of one day, in the visitor's zone, with that zone named.
 *
 * @event slotwise:slot-selected - A time was chosen. `detail: { service, duration, slot, timeZone }`.
 *
 * @csspart times - The section holding the day's times.
 * @csspart zone - The line naming the zone the times are shown in.
 * @csspart time - A time button; `time-selected` when chosen.
 * @csspart seats - Under a time of a group session: "N seats left".
 */
export class SlotwiseTimeList extends LitElement {
  static override styles = [tokens, styles];

  /** The day shown, `YYYY-MM-DD` in the visitor's zone. */
  @property() date = '';
  /** That day's open times. */
  @property({ attribute: false }) slots: readonly Slot[] = [];
  @property({ type: Boolean }) loading = false;

  @consume({ context: bookingContext, subscribe: true })
  @state()
  protected ctx?: BookingContext;

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#day')?.focus(options);
  }

  override render() {
    const ctx = this.ctx;
    if (!ctx || !this.date) return html``;
    const chosen = ctx.selection.slot?.start;
    const t = ctx.messages;
    const at = new Date(this.slots[0]?.start ?? `${this.date}T12:00:00Z`);
    return html`
      <section part="times" aria-labelledby="day" aria-busy=${this.loading ? 'true' : 'false'}>
        <h3 id="day" tabindex="-1">${formatDate(this.date, ctx.locale)}</h3>
        <p part="zone" class="zone muted">${t.timesIn(zoneLabel(ctx.timeZone, at, ctx.locale))}</p>
        ${this.slots.length === 0
          ? html`<p class="muted">${this.loading ? t.loadingTimes : t.noTimesLeft}</p>`
          : html`<ul class="times">
              ${this.slots.map((slot) => {
                const pressed = slot.start === chosen;
                return html`<li>
                  <button type="button" part=${pressed ? 'time time-selected' : 'time'} data-start=${slot.start}
                    aria-pressed=${pressed ? 'true' : 'false'} @click=${() => this.choose(slot)}>
                    ${formatTime(slot.start, ctx.timeZone, ctx.locale)}
                    ${slot.seatsLeft === undefined ? '' : html`<span part="seats" class="seats">${t.seatsLeft(slot.seatsLeft)}</span>`}
                  </button>
                </li>`;
              })}
            </ul>`}
      </section>
    `;
  }

  private choose(slot: Slot): void {
    const { selection, timeZone } = this.ctx ?? {};
    if (!selection?.service || !selection.duration || !timeZone) return;
    emit(this, 'slotwise:slot-selected', { service: selection.service, duration: selection.duration, slot, timeZone });
  }
}

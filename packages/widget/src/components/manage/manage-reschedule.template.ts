import { html, nothing } from 'lit';
import type { SlotwiseEvent } from '../../events.js';
import { en, type Messages } from '../../i18n/index.js';
import { errorText } from '../../internal/errors.js';
import { formatInstantDate, formatTime, dateTimeJoiner } from '../../internal/format.js';
import type { RescheduleFlow } from './manage-reschedule.js';
import { addEnglish } from '../../i18n/en.js';
import { manage } from '../../i18n/en/manage.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(manage);

/** What the manage view does when the reschedule panel reports something. */
export interface RescheduleHandlers {
  monthChange(event: CustomEvent<{ month: string }>): void;
  daySelect(event: CustomEvent<{ date: string }>): void;
  slotSelected(event: SlotwiseEvent<'slotwise:slot-selected'>): void;
  confirm(): void;
  close(): void;
}

/** The calendar and the chosen day's times for the booking's service, then "Move to …". */
export function renderReschedule(flow: RescheduleFlow, on: RescheduleHandlers, t: Messages = en) {
  const ctx = flow.ctx;
  if (!ctx) return nothing;
  const { date, slot } = ctx.selection;
  const { slots } = flow;
  const loading = slots.status === 'loading';
  return html`<div part="reschedule-panel" class="reschedule-panel" role="group" aria-labelledby="reschedule-heading">
    <h4 id="reschedule-heading" tabindex="-1">${t.chooseNewTime}</h4>
    <div class="schedule">
      <slotwise-calendar exportparts="calendar, month-label, nav-button, day, day-open, day-selected"
        .month=${flow.month} .today=${flow.today} .openDates=${slots.dates} ?loading=${loading}
        @month-change=${on.monthChange} @day-select=${on.daySelect}></slotwise-calendar>
      ${slots.error ? html`<p role="alert" part="alert">${t.loadTimesFailed} ${errorText(slots.error, t)}</p>` : nothing}
      ${date
        ? html`<slotwise-time-list exportparts="times, zone, time, time-selected, seats" .date=${date} .slots=${slots.slotsOn(date)}
            ?loading=${loading} @slotwise:slot-selected=${on.slotSelected}></slotwise-time-list>`
        : html`<p class="muted">${loading ? t.loadingOpenTimes : t.chooseDayHint}</p>`}
    </div>
    ${flow.error ? html`<p role="alert" part="alert" tabindex="-1">${errorText(flow.error, t)}</p>` : nothing}
    <div class="actions">
      ${slot
        ? html`<button type="button" part="confirm-reschedule" class="primary" ?disabled=${flow.saving} @click=${on.confirm}>
            ${flow.saving ? t.moving : t.moveTo(`${formatInstantDate(slot.start, ctx.timeZone, ctx.locale)}${dateTimeJoiner(ctx.locale)}${formatTime(slot.start, ctx.timeZone, ctx.locale)}`)}
          </button>`
        : nothing}
      <button type="button" part="keep-time" ?disabled=${flow.saving} @click=${on.close}>${t.keepCurrentTime}</button>
    </div>
  </div>`;
}

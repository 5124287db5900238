import type { CalendarFeed, WeeklyHours } from '@slotwise/sdk/contract';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { countOf, formatAgo, formatDate, formatInstantDate } from '../../../internal/format.js';
import { describedBy, fieldError, invalid, textField, type SaveFailure } from '../../forms.js';
import type { Section, SlotwiseConsoleAvailability as View } from './availability.component.js';
import { addMonths, monthGrid } from './month.js';
import { recurrenceSummary, weeklyRule } from './recurrence.js';
import { proposedInterval, weekdayName } from './weekly.js';

const values = (event: Event) => {
  event.preventDefault();
  return new FormData(event.target as HTMLFormElement);
};

function alert(v: View, section: Section) {
  const failure = v.failures[section];
  return failure ? html`<p class="error" role="alert" tabindex="-1">${failure.message}</p>` : nothing;
}

const input = (failure: SaveFailure | undefined, id: string, name: string, label: string, type: string, value = '', required = false) =>
  textField({ id, name, label, type, value, required, failure });

export function weeklySection(v: View) {
  const f = v.failures.weekly;
  const set = (week: WeeklyHours[]) => (v.week = week);
  const change = (index: number, key: 'start' | 'end') => (event: Event) =>
    set(v.week.map((h, i) => (i === index ? { ...h, [key]: (event.target as HTMLInputElement).value } : h)));
  const add = (next: WeeklyHours) => set([...v.week, next].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)));
  const submit = (event: Event) => {
    event.preventDefault();
    void v.save('weekly', () => v.session!.client.me.availability.replaceWeekly({ weekly: v.week, breaks: [] }), 'Weekly hours saved.');
  };
  return html`<section id="weekly" aria-labelledby="weekly-title">
    <h2 id="weekly-title">Weekly hours</h2>
    <p class="hint">Several intervals a day are fine; a break is the gap between two.</p>
    <form @submit=${submit} novalidate>
      ${alert(v, 'weekly')}
      ${[1, 2, 3, 4, 5, 6, 7].map((day) => {
        const name = weekdayName(day);
        const rows = v.week.map((h, i) => [h, i] as const).filter(([h]) => h.weekday === day);
        const next = proposedInterval(v.week, day);
        return html`<fieldset><legend>${name}</legend>
          ${rows.length ? nothing : html`<p class="hint">Closed.</p>`}
          ${rows.map(([h, i], n) => html`<div class="interval">
            <label for="weekly-${i}-start">From <input id="weekly-${i}-start" type="time" name="weekly.${i}.start" .value=${h.start} @change=${change(i, 'start')}
              aria-invalid=${invalid(f, `weekly.${i}.start`)} aria-describedby=${ifDefined(describedBy(`weekly-${i}-start`, f, `weekly.${i}.start`))} /></label>
            <label for="weekly-${i}-end">Until <input id="weekly-${i}-end" type="time" name="weekly.${i}.end" .value=${h.end} @change=${change(i, 'end')}
              aria-invalid=${invalid(f, `weekly.${i}.end`)} aria-describedby=${ifDefined(describedBy(`weekly-${i}-end`, f, `weekly.${i}.end`))} /></label>
            <button type="button" @click=${() => set(v.week.filter((_, j) => j !== i))} aria-label="Remove ${name} interval ${n + 1}">Remove</button>
            ${fieldError(`weekly-${i}-start`, f, `weekly.${i}.start`)}${fieldError(`weekly-${i}-end`, f, `weekly.${i}.end`)}
          </div>`)}
          ${next ? html`<div><button type="button" @click=${() => add(next)}>Add hours on ${name}</button></div>` : html`<p class="hint">No free time left to add on ${name} before 23:00.</p>`}
        </fieldset>`;
      })}
      <div><button class="primary" type="submit" ?disabled=${v.busy === 'weekly'}>Save weekly hours</button></div>
    </form>
  </section>`;
}

/** Empties the date rule's "Until", so the next entry is one day unless another end is typed. */
function clearUntil(v: View) {
  const until = v.renderRoot.querySelector<HTMLInputElement>('#ov-to');
  if (until) until.value = '';
}

export function overridesSection(v: View) {
  const f = v.failures.overrides;
  const submit = (event: Event) => {
    const data = values(event);
    const closed = data.get('closed') === 'on';
    const to = String(data.get('to') ?? '');
    const body = { from: String(data.get('from')), ...(to ? { to } : {}), intervals: closed ? [] : [{ start: String(data.get('intervals.0.start')), end: String(data.get('intervals.0.end')) }] };
    void v.save('overrides', () => v.session!.client.me.availability.overrides.create(body), closed ? 'Marked closed.' : 'Other hours saved.').then((saved) => {
      if (saved) clearUntil(v);
    });
  };
  // A day picked on the calendar starts a new entry: no "Until" left from the one before.
  const pick = (date: string) => {
    v.overrideFrom = date;
    clearUntil(v);
  };
  const remove = (id: string, label: string) =>
    v.confirm({ section: 'overrides', title: `Remove ${label}?`, consequence: 'Your weekly hours apply on these dates again, so customers may book them.', run: () => v.session!.client.me.availability.overrides.delete(id), done: 'Override removed.' });
  return html`<section id="overrides" aria-labelledby="overrides-title">
    <h2 id="overrides-title">Days off and other hours</h2>
    ${monthGrid(v.month, v.rules!.overrides, pick, (delta) => (v.month = addMonths(v.month, delta)))}
    <form @submit=${submit} novalidate>
      ${alert(v, 'overrides')}
      <div class="row">${input(f, 'ov-from', 'from', 'From', 'date', v.overrideFrom, true)} ${input(f, 'ov-to', 'to', 'Until (optional)', 'date')}</div>
      <label class="inline"><input type="checkbox" name="closed" checked /> Closed all day</label>
      <div class="row">${input(f, 'ov-start', 'intervals.0.start', 'Or open from', 'time', '10:00')} ${input(f, 'ov-end', 'intervals.0.end', 'until', 'time', '14:00')}</div>
      <div><button type="submit" ?disabled=${v.busy === 'overrides'}>Save these dates</button></div>
    </form>
    <ul class="plain">${v.rules!.overrides.map((o) => {
      const label = o.from === o.to ? formatDate(o.from) : `${formatDate(o.from)} – ${formatDate(o.to)}`;
      return html`<li class="row">${label}: ${o.intervals.length ? o.intervals.map((i) => `${i.start}–${i.end}`).join(', ') : 'closed'}
        <button type="button" class="danger" @click=${() => remove(o.id, label)} aria-label="Remove ${label}">Remove</button></li>`;
    })}</ul>
  </section>`;
}

export function recurringSection(v: View) {
  const f = v.failures.recurring;
  const submit = (event: Event) => {
    const data = values(event);
    const body = { rrule: weeklyRule(Number(data.get('interval')), Number(data.get('weekday'))), anchor: String(data.get('anchor')), start: String(data.get('start')), end: String(data.get('end')) };
    void v.save('recurring', () => v.session!.client.me.availability.recurring.create(body), `Added: ${recurrenceSummary(body)}.`);
  };
  const remove = (id: string, summary: string) =>
    v.confirm({ section: 'recurring', title: `Remove “${summary}”?`, consequence: 'Those extra hours stop being offered; bookings already made stay.', run: () => v.session!.client.me.availability.recurring.delete(id), done: 'Recurring hours removed.' });
  return html`<section id="recurring" aria-labelledby="recurring-title">
    <h2 id="recurring-title">Recurring extra hours</h2>
    <ul class="plain">${v.rules!.recurring.map((r) => {
      const summary = recurrenceSummary(r);
      return html`<li class="row">${summary} <span class="muted">(from ${formatDate(r.anchor, undefined, { year: 'numeric' })})</span>
        <button type="button" class="danger" @click=${() => remove(r.id, summary)} aria-label="Remove ${summary}">Remove</button></li>`;
    })}</ul>
    <form @submit=${submit} novalidate>
      ${alert(v, 'recurring')}
      <div class="row">
        <label for="rr-interval">Every <select id="rr-interval" name="interval"><option value="1">week</option><option value="2">other week</option><option value="3">3 weeks</option><option value="4">4 weeks</option></select></label>
        <label for="rr-weekday">on <select id="rr-weekday" name="weekday">${[1, 2, 3, 4, 5, 6, 7].map((d) => html`<option value=${d} ?selected=${d === 6}>${weekdayName(d)}</option>`)}</select></label>
        ${input(f, 'rr-start', 'start', 'from', 'time', '10:00')} ${input(f, 'rr-end', 'end', 'until', 'time', '12:00')}
        ${input(f, 'rr-anchor', 'anchor', 'starting on', 'date', new Date().toISOString().slice(0, 10))}
      </div>
      <div><button type="submit" ?disabled=${v.busy === 'recurring'}>Add recurring hours</button></div>
    </form>
  </section>`;
}

/**
 * A feed's health as the server last saw it: "Synced 3 minutes ago · 12 busy times", or the latest
 * fetch's error (with the age of the copy still in use). The server keeps this in memory only.
 */
function feedStatus(feed: CalendarFeed) {
  const now = new Date();
  const synced = feed.lastSyncedAt
    ? `Synced ${formatAgo(feed.lastSyncedAt, now)} · ${countOf(feed.busyCount ?? 0, 'busy time', 'busy times')}`
    : 'Not read yet';
  if (!feed.lastError) return html`<p class="muted feed-status">${synced}</p>`;
  const kept = feed.lastSyncedAt ? ` Still using the copy read ${formatAgo(feed.lastSyncedAt, now)}.` : '';
  return html`<p class="error feed-status">Sync failed ${formatAgo(feed.lastErrorAt!, now)}: ${feed.lastError}${kept}</p>`;
}

export function feedsSection(v: View) {
  const f = v.failures.feeds;
  const submit = (event: Event) => {
    const url = String(values(event).get('url'));
    void v.save('feeds', () => v.session!.client.me.calendarFeeds.create({ url }), 'Calendar added: its busy times are kept free.');
  };
  const remove = (id: string, host: string) =>
    v.confirm({ section: 'feeds', title: `Stop reading ${host}?`, consequence: 'Its busy times no longer block your open times.', run: () => v.session!.client.me.calendarFeeds.delete(id), done: 'Calendar removed.' });
  const sync = (feed: CalendarFeed) =>
    void v.save('feeds', () => v.session!.client.me.calendarFeeds.sync(feed.id), (synced) =>
      synced.lastError ? `${feed.host} could not be read: ${synced.lastError}` : `${feed.host} synced: ${countOf(synced.busyCount ?? 0, 'busy time', 'busy times')}.`,
    );
  return html`<section id="feeds" aria-labelledby="feeds-title">
    <h2 id="feeds-title">Outside calendars</h2>
    <p class="hint">Busy times in these calendars (their secret ICS address) are not offered to customers.</p>
    <ul class="plain">${v.rules!.calendarFeeds.map((feed) => html`<li class="feed">
      <div class="row">${feed.host} <span class="muted">added ${formatInstantDate(feed.createdAt, v.rules!.timeZone)}</span>
        <button type="button" @click=${() => sync(feed)} ?disabled=${v.busy === 'feeds'} aria-label="Sync now: ${feed.host}">Sync now</button>
        <button type="button" class="danger" @click=${() => remove(feed.id, feed.host)} aria-label="Remove ${feed.host}">Remove</button></div>
      ${feedStatus(feed)}</li>`)}</ul>
    <form @submit=${submit} class="row" novalidate>
      ${input(f, 'feed-url', 'url', 'Calendar address (https or webcal)', 'url')}
      <button type="submit" ?disabled=${v.busy === 'feeds'}>Add calendar</button>
    </form>
    ${alert(v, 'feeds')}
  </section>`;
}

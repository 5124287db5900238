import type { MyService } from '@slotwise/sdk/contract';
import { html, nothing } from 'lit';
import { fieldError, textField, type SaveFailure } from '../../forms.js';
import { policySentences } from './policy-text.js';
import { fromMinor } from './templates.js';

export interface EditorState {
  service: Omit<MyService, 'id'> & { id?: string };
  rows: number;
  kind: MyService['location']['kind'];
  policy: ReturnType<typeof policySentences>;
  failure: SaveFailure | undefined;
  busy: boolean;
}

export interface EditorHandlers {
  submit(event: SubmitEvent): void;
  input(event: Event): void;
  addRow(): void;
  removeRow(): void;
  toggleActive(): void;
}

/** An input of the service form: numbers by default, ids from the field name. */
const field = (failure: SaveFailure | undefined, name: string, label: string, value: string | number | null, opts: { type?: string; hint?: string; min?: number } = {}) =>
  textField({ id: `svc-${name.replaceAll('.', '-')}`, name, label, value, failure, type: opts.type ?? 'number', ...(opts.hint ? { hint: opts.hint } : {}), ...(opts.min !== undefined ? { min: opts.min } : {}) });

/** The whole service as one form: every field the contract has, grouped as a specialist thinks of them. */
export function serviceEditor(state: EditorState, on: EditorHandlers) {
  const { service: s, failure: f } = state;
  const rows = Array.from({ length: state.rows }, (_, i) => s.durations[i] ?? { minutes: 60, price: 0 });
  return html`
    <p><a href="#/services">← All services</a></p>
    <form @submit=${on.submit} @input=${on.input} novalidate aria-busy=${state.busy ? 'true' : 'false'}>
      ${f ? html`<p class="error" role="alert" tabindex="-1">${Object.keys(f.fields).length > 0 ? 'Nothing was saved: check the fields marked below.' : f.message}</p>` : nothing}
      ${field(f, 'name', 'Name', s.name, { type: 'text' })}
      <label for="svc-description">Description
        <textarea id="svc-description" name="description" rows="3" .value=${s.description}></textarea>${fieldError('svc-description', f, 'description')}</label>
      ${field(f, 'currency', 'Currency', s.currency, { type: 'text', hint: 'ISO code, e.g. EUR.' })}
      <fieldset>
        <legend>Lengths and prices</legend>
        ${fieldError('svc-durations', f, 'durations')}
        ${rows.map((d, i) => html`<div class="row" data-duration>
          ${field(f, `durations.${i}.minutes`, `Length ${i + 1} (minutes)`, d.minutes, { min: 5 })}
          ${field(f, `durations.${i}.price`, `Price ${i + 1} (${s.currency}, 0 = free)`, fromMinor(d.price, s.currency), { type: 'text' })}
        </div>`)}
        <div class="row">
          <button type="button" @click=${on.addRow} ?disabled=${state.rows >= 8}>Add a length</button>
          <button type="button" @click=${on.removeRow} ?disabled=${state.rows <= 1}>Remove the last length</button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Scheduling</legend>
        ${field(f, 'slotStep', 'Minutes between start times', s.slotStep, { hint: 'Blank: the session’s length.', min: 5 })}
        ${field(f, 'bufferBefore', 'Buffer before (minutes)', s.bufferBefore, { min: 0 })}
        ${field(f, 'bufferAfter', 'Buffer after (minutes)', s.bufferAfter, { min: 0 })}
        ${field(f, 'minNotice', 'Minimum notice (minutes)', s.minNotice, { min: 0, hint: 'No start sooner than this.' })}
        ${field(f, 'maxAdvanceDays', 'Book at most this many days ahead', s.maxAdvanceDays, { min: 1, hint: 'Blank: no limit.' })}
        ${field(f, 'maxPerDay', 'At most this many a day', s.maxPerDay, { min: 1, hint: 'Blank: no limit.' })}
        ${field(f, 'maxPerWeek', 'At most this many a week', s.maxPerWeek, { min: 1, hint: 'Blank: no limit.' })}
        ${field(f, 'capacity', 'Seats per session', s.capacity, { min: 1, hint: '1: one-to-one. More: a group session, open until its seats are taken.' })}
      </fieldset>
      <fieldset>
        <legend>Cancelling, moving and refunds</legend>
        ${field(f, 'cancelUntilHours', 'Customers may cancel until (hours before)', s.cancelUntilHours, { min: 0 })}
        ${field(f, 'rescheduleUntilHours', 'Customers may move a booking until (hours before)', s.rescheduleUntilHours, { min: 0 })}
        ${field(f, 'maxReschedules', 'Times a booking may be moved', s.maxReschedules, { min: 0 })}
        ${field(f, 'fullRefundHours', 'Full refund when cancelled at least (hours before)', s.fullRefundHours, { min: 0 })}
        ${field(f, 'partialRefundHours', 'Partial refund when cancelled at least (hours before)', s.partialRefundHours, { min: 0 })}
        ${field(f, 'partialRefundPercent', 'Partial refund (percent)', s.partialRefundPercent, { min: 0 })}
        <div class="card" aria-live="polite"><strong>What customers read:</strong>
          <ul>${state.policy.map((sentence) => html`<li>${sentence}</li>`)}</ul></div>
      </fieldset>
      <fieldset>
        <legend>Where the session happens</legend>
        <label for="svc-location-kind">Place
          <select id="svc-location-kind" name="location.kind">
            ${([['video', 'Video call made for each booking'], ['link', 'Your own meeting link (from your profile)'], ['phone', 'Phone call'], ['in_person', 'In person'], ['none', 'Arranged otherwise']] as const).map(
              ([kind, label]) => html`<option value=${kind} ?selected=${kind === state.kind}>${label}</option>`,
            )}
          </select>${fieldError('svc-location-kind', f, 'location.kind')}${fieldError('svc-location', f, 'location')}</label>
        ${state.kind === 'video'
          ? html`<label for="svc-location-provider">Video provider
              <select id="svc-location-provider" name="location.provider">
                <option value="jitsi" ?selected=${s.location.provider !== 'zoom'}>Jitsi Meet (no account needed)</option>
                <option value="zoom" ?selected=${s.location.provider === 'zoom'}>Zoom (when this server has Zoom set up)</option>
              </select>${fieldError('svc-location-provider', f, 'location.provider')}</label>`
          : nothing}
        ${state.kind === 'phone' || state.kind === 'in_person'
          ? field(f, 'location.detail', state.kind === 'phone' ? 'Phone number customers call' : 'Address customers come to', s.location.detail ?? '', { type: 'text' })
          : nothing}
      </fieldset>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${state.busy}>${s.id ? 'Save service' : 'Create service'}</button>
        ${s.id ? html`<button type="button" class=${s.active ? 'danger' : ''} @click=${on.toggleActive}>${s.active ? 'Archive…' : 'Offer again…'}</button>` : nothing}
      </div>
    </form>
  `;
}

import type { Slots } from '@slotwise/sdk/contract';
import { html, nothing } from 'lit';
import { formatDate, formatTime } from '../../../internal/format.js';
import { timeZones } from '../../auth/zones.js';
import type { SlotwiseConsoleAvailability as View } from './availability.component.js';

export interface PreviewState {
  service: string;
  zone: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  slots?: Slots;
  error?: string;
}

/** The open times customers get (the public slots), for a service and a visitor's zone; the first 7 open days. */
export function previewSection(v: View) {
  const p = v.preview;
  const pick = (key: 'service' | 'zone') => (event: Event) => {
    v.preview = { ...p, [key]: (event.target as HTMLSelectElement).value };
    void v.refreshPreview();
  };
  const days = p.slots?.days.slice(0, 7) ?? [];
  return html`<section id="preview" aria-labelledby="preview-title">
    <h2 id="preview-title">Preview: open times customers see</h2>
    ${v.services.length === 0
      ? html`<p>Offer a service first: <a href="#/services">Services</a>.</p>`
      : html`<div class="row">
          <label for="pv-service">Service <select id="pv-service" @change=${pick('service')}>${v.services.map((s) => html`<option value=${s.id} ?selected=${s.id === p.service}>${s.name}</option>`)}</select></label>
          <label for="pv-zone">Visitor’s time zone <select id="pv-zone" @change=${pick('zone')}>${timeZones().map((z) => html`<option ?selected=${z === p.zone}>${z}</option>`)}</select></label>
        </div>
        <div aria-live="polite" aria-busy=${p.status === 'loading' ? 'true' : 'false'}>
          ${p.status === 'error' ? html`<p class="error">${p.error}</p>` : nothing}
          ${p.status === 'ready' && days.length === 0 ? html`<p>No open times in the next weeks.</p>` : nothing}
          <ul class="plain">${days.map((day) => html`<li data-date=${day.date}><strong>${formatDate(day.date)}</strong>
            <span class="slots-day">${day.slots.map((s) => html`<span>${formatTime(s.start, p.zone)}</span>`)}</span></li>`)}</ul>
        </div>`}
  </section>`;
}

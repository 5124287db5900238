import { html, nothing } from 'lit';
import type { OperatorSpecialist } from '@slotwise/sdk/contract';
import { describedBy, invalid, renderFieldError, renderFormError } from '../../ui/field-error.js';
import type { SlotwiseConsoleSpecialists } from './specialists.component.js';

const statusText: Record<OperatorSpecialist['status'], string> = { active: 'Active', suspended: 'Suspended', closed: 'Closed' };
const day = (instant: string | null) => (instant ? new Date(instant).toLocaleDateString() : '—');

export function renderSpecialists(host: SlotwiseConsoleSpecialists) {
  const list = host.specialists;
  if (!list) return html`<p>Loading…</p>`;
  if (list.length === 0) return html`<p>No specialists match.</p>`;
  return html`<div class="table-wrap"><table class="specialists">
      <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Status</th><th scope="col" class="num">Bookings</th><th scope="col">Latest session</th><th scope="col">Joined</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${list.map((s) => html`<tr data-id=${s.id} data-handle=${s.handle}>
        <th scope="row">${s.name}<br /><span class="muted">@${s.handle}</span></th>
        <td>${s.email ?? '—'}${s.email && !s.emailVerified ? html`<br /><span class="muted">not verified</span>` : nothing}</td>
        <td class="status">${statusText[s.status]}${s.statusReason ? html`<br /><span class="muted">${s.statusReason}</span>` : nothing}</td>
        <td class="num">${s.bookings}</td>
        <td>${day(s.lastSessionAt)}</td>
        <td>${day(s.createdAt)}</td>
        <td><button type="button" aria-label="Reviews of ${s.name}" @click=${() => host.showReviews(s)}>Reviews</button>
          ${s.status === 'active'
          ? html`<button type="button" aria-label="Suspend ${s.name}" @click=${() => host.startSuspend(s)}>Suspend…</button>`
          : s.status === 'suspended' ? html`<button type="button" aria-label="Reactivate ${s.name}" @click=${() => host.reactivate(s)}>Reactivate</button>` : nothing}</td>
      </tr>`)}</tbody>
    </table></div>
    ${host.hasMore ? html`<button type="button" @click=${() => host.load(true)}>Load more</button>` : nothing}`;
}

export function renderSuspendForm(host: SlotwiseConsoleSpecialists, specialist: OperatorSpecialist) {
  const { errors } = host;
  return html`<form class="suspend" novalidate @submit=${(e: Event) => host.suspend(e)} aria-labelledby="suspend-heading">
    <h4 id="suspend-heading">Suspend ${specialist.name}</h4>
    ${renderFormError(errors)}
    <label for="suspend-reason">Reason (${specialist.name} reads it in an email and their console)</label>
    <textarea id="suspend-reason" rows="3" maxlength="500" .value=${host.reason} aria-invalid=${invalid(errors, 'reason')}
      aria-describedby=${describedBy(errors, 'reason')} @input=${(e: Event) => (host.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
    ${renderFieldError(errors, 'reason')}
    <div class="actions">
      <button type="submit" class="danger">Suspend with this reason…</button>
      <button type="button" @click=${() => (host.suspending = undefined)}>Cancel</button>
    </div>
  </form>`;
}

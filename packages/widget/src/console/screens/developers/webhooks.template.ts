import { html, nothing } from 'lit';
import { formatInstantDate } from '../../../internal/format.js';
import { describedBy, invalid, renderFieldError, renderFormError } from '../../ui/field-error.js';
import { renderSecretOnce } from '../../ui/secret-once.js';
import { eventTypeChoices } from './event-types.js';
import type { SlotwiseConsoleWebhooks } from './webhooks.component.js';

/** When something happened, in the specialist's zone as every console screen shows times (the browser's when unknown). */
const when = (instant: string, timeZone: string | undefined) => formatInstantDate(instant, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function renderEndpoints(host: SlotwiseConsoleWebhooks) {
  const endpoints = host.endpoints;
  return html`${host.secret ? renderSecretOnce(`Signing secret for ${host.secret.url}`, host.secret.secret, 'encrypted', host.session, () => (host.secret = undefined)) : nothing}
    ${!endpoints ? html`<p>Loading…</p>` : endpoints.length === 0 ? html`<p>No endpoints yet.</p>` : html`<ul class="endpoints">
      ${endpoints.map((endpoint) => {
        const log = host.deliveries[endpoint.id];
        return html`<li class="endpoint" data-id=${endpoint.id}>
          <h4><code>${endpoint.url}</code></h4>
          <p>${endpoint.enabled ? 'Enabled' : 'Disabled'} · ${endpoint.eventTypes.includes('*') ? 'Every event' : endpoint.eventTypes.join(', ')}${endpoint.description ? ` · ${endpoint.description}` : ''}</p>
          <div class="actions">
            <button type="button" @click=${() => host.toggle(endpoint)}>${endpoint.enabled ? 'Disable' : 'Enable'}</button>
            <button type="button" @click=${() => host.rotate(endpoint)}>Rotate secret…</button>
            <button type="button" @click=${() => host.showDeliveries(endpoint)}>${log ? 'Refresh deliveries' : 'Show deliveries'}</button>
            <button type="button" @click=${() => host.deleteEndpoint(endpoint)}>Delete…</button>
          </div>
          ${log ? log.length === 0 ? html`<p>No deliveries yet.</p>` : html`<div class="table-wrap"><table class="deliveries">
            <thead><tr><th scope="col">Created</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">HTTP</th><th scope="col">Attempts</th><th scope="col">Error</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>${log.map((d) => html`<tr data-id=${d.id}>
              <td>${when(d.createdAt, host.session?.profile?.timeZone)}</td><td>${d.eventType}</td><td>${d.status}${d.redeliveryOf ? ' (redelivery)' : ''}</td>
              <td>${d.lastStatusCode ?? '—'}</td><td>${d.attempts}</td><td>${d.lastError ?? ''}</td>
              <td><button type="button" @click=${() => host.redeliver(endpoint, d)}>Redeliver</button></td>
            </tr>`)}</tbody>
          </table></div>` : nothing}
        </li>`;
      })}
    </ul>`}`;
}

export function renderWebhookForm(host: SlotwiseConsoleWebhooks) {
  const { errors } = host;
  const toggle = (type: string, on: boolean) => (host.types = on ? [...host.types, type] : host.types.filter((t) => t !== type));
  return html`<form class="webhook" novalidate @submit=${(e: Event) => host.create(e)} aria-labelledby="webhook-form-heading">
    <h4 id="webhook-form-heading">Add an endpoint</h4>
    ${renderFormError(errors)}
    <label for="webhook-url">HTTPS address that receives the events</label>
    <input id="webhook-url" inputmode="url" .value=${host.url} aria-invalid=${invalid(errors, 'url')} aria-describedby=${describedBy(errors, 'url')}
      @input=${(e: Event) => (host.url = (e.target as HTMLInputElement).value)} />
    ${renderFieldError(errors, 'url')}
    <label for="webhook-description">Description (optional)</label>
    <input id="webhook-description" .value=${host.description} @input=${(e: Event) => (host.description = (e.target as HTMLInputElement).value)} />
    <fieldset>
      <legend>Events to send</legend>
      <label class="check"><input type="checkbox" name="eventTypes" value="*" .checked=${host.types.includes('*')}
        aria-invalid=${invalid(errors, 'eventTypes')} aria-describedby=${describedBy(errors, 'eventTypes')}
        @change=${(e: Event) => toggle('*', (e.target as HTMLInputElement).checked)} /> Every event, including types added later</label>
      ${eventTypeChoices.map(({ type, label }) => html`<label class="check"><input type="checkbox" name="eventTypes" value=${type}
        .checked=${host.types.includes(type)} @change=${(e: Event) => toggle(type, (e.target as HTMLInputElement).checked)} /> ${label} <code>${type}</code></label>`)}
      ${renderFieldError(errors, 'eventTypes')}
    </fieldset>
    <div class="actions"><button type="submit">Add endpoint</button></div>
  </form>`;
}

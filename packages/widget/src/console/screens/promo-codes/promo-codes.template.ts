import { html, nothing } from 'lit';
import type { MyPromoCode } from '@slotwise/sdk/contract';
import { formatAmount, formatDate } from '../../../internal/format.js';
import { todayIn } from '../../../internal/dates.js';
import { describedBy, invalid, renderFieldError, renderFormError } from '../../ui/field-error.js';
import { serviceChecks } from '../../ui/service-checks.js';
import { lastDay, type LimitsDraft, type PromoDraft } from './promo-draft.js';
import type { SlotwiseConsolePromoCodes } from './promo-codes.component.js';

const day = (date: string) => formatDate(date, undefined, { weekday: undefined, month: 'short', year: 'numeric' });

export const discountOf = (code: MyPromoCode) => (code.kind === 'percent' ? `${code.value}% off` : `${formatAmount(code.value, code.currency ?? 'EUR')} off`);

/** Where a code stands now: stopped by the specialist, not started, ended, used up, or usable. */
export function stateOf(code: MyPromoCode, timeZone: string, now = Date.now()): string {
  if (!code.active) return 'Stopped';
  if (code.validUntil && Date.parse(code.validUntil) <= now) return 'Ended';
  if (code.validFrom && Date.parse(code.validFrom) > now) return `Starts ${day(todayIn(timeZone, new Date(code.validFrom)))}`;
  if (code.maxRedemptions !== null && code.redemptions >= code.maxRedemptions) return 'Used up';
  return 'Active';
}

function windowOf(code: MyPromoCode, timeZone: string): string {
  const from = code.validFrom ? day(todayIn(timeZone, new Date(code.validFrom))) : '';
  const until = code.validUntil ? day(lastDay(code, timeZone)) : '';
  if (from && until) return `${from} – ${until}`;
  if (from) return `From ${from}`;
  if (until) return `Until ${until}`;
  return 'Always';
}

function conditionsOf(code: MyPromoCode): string {
  const parts = [code.maxPerCustomer !== null ? `${code.maxPerCustomer} per customer` : '', code.firstBookingOnly ? 'First booking only' : ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : '—';
}

export function renderCodes(host: SlotwiseConsolePromoCodes) {
  const codes = host.codes;
  const zone = host.timeZone;
  const serviceName = (id: string) => host.services.find((s) => s.id === id)?.name ?? id;
  return html`<section aria-labelledby="codes-heading">
    <h3 id="codes-heading">Your promo codes</h3>
    ${!codes ? html`<p>Loading…</p>` : codes.length === 0 ? html`<p>No promo codes yet.</p>` : html`<div class="table-wrap"><table class="codes">
      <thead><tr><th scope="col">Code</th><th scope="col">Discount</th><th scope="col">Services</th><th scope="col">Valid</th><th scope="col" class="num">Uses</th><th scope="col">Conditions</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${codes.map((code) => html`<tr data-id=${code.id}>
        <th scope="row"><code>${code.code}</code></th>
        <td>${discountOf(code)}</td>
        <td>${code.serviceIds ? code.serviceIds.map(serviceName).join(', ') : 'All services'}</td>
        <td>${windowOf(code, zone)}</td>
        <td class="num">${code.maxRedemptions !== null ? `${code.redemptions} of ${code.maxRedemptions}` : code.redemptions}</td>
        <td>${conditionsOf(code)}</td>
        <td class="state">${stateOf(code, zone)}</td>
        <td class="actions">
          <button type="button" aria-label="Edit limits of ${code.code}" @click=${() => host.editLimits(code)}>Edit limits</button>
          ${code.active
            ? html`<button type="button" aria-label="Stop ${code.code}" @click=${() => host.stop(code)}>Stop…</button>`
            : html`<button type="button" aria-label="Start again: ${code.code}" @click=${() => host.start(code)}>Start again</button>`}
        </td>
      </tr>`)}</tbody>
    </table></div>`}
  </section>`;
}

type TextField<T> = keyof T & string;

function textField<T extends PromoDraft | LimitsDraft>(host: SlotwiseConsolePromoCodes, prefix: string, values: T, set: (patch: Partial<T>) => void, field: TextField<T>, label: string, attrs: { type?: string; inputmode?: string; hint?: string } = {}) {
  const { errors } = host;
  const hint = attrs.hint ? `${prefix}-${field}-hint` : '';
  const describe = [describedBy(errors, field), hint].filter((v) => typeof v === 'string' && v).join(' ') || nothing;
  return html`<div><label for="${prefix}-${field}">${label}</label>
    <input id="${prefix}-${field}" name=${field} type=${attrs.type ?? 'text'} .value=${values[field] as string} inputmode=${attrs.inputmode ?? 'text'}
      aria-invalid=${invalid(errors, field)} aria-describedby=${describe}
      @input=${(e: Event) => set({ [field]: (e.target as HTMLInputElement).value } as Partial<T>)} />
    ${attrs.hint ? html`<p class="hint" id=${hint}>${attrs.hint}</p>` : nothing}
    ${renderFieldError(errors, field)}</div>`;
}

/** A new code; the server's field errors sit under their fields, and what was typed stays. */
export function renderNewCodeForm(host: SlotwiseConsolePromoCodes) {
  const { draft, errors } = host;
  const set = (patch: Partial<PromoDraft>) => (host.draft = { ...host.draft, ...patch });
  const field = (name: TextField<PromoDraft>, label: string, attrs?: { type?: string; inputmode?: string; hint?: string }) => textField(host, 'promo', draft, set, name, label, attrs);
  const active = host.services.filter((s) => s.active);
  return html`<form class="promo-form" novalidate @submit=${(e: Event) => host.save(e)} aria-labelledby="promo-form-heading">
    <h3 id="promo-form-heading">New promo code</h3>
    ${renderFormError(errors)}
    ${field('code', 'Code', { hint: '3–40 letters, digits, - or _; customers may type it in any case.' })}
    <fieldset>
      <legend>Discount</legend>
      <label class="check"><input type="radio" name="kind" value="percent" .checked=${draft.kind === 'percent'} @change=${() => set({ kind: 'percent' })} /> Percent off</label>
      <label class="check"><input type="radio" name="kind" value="amount" .checked=${draft.kind === 'amount'} @change=${() => set({ kind: 'amount' })} /> Amount off (${host.currency})</label>
    </fieldset>
    ${field('value', draft.kind === 'percent' ? 'Percent off (1–100)' : `Amount off in ${host.currency}`, { inputmode: 'decimal' })}
    <fieldset>
      <legend>Services (none ticked: all services)</legend>
      ${serviceChecks(active, draft.serviceIds, errors, (serviceIds) => set({ serviceIds }))}
      ${renderFieldError(errors, 'serviceIds')}
    </fieldset>
    ${field('validFrom', 'First day it works (optional)', { type: 'date' })}
    ${field('validUntil', 'Last day it works (optional)', { type: 'date', hint: `Days in your time zone, ${host.timeZone}.` })}
    ${field('maxRedemptions', 'Uses in all (optional)', { inputmode: 'numeric' })}
    ${field('maxPerCustomer', 'Uses per customer email (optional)', { inputmode: 'numeric' })}
    <label class="check"><input type="checkbox" name="firstBookingOnly" .checked=${draft.firstBookingOnly} @change=${(e: Event) => set({ firstBookingOnly: (e.target as HTMLInputElement).checked })} /> Only for a customer’s first booking with you</label>
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${host.saving}>${host.saving ? 'Creating…' : 'Create code'}</button>
      <button type="button" @click=${() => host.cancelEdit()}>Cancel</button>
    </div>
  </form>`;
}

/** A code's end and limits: what may change after customers know it. */
export function renderLimitsForm(host: SlotwiseConsolePromoCodes) {
  const code = host.codes?.find((c) => c.id === host.editing);
  if (!code) return nothing;
  const set = (patch: Partial<LimitsDraft>) => (host.limits = { ...host.limits, ...patch });
  const field = (name: TextField<LimitsDraft>, label: string, attrs?: { type?: string; inputmode?: string; hint?: string }) => textField(host, 'limits', host.limits, set, name, label, attrs);
  return html`<form class="promo-form" novalidate @submit=${(e: Event) => host.save(e)} aria-labelledby="limits-heading">
    <h3 id="limits-heading">Change ${code.code}</h3>
    ${renderFormError(host.errors)}
    <p class="note">${discountOf(code)}; its text, discount and services stay as they are — make a new code for another offer. Bookings made with it keep their price.</p>
    ${field('validUntil', 'Last day it works (empty: no end)', { type: 'date', hint: `A day in your time zone, ${host.timeZone}.` })}
    ${field('maxRedemptions', `Uses in all (empty: no limit; used ${code.redemptions} times so far)`, { inputmode: 'numeric' })}
    ${field('maxPerCustomer', 'Uses per customer email (empty: no limit)', { inputmode: 'numeric' })}
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${host.saving}>${host.saving ? 'Saving…' : 'Save changes'}</button>
      <button type="button" @click=${() => host.cancelEdit()}>Cancel</button>
    </div>
  </form>`;
}
